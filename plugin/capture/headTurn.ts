// How far the head turned between two frames, from MediaPipe's facial transformation
// matrices, in the plugin's own conventions (FaceControls): yaw > 0 turns the face to the
// viewer's right, pitch > 0 lifts the chin, roll > 0 tilts the head counter-clockwise on screen.

export interface HeadAngles {
  yaw: number;
  pitch: number;
  roll: number;
}

type Matrix3 = [number, number, number, number, number, number, number, number, number];

/** The rotation part of a column-major 4×4 matrix, row-major 3×3, with any scale divided out. */
function rotationOf(m: ArrayLike<number>): Matrix3 {
  const out = new Array<number>(9) as Matrix3;
  for (let column = 0; column < 3; column++) {
    const length = Math.hypot(m[column * 4], m[column * 4 + 1], m[column * 4 + 2]);
    for (let row = 0; row < 3; row++) out[row * 3 + column] = m[column * 4 + row] / length;
  }
  return out;
}

/**
 * The turn that takes the head from its pose in `from` to its pose in `to`, in camera axes, so
 * a portrait's own pose cancels out: Δ = R_to · R_fromᵀ, split as the rig composes a turn,
 * Rz(roll) · Rx(pitch) · Ry(yaw) (yaw first, roll last).
 */
export function headTurnBetween(from: ArrayLike<number>, to: ArrayLike<number>): HeadAngles {
  const a = rotationOf(from), b = rotationOf(to);
  const d = (row: number, column: number) => b[row * 3] * a[column * 3] + b[row * 3 + 1] * a[column * 3 + 1] + b[row * 3 + 2] * a[column * 3 + 2];
  const pitch = Math.asin(Math.max(-1, Math.min(1, d(2, 1))));
  const yaw = Math.atan2(-d(2, 0), d(2, 2));
  const roll = Math.atan2(-d(0, 1), d(1, 1));
  return { yaw: YAW_SIGN * yaw, pitch: PITCH_SIGN * pitch, roll: ROLL_SIGN * roll };
}

/** MediaPipe's camera looks down −z with y up; these turn its angles into the plugin's conventions. */
const YAW_SIGN = 1;
const PITCH_SIGN = -1;
const ROLL_SIGN = 1;

// How far the head turned between two frames, from MediaPipe's facial transformation
// matrices, in the plugin's own conventions (FaceControls): yaw > 0 turns the face to the
// viewer's right, pitch > 0 lifts the chin, roll > 0 tilts the head counter-clockwise on screen.

export interface HeadAngles {
  yaw: number;
  pitch: number;
  roll: number;
}

/** Rotation scratch for headTurnInto, row-major 3×3: per-frame code allocates nothing. */
const scratchFrom = new Float64Array(9);
const scratchTo = new Float64Array(9);

/** The rotation part of a column-major 4×4 matrix into `out`, row-major 3×3, with any scale divided out. */
export function rotationOf(m: ArrayLike<number>, out: Float64Array): Float64Array {
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
  return headTurnInto(from, to, { yaw: 0, pitch: 0, roll: 0 });
}

/** headTurnBetween written into `out`, allocating nothing: for per-frame code. Returns `out`. */
export function headTurnInto<T extends HeadAngles>(from: ArrayLike<number>, to: ArrayLike<number>, out: T): T {
  const a = rotationOf(from, scratchFrom), b = rotationOf(to, scratchTo);
  const pitch = Math.asin(Math.max(-1, Math.min(1, turnEntry(a, b, 2, 1))));
  const yaw = Math.atan2(-turnEntry(a, b, 2, 0), turnEntry(a, b, 2, 2));
  const roll = Math.atan2(-turnEntry(a, b, 0, 1), turnEntry(a, b, 1, 1));
  out.yaw = YAW_SIGN * yaw;
  out.pitch = PITCH_SIGN * pitch;
  out.roll = ROLL_SIGN * roll;
  return out;
}

/** Entry (row, column) of Δ = B · Aᵀ for row-major rotations A and B. */
function turnEntry(a: Float64Array, b: Float64Array, row: number, column: number): number {
  return b[row * 3] * a[column * 3] + b[row * 3 + 1] * a[column * 3 + 1] + b[row * 3 + 2] * a[column * 3 + 2];
}

/** MediaPipe's camera looks down −z with y up; these turn its angles into the plugin's conventions. */
const YAW_SIGN = 1;
const PITCH_SIGN = -1;
const ROLL_SIGN = 1;

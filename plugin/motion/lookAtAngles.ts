// Where a world point lies as seen from a portrait: yaw and pitch in the portrait's own frame, from plain numbers.

/** A direction as seen from a portrait, radians: yaw > 0 toward the viewer's right, pitch > 0 up. */
export interface LookAngles {
  yaw: number;
  pitch: number;
}

/** Below this squared length a vector has no direction. */
const DEGENERATE_LENGTH_SQUARED = 1e-20;

/**
 * Yaw and pitch of `target` as seen from a portrait at `position` whose face points along `forward` (its
 * normal, toward whoever looks at it) with `up` as its up. All are world-space [x, y, z]; `up` need not be
 * exactly perpendicular to `forward`. Yaw > 0 is toward the viewer's right (the subject's left), the same
 * sign as FaceControls.yaw, so the result feeds GazeSource.setLookAtDirection directly. Pass `leftHanded`
 * true for Babylon's default left-handed scene (false when scene.useRightHandedSystem). Writes into `out`
 * and returns it; allocates nothing, so it may run every frame. A target behind the portrait gives |yaw| > 90°.
 */
export function lookAtAngles(
  position: ArrayLike<number>, forward: ArrayLike<number>, up: ArrayLike<number>, target: ArrayLike<number>,
  out: LookAngles, leftHanded = false,
): LookAngles {
  const fLength = Math.sqrt(forward[0] * forward[0] + forward[1] * forward[1] + forward[2] * forward[2]);
  if (!(fLength * fLength > DEGENERATE_LENGTH_SQUARED)) {
    throw new RangeError(`lookAtAngles: forward [${Array.from(forward)}] has no direction; pass the portrait's normal.`);
  }
  const fx = forward[0] / fLength, fy = forward[1] / fLength, fz = forward[2] / fLength;
  // Up without its forward part (Gram–Schmidt), normalised.
  const upAlong = up[0] * fx + up[1] * fy + up[2] * fz;
  let ux = up[0] - upAlong * fx, uy = up[1] - upAlong * fy, uz = up[2] - upAlong * fz;
  const uLength = Math.sqrt(ux * ux + uy * uy + uz * uz);
  if (!(uLength * uLength > DEGENERATE_LENGTH_SQUARED)) {
    throw new RangeError(`lookAtAngles: up [${Array.from(up)}] is parallel to forward or zero; pass the portrait's up vector.`);
  }
  ux /= uLength; uy /= uLength; uz /= uLength;
  // The viewer's right: up × forward in a right-handed frame, forward × up in a left-handed one.
  const side = leftHanded ? -1 : 1;
  const rx = side * (uy * fz - uz * fy), ry = side * (uz * fx - ux * fz), rz = side * (ux * fy - uy * fx);
  const dx = target[0] - position[0], dy = target[1] - position[1], dz = target[2] - position[2];
  const along = dx * fx + dy * fy + dz * fz;
  const right = dx * rx + dy * ry + dz * rz;
  const above = dx * ux + dy * uy + dz * uz;
  const yaw = Math.atan2(right, along);
  const pitch = Math.atan2(above, Math.sqrt(along * along + right * right));
  if (!Number.isFinite(yaw) || !Number.isFinite(pitch)) {
    throw new RangeError('lookAtAngles: position and target must be finite [x, y, z] points.');
  }
  out.yaw = yaw;
  out.pitch = pitch;
  return out;
}

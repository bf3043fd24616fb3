// The least-squares affine map between two point sets: how a shot is framed against its portrait.

/** x' = a·x + b·y + c, y' = d·x + e·y + f, as [a, b, c, d, e, f]. */
export type Affine = readonly [number, number, number, number, number, number];

/**
 * The affine map taking points `from` (x, y pairs, read with `fromStride` floats per point) onto
 * `to` (x, y pairs, `toStride` floats per point) in the least-squares sense, over the points `indices`.
 */
export function fitAffine(from: ArrayLike<number>, fromStride: number, to: ArrayLike<number>, toStride: number, indices: readonly number[]): Affine {
  // Normal equations over (x, y, 1): one 3×3 system, shared by both output rows.
  let sxx = 0, sxy = 0, sx = 0, syy = 0, sy = 0;
  let ux = 0, uy = 0, u1 = 0, vx = 0, vy = 0, v1 = 0;
  for (const i of indices) {
    const x = from[i * fromStride], y = from[i * fromStride + 1];
    const u = to[i * toStride], v = to[i * toStride + 1];
    sxx += x * x; sxy += x * y; sx += x; syy += y * y; sy += y;
    ux += u * x; uy += u * y; u1 += u;
    vx += v * x; vy += v * y; v1 += v;
  }
  const m = [sxx, sxy, sx, sxy, syy, sy, sx, sy, indices.length];
  const [a, b, c] = solve3(m, ux, uy, u1);
  const [d, e, f] = solve3(m, vx, vy, v1);
  return [a, b, c, d, e, f];
}

/** Applies `t` to (x, y), writing x' and y' into out[at], out[at + 1]. */
export function applyAffine(t: Affine, x: number, y: number, out: Float32Array | number[], at: number): void {
  out[at] = t[0] * x + t[1] * y + t[2];
  out[at + 1] = t[3] * x + t[4] * y + t[5];
}

/** How much the map scales lengths: the square root of its area scale. */
export function affineScale(t: Affine): number {
  return Math.sqrt(Math.abs(t[0] * t[4] - t[1] * t[3]));
}

function solve3(m: readonly number[], r0: number, r1: number, r2: number): [number, number, number] {
  const det = (a: readonly number[]) => a[0] * (a[4] * a[8] - a[5] * a[7]) - a[1] * (a[3] * a[8] - a[5] * a[6]) + a[2] * (a[3] * a[7] - a[4] * a[6]);
  const d = det(m);
  if (!(Math.abs(d) > 1e-9)) throw new RangeError('fitAffine: the points are collinear; no affine map fits them.');
  const col = (k: number) => m.map((v, i) => (i % 3 === k ? [r0, r1, r2][Math.floor(i / 3)] : v));
  return [det(col(0)) / d, det(col(1)) / d, det(col(2)) / d];
}

/** The inverse map; RangeError when `t` squashes the plane flat. */
export function invertAffine(t: Affine): Affine {
  const [a, b, c, d, e, f] = t;
  const det = a * e - b * d;
  if (!(Math.abs(det) > 1e-12)) throw new RangeError('invertAffine: the map squashes the plane flat; it has no inverse.');
  const ia = e / det, ib = -b / det, id = -d / det, ie = a / det;
  return [ia, ib, -(ia * c + ib * f), id, ie, -(id * c + ie * f)];
}

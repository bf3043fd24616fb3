// Least squares: what of a landmark displacement field the given fields cannot explain.

/**
 * Subtracts from `motion` (x, y per landmark) its least-squares fit by the `fields` (same
 * layout): what is left is motion none of them makes. Fields that are all zero or repeat
 * another are skipped. Bake time only.
 */
export function subtractFit(motion: Float32Array, fields: readonly Float32Array[]): void {
  const n = fields.length;
  // Gram-Schmidt: an orthonormal basis of the fields' span, then one projection each.
  const basis: Float64Array[] = [];
  for (let f = 0; f < n; f++) {
    const v = Float64Array.from(fields[f]);
    for (const b of basis) {
      const along = dot(v, b);
      for (let i = 0; i < v.length; i++) v[i] -= along * b[i];
    }
    const length = Math.sqrt(dot(v, v));
    if (length <= NEGLIGIBLE * Math.sqrt(dot(Float64Array.from(fields[f]), Float64Array.from(fields[f])))) continue;
    for (let i = 0; i < v.length; i++) v[i] /= length;
    basis.push(v);
  }
  for (const b of basis) {
    let along = 0;
    for (let i = 0; i < motion.length; i++) along += motion[i] * b[i];
    for (let i = 0; i < motion.length; i++) motion[i] -= along * b[i];
  }
}

/** A field this small a share of itself once the earlier fields are taken out adds nothing. */
const NEGLIGIBLE = 1e-6;

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

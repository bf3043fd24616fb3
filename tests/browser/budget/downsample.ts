// Box-filter downsizing of an RGBA frame by a whole factor: the reference a smaller render level is compared with.
import type { Rgba } from '../../support/pixels';

/** `frame` shrunk to `size` × `size` by averaging each factor × factor block (its size must be a multiple of `size`). */
export function downsample(frame: Rgba, size: number): Rgba {
  const factor = frame.width / size;
  if (!Number.isInteger(factor) || frame.height !== frame.width) throw new RangeError(`downsample: ${frame.width}×${frame.height} does not shrink to ${size} by a whole factor.`);
  const out = new Uint8Array(size * size * 4);
  const area = factor * factor;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      for (let c = 0; c < 4; c++) {
        let sum = 0;
        for (let dy = 0; dy < factor; dy++) {
          const row = (y * factor + dy) * frame.width;
          for (let dx = 0; dx < factor; dx++) sum += frame.data[(row + x * factor + dx) * 4 + c];
        }
        out[(y * size + x) * 4 + c] = Math.round(sum / area);
      }
    }
  }
  return { width: size, height: size, data: out };
}

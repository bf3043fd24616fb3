import { describe, expect, it } from 'vitest';
import { ChunkedFrameBuffer } from '../../../../plugin/motion/clips/ChunkedFrameBuffer';

function fill(buffer: ChunkedFrameBuffer, frames: number, base: number): void {
  for (let f = 0; f < frames; f++) {
    const chunk = buffer.pushFrame();
    for (let k = 0; k < buffer.frameSize; k++) chunk[buffer.writeOffset + k] = base + f * 10 + k;
  }
}

describe('ChunkedFrameBuffer', () => {
  it('keeps frames in order across chunk boundaries, one chunk per chunkFrames frames', () => {
    const buffer = new ChunkedFrameBuffer(2, 3);
    fill(buffer, 7, 0);
    expect(buffer.chunkCount).toBe(3);
    expect(Array.from(buffer.toArray())).toEqual([0, 1, 10, 11, 20, 21, 30, 31, 40, 41, 50, 51, 60, 61]);
  });

  it('reuses its chunks after clear()', () => {
    const buffer = new ChunkedFrameBuffer(1, 4);
    fill(buffer, 8, 0);
    buffer.clear();
    fill(buffer, 8, 100);
    expect(buffer.chunkCount).toBe(2);
    expect(Array.from(buffer.toArray())).toEqual([100, 110, 120, 130, 140, 150, 160, 170]);
  });

  it('gives an empty array when empty', () => {
    expect(new ChunkedFrameBuffer(3, 2).toArray()).toHaveLength(0);
  });
});

// Fixed-size frames appended into Float32Array chunks: no copying as it grows, one allocation per chunk.

/**
 * Frames of `frameSize` floats stored in chunks of `chunkFrames` frames. Appending allocates only when
 * the last chunk is full (one new chunk); `clear()` keeps the chunks, so a second recording of the same
 * length allocates nothing.
 */
export class ChunkedFrameBuffer {
  /** Frames appended since the last clear(). */
  frameCount = 0;
  /** After pushFrame(): where the new frame's values start in the chunk it returned. */
  writeOffset = 0;
  private readonly chunks: Float32Array[] = [];

  constructor(readonly frameSize: number, readonly chunkFrames: number) {}

  /** Makes room for one more frame and returns the chunk that holds it (its values start at `writeOffset`). */
  pushFrame(): Float32Array {
    const chunkIndex = Math.floor(this.frameCount / this.chunkFrames);
    if (chunkIndex === this.chunks.length) this.chunks.push(new Float32Array(this.frameSize * this.chunkFrames));
    this.writeOffset = (this.frameCount % this.chunkFrames) * this.frameSize;
    this.frameCount++;
    return this.chunks[chunkIndex];
  }

  /** All frames so far in one new Float32Array, frame-major. */
  toArray(): Float32Array {
    const result = new Float32Array(this.frameCount * this.frameSize);
    const chunkValues = this.chunkFrames * this.frameSize;
    for (let start = 0, chunk = 0; start < result.length; start += chunkValues, chunk++) {
      result.set(this.chunks[chunk].subarray(0, Math.min(chunkValues, result.length - start)), start);
    }
    return result;
  }

  /** Forgets the frames; the chunks stay for reuse. */
  clear(): void {
    this.frameCount = 0;
    this.writeOffset = 0;
  }

  /** Number of chunks allocated so far. */
  get chunkCount(): number {
    return this.chunks.length;
  }
}

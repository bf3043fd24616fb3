// What a portrait needs of a generator: pixels for a rig pose, drawn into its texture.
import type { GeneratorShot } from './WarpGenerator';

/** A generator turns a posed rig into pixels on the GPU: the warp generator, or the ONNX generator. */
export interface PortraitGenerator {
  /** Draws (or starts drawing) the pose; false when it cannot yet. Allocates nothing, awaits nothing. */
  render(positions: Float32Array): boolean;
  /** True once its shaders (and sessions) are ready for the first frame. */
  isReady(): boolean;
  /** Resolves once no frame is in flight (generators that draw asynchronously); for tools and tests. */
  whenIdleAsync?(): Promise<void>;
  /** Draws shut eyes and an open mouth from other shots of the character (few-shot); generators without it use one image. */
  setShots?(eyes: GeneratorShot | null, mouth: GeneratorShot | null): void;
  /**
   * After the engine restored a lost GPU device (Babylon rebuilds its own objects, not raw
   * buffers): re-creates what this generator made itself. Generators without it cannot come back.
   */
  rebuild?(): void;
  dispose(): void;
}

/** Which generator draws a portrait. */
export type PortraitGeneratorKind = 'warp' | 'onnx';

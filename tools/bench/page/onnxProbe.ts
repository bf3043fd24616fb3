// Bench-only view into ONNX portraits: when each frame was shown, how long its inference took, and what starting and presenting it cost the main thread.
import type { StorageBuffer } from '@babylonjs/core/Buffers/storageBuffer';
import type { TalkingPortrait } from '../../../plugin/babylon/TalkingPortrait';
import { OnnxGenerator } from '../../../plugin/render/onnx/OnnxGenerator';
import type { FrameSamples } from './frameSamples';

/** The private fields this probe reads; TalkingPortrait and OnnxGenerator do not expose them (a benchmark is no public user). */
interface PortraitInternals {
  _generator?: unknown;
}
interface GeneratorInternals {
  _presenter?: { present(tensor: StorageBuffer): boolean };
  _session?: { run(feeds: unknown, fetches: unknown, options?: unknown): Promise<unknown> };
}

/** The ONNX generator a portrait draws with; throws if it kept the warp generator. */
function onnxGeneratorOf(portrait: TalkingPortrait): OnnxGenerator {
  const generator = (portrait as unknown as PortraitInternals)._generator;
  if (!(generator instanceof OnnxGenerator)) {
    throw new TypeError(`bench: portrait '${portrait.texture.name}' draws with '${portrait.generatorKind}', not the ONNX generator; the ONNX cases need a WebGPU engine with compute shaders.`);
  }
  return generator;
}

/** A private field of the generator, or a TypeError saying this probe is out of date. */
function internal<K extends keyof GeneratorInternals>(generator: OnnxGenerator, key: K): NonNullable<GeneratorInternals[K]> {
  const value = (generator as unknown as GeneratorInternals)[key];
  if (!value) throw new TypeError(`bench: OnnxGenerator no longer has ${key}; update tools/bench/page/onnxProbe.ts.`);
  return value as NonNullable<GeneratorInternals[K]>;
}

/**
 * Records, for every attached portrait (the plugin's generators take turns with onnxruntime),
 * each shown frame's inference time (start → frame on the GPU, OnnxGenerator.onFrameShown) into
 * `samples.inferenceMs`; adds up the main-thread time of starting runs and presenting finished
 * frames, which may happen in promise callbacks outside PortraitSystem.update.
 */
export class OnnxProbe {
  private readonly _generators: OnnxGenerator[] = [];
  private _mainThreadMs = 0;
  /** The first inference that failed (the generator then stops, so the window's figures would mean nothing). */
  failure: Error | null = null;

  constructor(private readonly _samples: FrameSamples) {}

  attach(portrait: TalkingPortrait): void {
    const generator = onnxGeneratorOf(portrait);
    generator.onFrameShown.add(this._shown);
    generator.onError.add(this._failed);
    const session = internal(generator, '_session');
    const run = session.run.bind(session);
    session.run = (feeds, fetches, options) => this._timed(() => run(feeds, fetches, options));
    const presenter = internal(generator, '_presenter');
    const present = presenter.present.bind(presenter);
    presenter.present = (tensor: StorageBuffer): boolean => this._timed(() => present(tensor));
    this._generators.push(generator);
  }

  /** Resolves once no attached generator has an inference running or waiting (before the scene's render loop drives them). */
  async whenIdleAsync(): Promise<void> {
    await Promise.all(this._generators.map((g) => g.whenIdleAsync()));
  }

  /**
   * Main-thread ms since the last call spent in the synchronous part of starting runs (session.run's
   * call; its asynchronous rest is not seen here) and in presenting finished frames.
   */
  takeMainThreadMs(): number {
    const ms = this._mainThreadMs;
    this._mainThreadMs = 0;
    return ms;
  }

  private _timed<T>(work: () => T): T {
    const began = performance.now();
    const result = work();
    this._mainThreadMs += performance.now() - began;
    return result;
  }

  private readonly _failed = (error: Error): void => {
    this.failure ??= error;
  };

  private readonly _shown = (ms: number): void => {
    if (this._samples.recording) this._samples.inferenceMs.push(ms);
  };
}

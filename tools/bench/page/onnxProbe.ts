// Bench-only view into ONNX portraits: when each frame was shown, how long its inference took, and what starting and presenting it cost the main thread.
import type { TalkingPortrait } from '../../../plugin/babylon/TalkingPortrait';
import { OnnxGenerator } from '../../../plugin/render/onnx/OnnxGenerator';
import type { FrameSamples } from './frameSamples';

/** The ONNX generator a portrait draws with; throws if it kept the warp generator. */
function onnxGeneratorOf(portrait: TalkingPortrait): OnnxGenerator {
  const generator = portrait.generator;
  if (!(generator instanceof OnnxGenerator)) {
    throw new TypeError(`bench: portrait '${portrait.texture.name}' draws with '${portrait.generatorKind}', not the ONNX generator; the ONNX cases need a WebGPU engine with compute shaders.`);
  }
  return generator;
}

/**
 * Records, for every attached portrait (the plugin's generators take turns with onnxruntime),
 * each shown frame's inference time (start → frame on the GPU, OnnxGenerator.onFrameShown) into
 * `samples.inferenceMs`; adds up the main-thread time of starting runs and presenting finished
 * frames, which may happen in promise callbacks outside PortraitSystem.update.
 */
export class OnnxProbe {
  private readonly _generators: OnnxGenerator[] = [];
  /** The first inference that failed (the generator then stops, so the window's figures would mean nothing). */
  failure: Error | null = null;

  constructor(private readonly _samples: FrameSamples) {}

  attach(portrait: TalkingPortrait): void {
    const generator = onnxGeneratorOf(portrait);
    generator.onFrameShown.add(this._shown);
    generator.onError.add(this._failed);
    this._generators.push(generator);
  }

  /** Resolves once no attached generator has an inference running or waiting (before the scene's render loop drives them). */
  async whenIdleAsync(): Promise<void> {
    await Promise.all(this._generators.map((g) => g.whenIdleAsync()));
  }

  /** Main-thread ms the attached generators spent since the last call outside PortraitSystem.update (OnnxGenerator.takeOutsideRenderMs). */
  takeMainThreadMs(): number {
    let ms = 0;
    for (const generator of this._generators) ms += generator.takeOutsideRenderMs();
    return ms;
  }

  private readonly _failed = (error: Error): void => {
    this.failure ??= error;
  };

  private readonly _shown = (ms: number): void => {
    if (this._samples.recording) this._samples.inferenceMs.push(ms);
  };
}

// Browser test helper: plays a fixture WAV through AudioLipSync in an OfflineAudioContext, sampling it like a game frame loop in audio time.
import { FaceControls } from '../../../plugin/core/FaceControls';
import { Blendshape } from '../../../plugin/core/arkitBlendshapes';
import { HEAD_CHANNEL_COUNT } from '../../../plugin/motion/MotionSource';
import { AudioLipSync } from '../../../plugin/motion/audio/AudioLipSync';
import type { AudioLipSyncOptions } from '../../../plugin/motion/audio/audioLipSyncOptions';

/** One word of a fixture, in samples of the fixture's own rate. */
export interface FixtureWord {
  word: string;
  startSample: number;
  endSample: number;
}

/** A fixture's boundaries file (tools/audio/make-speech-fixtures.mjs). */
export interface FixtureMeta {
  sampleRate: number;
  lengthSamples: number;
  words: FixtureWord[];
}

/** One sample() of the source: when (audio time, ms) and what it wrote. */
export interface TracePoint {
  timeMs: number;
  jawOpen: number;
  channel: number;
}

/** Rate of the offline render: the WAV (22.05 kHz) is resampled, as a game's context would. */
export const RENDER_RATE = 48_000;
/** The simulated frame loop: a sample() every 128 render quanta ≈ 21 ms (under 60 fps's budget, over the hop). */
const QUANTA_PER_FRAME = 8;
const QUANTUM = 128;

/** Fetches and decodes a fixture and its word boundaries. */
export async function loadFixture(name: string, context: BaseAudioContext): Promise<{ buffer: AudioBuffer; meta: FixtureMeta }> {
  const [wav, meta] = await Promise.all([
    fetch(`/tests/fixtures/audio/${name}.wav`).then((r) => r.arrayBuffer()),
    fetch(`/tests/fixtures/audio/${name}.json`).then((r) => r.json() as Promise<FixtureMeta>),
  ]);
  return { buffer: await context.decodeAudioData(wav), meta };
}

/** Renders `name` through a new AudioLipSync offline, sampling it at every simulated frame; returns the trace and the source. */
export async function traceOffline(name: string, options: AudioLipSyncOptions): Promise<{ trace: TracePoint[]; meta: FixtureMeta; lipSync: AudioLipSync }> {
  const probe = new OfflineAudioContext(1, QUANTUM, RENDER_RATE);
  const { meta } = await loadFixture(name, probe);
  const durationS = meta.lengthSamples / meta.sampleRate;
  const context = new OfflineAudioContext(1, Math.ceil(durationS * RENDER_RATE), RENDER_RATE);
  const { buffer } = await loadFixture(name, context);
  const lipSync = await AudioLipSync.CreateAsync(context, options);
  const player = new AudioBufferSourceNode(context, { buffer });
  lipSync.attach(player);
  player.start(0);
  const out = new FaceControls();
  const trace: TracePoint[] = [];
  const frameS = (QUANTA_PER_FRAME * QUANTUM) / RENDER_RATE;
  for (let t = frameS; t < durationS; t += frameS) {
    const at = t;
    void context.suspend(at).then(() => {
      lipSync.sample(at * 1000, out);
      trace.push({ timeMs: at * 1000, jawOpen: out.weights[Blendshape.jawOpen], channel: lipSync.channels[HEAD_CHANNEL_COUNT + Blendshape.jawOpen] });
      return context.resume();
    });
  }
  await context.startRendering();
  return { trace, meta, lipSync };
}

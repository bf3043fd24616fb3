// Lip sync from any playing audio in a Web Audio graph: an AudioWorklet (or AnalyserNode) tap feeding AudioMouthAnalyser, as a MotionSource.
import { AnalyserNodeReader } from './AnalyserNodeReader';
import { AudioCaptureError } from '../../core/errors/AudioCaptureError';
import { AudioMouthAnalyser } from './AudioMouthAnalyser';
import { AudioMouthSource, type AudioWindowFeed } from './AudioMouthSource';
import { checkMode, type AudioLipSyncOptions, type AudioLipSyncTransport } from './audioLipSyncOptions';
import { CAPTURE_POOL_BLOCKS, CAPTURE_PROCESSOR_NAME, registerCaptureProcessor, type CaptureProcessorOptions } from './captureWorklet';
import { HopReader, MAX_WINDOWS_PER_PUMP } from './HopReader';
import { SampleRing } from './SampleRing';

/** The Web Audio pieces one AudioLipSync owns. */
interface Capture {
  feed: AudioWindowFeed;
  tap: AudioNode;
  transport: AudioLipSyncTransport;
}

/**
 * Turns audio playing through a Web Audio graph (an `<audio>` element, a decoded file, a remote
 * player's WebRTC voice via createMediaStreamSource) into mouth controls in real time. Connect
 * audio to `input` (or `attach(node)`): it is mixed to mono and captured by an AudioWorklet that
 * writes into a shared ring (or posts blocks), or by an AnalyserNode where worklets are missing.
 * Each `sample()` analyses the windows that arrived since the last one (AudioMouthAnalyser: one
 * `windowMs` window, default 25 ms, every `hopMs`), so the mouth lags the audio by at most one
 * window. The tap has no outputs: nothing is added to what the listener hears. Layer it in a
 * MotionMixer like SpeechSource; `dispose()` disconnects everything and is safe twice.
 */
export class AudioLipSync extends AudioMouthSource {
  /** Where audio goes in: connect sources here (mixed to mono). */
  readonly input: GainNode;
  /** How samples reach the analysis in this instance. */
  readonly transport: AudioLipSyncTransport;
  /** Why mode 'auto' fell back to the AnalyserNode; null when it did not. */
  readonly workletError: unknown;
  private readonly tap: AudioNode;
  private readonly attached = new Set<AudioNode>();
  private disposed = false;

  private constructor(readonly context: BaseAudioContext, analyser: AudioMouthAnalyser, input: GainNode, capture: Capture, workletError: unknown, options: AudioLipSyncOptions) {
    super(analyser, capture.feed, options);
    this.input = input;
    this.tap = capture.tap;
    this.transport = capture.transport;
    this.workletError = workletError;
  }

  /** True when `context` can host lip sync (it has an AudioWorklet or can create an AnalyserNode). */
  static IsSupported(context: BaseAudioContext): boolean {
    return typeof context === 'object' && context !== null && (context.audioWorklet !== undefined || typeof context.createAnalyser === 'function');
  }

  /**
   * Builds the capture in `context` (an AudioContext or OfflineAudioContext). Resolves once the
   * worklet module is loaded. TypeError/RangeError for bad options; AudioCaptureError when mode
   * 'worklet' cannot be had.
   */
  static async CreateAsync(context: BaseAudioContext, options: AudioLipSyncOptions = {}): Promise<AudioLipSync> {
    if (!AudioLipSync.IsSupported(context)) {
      throw new TypeError(`AudioLipSync.CreateAsync: expected an AudioContext or OfflineAudioContext, got ${String(context)}.`);
    }
    const mode = checkMode(options.mode ?? 'auto');
    const shared = options.sharedMemory ?? globalThis.crossOriginIsolated === true;
    if (shared && typeof SharedArrayBuffer !== 'function') {
      throw new TypeError('AudioLipSync.CreateAsync: options.sharedMemory needs a crossOriginIsolated page (COOP/COEP headers); leave it unset.');
    }
    const analyser = new AudioMouthAnalyser(context.sampleRate, options);
    const input = new GainNode(context, { channelCount: 1, channelCountMode: 'explicit', channelInterpretation: 'speakers' });
    let capture: Capture | null = null;
    let workletError: unknown = null;
    if (mode !== 'analyser') {
      try {
        capture = await createWorkletCapture(context, analyser, shared);
      } catch (error) {
        if (mode === 'worklet') throw error instanceof AudioCaptureError ? error : new AudioCaptureError(`the worklet module did not load (${String(error)})`, { cause: error });
        workletError = error;
      }
    }
    if (capture === null) {
      const reader = new AnalyserNodeReader(context, analyser);
      capture = { feed: reader, tap: reader.node, transport: 'analyser-node' };
    }
    input.connect(capture.tap);
    return new AudioLipSync(context, analyser, input, capture, workletError, options);
  }

  /** Always true: CreateAsync resolves only once the capture is running. */
  isReady(): boolean {
    return !this.disposed;
  }

  /** Connects `node` to `input` (its first output); dispose() disconnects it again. */
  attach(node: AudioNode): void {
    if (this.disposed) throw new TypeError('AudioLipSync.attach: this lip sync was disposed; create a new one.');
    if (!(node instanceof AudioNode)) throw new TypeError(`AudioLipSync.attach: expected an AudioNode, got ${String(node)}.`);
    if (this.attached.has(node)) return;
    node.connect(this.input);
    this.attached.add(node);
  }

  /** Disconnects a node connected by attach(); false when it was not attached. */
  detach(node: AudioNode): boolean {
    if (!this.attached.delete(node)) return false;
    node.disconnect(this.input);
    return true;
  }

  /** Disconnects the input, the tap and every attached node, and stops the worklet. Safe to call twice. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const node of this.attached) node.disconnect(this.input);
    this.attached.clear();
    this.input.disconnect();
    this.tap.disconnect();
    if (this.tap instanceof AudioWorkletNode) {
      this.tap.port.postMessage('stop');
      this.tap.port.onmessage = null;
      this.tap.port.close();
    }
    this.analyser.reset();
  }

  protected override pumpFeed(): number {
    return this.disposed ? 0 : super.pumpFeed();
  }
}

/** The worklet tap with its ring and reader; rejects with AudioCaptureError when the context has no worklet. */
async function createWorkletCapture(context: BaseAudioContext, analyser: AudioMouthAnalyser, shared: boolean): Promise<Capture> {
  if (context.audioWorklet === undefined || typeof AudioWorkletNode !== 'function') {
    throw new AudioCaptureError('this context has no AudioWorklet (it needs a secure context: https or localhost)');
  }
  await registerCaptureProcessor(context);
  const ring = new SampleRing(2 * (analyser.windowSamples + MAX_WINDOWS_PER_PUMP * analyser.hopSamples), shared);
  const processorOptions: CaptureProcessorOptions = {
    samples: shared ? (ring.samples.buffer as SharedArrayBuffer) : null,
    counter: shared ? (ring.counter.buffer as SharedArrayBuffer) : null,
    poolBlocks: CAPTURE_POOL_BLOCKS,
  };
  const tap = new AudioWorkletNode(context, CAPTURE_PROCESSOR_NAME, {
    numberOfInputs: 1, numberOfOutputs: 0, channelCount: 1, channelCountMode: 'explicit', channelInterpretation: 'speakers', processorOptions,
  });
  if (!shared) {
    tap.port.onmessage = (event: MessageEvent<Float32Array>) => {
      const block = event.data;
      ring.write(block);
      tap.port.postMessage(block, [block.buffer]);
    };
  }
  return { feed: new HopReader(ring, analyser), tap, transport: shared ? 'shared-memory' : 'messages' };
}

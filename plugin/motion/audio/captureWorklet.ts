// The AudioWorklet processor that copies the input into a SampleRing (shared memory) or posts it to the main thread, as module source text.

/** The name the capture processor is registered under in an AudioWorkletGlobalScope. */
export const CAPTURE_PROCESSOR_NAME = 'talking-portraits-audio-capture';
/** Blocks the processor keeps for posting when memory is not shared: ~0.17 s at 48 kHz, more than a busy main thread lags. */
export const CAPTURE_POOL_BLOCKS = 64;

/** What the processor is built with (AudioWorkletNodeOptions.processorOptions). */
export interface CaptureProcessorOptions {
  /** The ring's samples and count in SharedArrayBuffers; null to post blocks instead. */
  samples: SharedArrayBuffer | null;
  counter: SharedArrayBuffer | null;
  /** Number of render-quantum-sized buffers to circulate when posting. */
  poolBlocks: number;
}

/**
 * The processor's module source: plain JavaScript with no imports, so it loads from a Blob URL
 * with no network and no bundler. Each render quantum it takes channel 0 of its input (the node
 * is mono; a missing input counts as silence) and either writes it into the shared ring and
 * Atomics-stores the new count, or fills a pooled buffer and posts it (transferred) to the main
 * thread, which hands it back after copying. The message 'stop' ends processing.
 */
export const CAPTURE_PROCESSOR_SOURCE = `
const QUANTUM = 128;
class TalkingPortraitsAudioCapture extends AudioWorkletProcessor {
  constructor(options) {
    super();
    const o = options.processorOptions;
    this.samples = o.samples ? new Float32Array(o.samples) : null;
    this.counter = o.counter ? new Int32Array(o.counter) : null;
    this.mask = this.samples ? this.samples.length - 1 : 0;
    this.pool = [];
    if (!this.samples) for (let i = 0; i < o.poolBlocks; i++) this.pool.push(new Float32Array(QUANTUM));
    this.running = true;
    this.port.onmessage = (event) => {
      if (event.data === 'stop') this.running = false;
      else if (event.data instanceof Float32Array) this.pool.push(event.data);
    };
  }
  process(inputs) {
    if (!this.running) return false;
    const channel = inputs[0] && inputs[0][0];
    const n = channel ? channel.length : QUANTUM;
    if (this.samples) {
      const start = Atomics.load(this.counter, 0);
      for (let i = 0; i < n; i++) this.samples[(start + i) & this.mask] = channel ? channel[i] : 0;
      Atomics.store(this.counter, 0, (start + n) & 0x7fffffff);
    } else {
      const block = this.pool.pop();
      if (block === undefined || block.length !== n) return true;
      if (channel) block.set(channel); else block.fill(0);
      this.port.postMessage(block, [block.buffer]);
    }
    return true;
  }
}
registerProcessor(${JSON.stringify(CAPTURE_PROCESSOR_NAME)}, TalkingPortraitsAudioCapture);
`;

/** Registrations in flight or done, per context: a module is added to a context once. */
const registered = new WeakMap<BaseAudioContext, Promise<void>>();

/** Adds the capture processor to `context`'s worklet (once per context), from a Blob URL revoked afterwards. */
export function registerCaptureProcessor(context: BaseAudioContext): Promise<void> {
  let done = registered.get(context);
  if (done === undefined) {
    const url = URL.createObjectURL(new Blob([CAPTURE_PROCESSOR_SOURCE], { type: 'text/javascript' }));
    done = context.audioWorklet.addModule(url).finally(() => URL.revokeObjectURL(url));
    registered.set(context, done);
    // Forget a failed registration so a later CreateAsync can try again; the caller still gets the rejection from `done`.
    done.catch(() => registered.delete(context));
  }
  return done;
}

// onnxruntime's wasm binds console methods once, when it starts; to read its log later (node
// placement), the console methods it binds must be routers that can be pointed at a sink.

const ROUTED = ['log', 'info', 'warn', 'error', 'debug'] as const;
let sink: ((line: string) => void) | null = null;
let installed = false;
/**
 * onnxruntime's own verbose and info lines: the session logs verbosely so that node placement
 * can be read when it opens, and then would print every shader of every inference. Dropped
 * when nothing captures; its warnings and errors pass.
 */
const ORT_CHATTER = /\[[VI]:onnxruntime/;
/** At verbose level the WebGPU EP also prints each shader it compiles, a line at a time, between these. */
const SHADER_DUMP_START = /^=== WebGPU Shader code .* Start ===$/;
const SHADER_DUMP_END = /^=== WebGPU Shader code .* End ===$/;
let inShaderDump = false;
/** …and a blank line after each. */
let justAfterDump = false;

/** Whether a console line (not captured) is onnxruntime's chatter, to be dropped. */
function isChatter(args: readonly unknown[]): boolean {
  const line = typeof args[0] === 'string' ? args[0] : '';
  const blankAfterDump = justAfterDump && args.length === 1 && line.trim() === '';
  justAfterDump = false;
  if (blankAfterDump) return true;
  if (inShaderDump) {
    if (SHADER_DUMP_END.test(line)) {
      inShaderDump = false;
      justAfterDump = true;
    }
    return true;
  }
  if (SHADER_DUMP_START.test(line)) {
    inShaderDump = true;
    return true;
  }
  return ORT_CHATTER.test(line);
}

/** Routes console output through a switch, once, before onnxruntime starts; while nothing captures, all but onnxruntime's chatter passes unchanged. */
export function installOrtLogRouter(): void {
  if (installed) return;
  installed = true;
  for (const method of ROUTED) {
    const original = console[method].bind(console);
    console[method] = (...args: unknown[]) => {
      if (sink) sink(args.map(String).join(' '));
      else if (!isChatter(args)) original(...args);
    };
  }
}

/** Runs `work` with console output collected instead of printed; returns the collected lines. */
export async function captureOrtLog<T>(work: () => Promise<T>): Promise<{ result: T | null; error: unknown; lines: string[] }> {
  const lines: string[] = [];
  sink = (line) => lines.push(line);
  let result: T | null = null;
  let error: unknown = null;
  try {
    result = await work();
  } catch (e) {
    error = e;
  } finally {
    sink = null;
  }
  return { result, error, lines };
}

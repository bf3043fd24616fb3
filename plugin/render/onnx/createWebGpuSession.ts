// Creates an onnxruntime-web session on Babylon's own GPUDevice and refuses a model whose
// nodes would not all run on the WebGPU execution provider, naming those nodes.
import type { InferenceSession } from 'onnxruntime-web/webgpu';
import { ModelLoadError } from '../../core/errors/dataErrors';
import type { OrtWebGpu } from './loadOrtWebGpu';
import { nodesPlacedElsewhere } from './nodePlacement';
import { OnnxContractError } from './OnnxContractError';
import { captureOrtLog } from './ortLogRouter';

const WEBGPU_EP = 'WebGpuExecutionProvider';
/** onnxruntime's log severities: 0 verbose (placement is logged at this level), 2 warning. */
const SEVERITY_VERBOSE = 0;
/** onnxruntime's refusal when a node would fall back to the CPU EP and fallback is disabled. */
const CPU_FALLBACK_REFUSED = /fallback to CPU EP has been explicitly disabled/i;
/** A captured log line that is a warning or worse, which is passed on to the console. */
const WORTH_PASSING_ON = /\[[WEF]:onnxruntime/;

/** Runs `create` with onnxruntime's verbose log captured instead of printed; warnings and worse are passed on. */
async function withCapturedLog<T>(ort: OrtWebGpu, create: () => Promise<T>): Promise<{ result: T | null; error: unknown; log: string }> {
  const savedLevel = ort.env.logLevel;
  ort.env.logLevel = 'verbose';
  const { result, error, lines } = await captureOrtLog(create);
  ort.env.logLevel = savedLevel;
  for (const line of lines) if (WORTH_PASSING_ON.test(line)) console.warn(line);
  return { result, error, log: lines.join('\n') };
}

/**
 * A session on `device` with outputs kept in GPU buffers. Throws OnnxContractError if any node
 * would run on the CPU, ModelLoadError if onnxruntime cannot load the model.
 */
export async function createWebGpuSession(ort: OrtWebGpu, device: GPUDevice, bytes: Uint8Array, source: string): Promise<InferenceSession> {
  const options = {
    executionProviders: [{ name: 'webgpu', device }],
    preferredOutputLocation: 'gpu-buffer',
    logSeverityLevel: SEVERITY_VERBOSE,
    // A node the WebGPU EP cannot run makes creation fail instead of silently running on the CPU.
    extra: { session: { disable_cpu_ep_fallback: '1' } },
  } as unknown as InferenceSession.SessionOptions;
  const { result, error, log } = await withCapturedLog(ort, () => ort.InferenceSession.create(bytes, options));
  const elsewhere = nodesPlacedElsewhere(log, WEBGPU_EP);
  if (error && !elsewhere && CPU_FALLBACK_REFUSED.test(String(error))) {
    // onnxruntime stops before it logs the placement, so it does not say which nodes.
    throw new OnnxContractError([`Some of its nodes would run on the CPU, not on the WebGPU EP (onnxruntime: ${error instanceof Error ? error.message : String(error)}); use only operators the WebGPU EP runs.`], source);
  }
  if (elsewhere && elsewhere.length) {
    await result?.release();
    throw new OnnxContractError([`Nodes would run on the CPU, not on the WebGPU EP: ${elsewhere.join(', ')}.`], source);
  }
  if (error || !result) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ModelLoadError(`onnxruntime-web could not create a WebGPU session for the model: ${message}`, { source, cause: error });
  }
  if (!elsewhere) {
    await result.release();
    throw new ModelLoadError('onnxruntime-web did not report where it placed the model\'s nodes, so the generator cannot check they all run on the WebGPU EP', { source });
  }
  return result;
}

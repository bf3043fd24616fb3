// Gets an ONNX model's bytes from a URL or from memory, and names it for messages.
import { ModelLoadError } from '../../core/errors/dataErrors';

/** The shipped model beside the plugin; a variable path so a library build can point it at its copy. */
const DEFAULT_MODEL_PATH = '../../../models/dense-motion-256.onnx';

/** URL of the shipped dense-motion model. */
export function defaultOnnxModelUrl(): string {
  return new URL(DEFAULT_MODEL_PATH, import.meta.url).href;
}

/** The model's bytes and a name for it (its URL, or "an in-memory model of N bytes"). Throws ModelLoadError if it cannot be fetched. */
export async function loadModelBytes(model: string | Uint8Array | ArrayBuffer): Promise<{ bytes: Uint8Array; name: string }> {
  if (typeof model !== 'string') {
    const bytes = model instanceof Uint8Array ? model : new Uint8Array(model);
    return { bytes, name: `an in-memory model of ${bytes.length} bytes` };
  }
  let response: Response;
  try {
    response = await fetch(model);
  } catch (error) {
    throw new ModelLoadError(`The ONNX model could not be fetched: ${error instanceof Error ? error.message : String(error)}`, { source: model, cause: error });
  }
  if (!response.ok) throw new ModelLoadError(`Fetching the ONNX model answered HTTP ${response.status}`, { source: model });
  return { bytes: new Uint8Array(await response.arrayBuffer()), name: model };
}

// The named error for an ONNX model that does not fit the generator's contract.
import { ModelLoadError } from '../../core/errors/dataErrors';

/**
 * An ONNX model was refused because it does not fit the ONNX generator's contract (see
 * plugin/render/onnx/onnxContract.ts). `problems` lists each mismatch, one sentence each.
 */
export class OnnxContractError extends ModelLoadError {
  override name = 'OnnxContractError';
  readonly problems: readonly string[];

  constructor(problems: readonly string[], source: string) {
    super(`The ONNX model does not fit the portrait generator's contract: ${problems.join(' ')}`, { source });
    this.problems = problems;
  }
}

// Checks a model's declarations against the ONNX generator's contract and says what the
// generator must feed it; a model that does not fit is refused with every mismatch named.
import { CONTROL_VERTICES_KEY, IMAGE_CHANNELS, MAX_IMAGE_SIZE, MIN_IMAGE_SIZE, ONNX_FLOAT32, ONNX_INPUT, ONNX_OUTPUT_IMAGE, type OnnxModelPlan } from './onnxContract';
import { parseControlVertexList } from './controlVertexList';
import { OnnxContractError } from './OnnxContractError';
import type { OnnxModelDescription, OnnxValueInfo } from './readOnnxModel';

const TYPE_NAMES: Readonly<Record<number, string>> = { 1: 'float32', 2: 'uint8', 3: 'int8', 5: 'int16', 6: 'int32', 7: 'int64', 9: 'bool', 10: 'float16', 11: 'float64' };
/** onnxruntime-web's WebGPU EP runs GridSample at opsets 16..19; GridSample-20 falls back to the CPU. */
const GRIDSAMPLE_LAST_WEBGPU_OPSET = 19;
const KNOWN_INPUTS: readonly string[] = Object.values(ONNX_INPUT);

const typeName = (t: number) => TYPE_NAMES[t] ?? `type ${t}`;
const shapeText = (v: OnnxValueInfo) => (v.shape ? `[${v.shape.map((d) => d ?? '?').join(', ')}]` : 'no shape');

/** The problem with a value's type and shape, or null if it is float32 of `expected` (null entries match any whole size). */
function shapeProblem(kind: string, v: OnnxValueInfo, expected: readonly (number | null)[], what: string): string | null {
  if (v.elemType !== ONNX_FLOAT32) return `${kind} '${v.name}' is ${typeName(v.elemType)}; the contract needs float32.`;
  const ok = v.shape && v.shape.length === expected.length && v.shape.every((d, i) => typeof d === 'number' && (expected[i] === null || d === expected[i]));
  return ok ? null : `${kind} '${v.name}' has shape ${shapeText(v)}; the contract needs ${what}.`;
}

/**
 * Returns what the generator must feed a model that fits; throws OnnxContractError listing
 * every mismatch (names, types, shapes, control points, opsets that would fall back to the CPU).
 */
export function checkOnnxContract(model: OnnxModelDescription, rigVertexCount: number, source: string): OnnxModelPlan {
  const problems: string[] = [];
  const output = model.outputs.find((o) => o.name === ONNX_OUTPUT_IMAGE);
  const others = model.outputs.filter((o) => o.name !== ONNX_OUTPUT_IMAGE).map((o) => `'${o.name}'`);
  if (!output) problems.push(`It declares no output named '${ONNX_OUTPUT_IMAGE}' (it declares ${others.join(', ') || 'none'}).`);
  else if (others.length) problems.push(`It declares outputs other than '${ONNX_OUTPUT_IMAGE}' (${others.join(', ')}), which the generator cannot use.`);
  let size = 0;
  if (output) {
    const p = shapeProblem('Output', output, [1, IMAGE_CHANNELS, null, null], `[1, ${IMAGE_CHANNELS}, S, S] (RGBA, NCHW)`);
    const s = output.shape?.[2];
    if (p) problems.push(p);
    else if (typeof s !== 'number' || output.shape?.[3] !== s || s < MIN_IMAGE_SIZE || s > MAX_IMAGE_SIZE) {
      problems.push(`Output '${output.name}' has shape ${shapeText(output)}; it must be square, ${MIN_IMAGE_SIZE} to ${MAX_IMAGE_SIZE} pixels.`);
    } else size = s;
  }
  if (model.inputs.length === 0) problems.push(`It declares no inputs; it may take ${KNOWN_INPUTS.join(', ')}.`);
  const byName = new Map(model.inputs.map((i) => [i.name, i]));
  for (const input of model.inputs) {
    if (!KNOWN_INPUTS.includes(input.name)) problems.push(`Input '${input.name}' is not one the generator can feed (it feeds ${KNOWN_INPUTS.join(', ')}).`);
  }
  const image = byName.get(ONNX_INPUT.sourceImage);
  if (image) {
    const p = shapeProblem('Input', image, [1, IMAGE_CHANNELS, size || null, size || null], `[1, ${IMAGE_CHANNELS}, ${size || 'S'}, ${size || 'S'}] like the output`);
    if (p) problems.push(p);
  }
  const points = [byName.get(ONNX_INPUT.sourcePoints), byName.get(ONNX_INPUT.targetPoints)].filter((v): v is OnnxValueInfo => !!v);
  let count = 0;
  for (const v of points) {
    const p = shapeProblem('Input', v, [1, count || null, 2], `[1, ${count || 'K'}, 2] (x, y per control point)`);
    if (p) problems.push(p);
    else count = v.shape![1] as number;
  }
  let controlVertices = new Uint32Array(0);
  if (count > 0) {
    const listed = model.metadata.get(CONTROL_VERTICES_KEY);
    let indices: number[] = [];
    if (listed === undefined) indices = Array.from({ length: count }, (_, i) => i);
    else {
      try {
        indices = parseControlVertexList(listed);
      } catch (error) {
        if (!(error instanceof RangeError)) throw error;
        problems.push(`Its metadata '${CONTROL_VERTICES_KEY}' cannot be read: ${error.message}.`);
      }
      if (indices.length && indices.length !== count) problems.push(`Its metadata '${CONTROL_VERTICES_KEY}' lists ${indices.length} vertices, but the points inputs hold ${count}.`);
    }
    const beyond = indices.find((i) => i >= rigVertexCount);
    if (beyond !== undefined) problems.push(`It asks for rig vertex ${beyond}, but this portrait's rig has ${rigVertexCount} vertices.`);
    controlVertices = Uint32Array.from(indices);
  }
  const opset = model.opsets.get('') ?? 0;
  for (const node of model.nodes) {
    if (node.opType === 'GridSample' && node.domain === '' && opset > GRIDSAMPLE_LAST_WEBGPU_OPSET) {
      problems.push(`Node '${node.name}' (GridSample at opset ${opset}) would run on the CPU: the WebGPU EP runs GridSample at opsets 16 to ${GRIDSAMPLE_LAST_WEBGPU_OPSET}; export with opset ${GRIDSAMPLE_LAST_WEBGPU_OPSET} or lower.`);
    }
  }
  if (problems.length) throw new OnnxContractError(problems, source);
  return {
    size,
    controlVertices,
    usesSourceImage: !!image,
    usesSourcePoints: byName.has(ONNX_INPUT.sourcePoints),
    usesTargetPoints: byName.has(ONNX_INPUT.targetPoints),
  };
}

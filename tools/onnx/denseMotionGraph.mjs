// The dense-motion generator as an ONNX graph: a smooth displacement field on a coarse grid,
// from source and target control points (Gaussian kernel regression toward zero motion),
// resized to the output and added to an identity grid, through which GridSample warps the
// source image. Only ops that onnxruntime-web's WebGPU execution provider runs.
import { DataType } from './onnxProto.mjs';

/** The shipped model's parameters; tests change one at a time to build models that must be refused. */
export const DENSE_MOTION_DEFAULTS = Object.freeze({
  /** Output (and source) width and height in pixels: small, because SwiftShader runs CI. */
  size: 256,
  /** Coarse field grid per side (8 output pixels a cell): SwiftShader runs it in CI; the face region still agrees with the warp. */
  gridSize: 32,
  /** Rig vertices used as control points: 478 landmarks, two rings around the head, the border loop and the 4 corners. */
  controlCount: 590,
  /** Kernel width in normalized image units: wide enough to join neighbouring landmarks smoothly. */
  sigma: 0.02,
  /** Weight of "no motion": where no control point is near, the field fades to zero. */
  stillWeight: 0.01,
  /** GridSample runs on the WebGPU EP at opsets 16 to 19 (20 falls back to the CPU). */
  opset: 17,
  /** IR version 8 goes with opset 17. */
  irVersion: 8,
  names: Object.freeze({ source: 'source_image', sourcePoints: 'source_points', targetPoints: 'target_points', output: 'image' }),
  elemType: DataType.FLOAT,
  gridSampleMode: 'bilinear',
  extraOps: Object.freeze([]),
});

const CHANNELS = 4;

function floatTensor(name, dims, values) {
  return { name, dims, dataType: DataType.FLOAT, data: Float32Array.from(values) };
}

function int64Tensor(name, values) {
  return { name, dims: [values.length], dataType: DataType.INT64, data: BigInt64Array.from(values.map(BigInt)) };
}

/**
 * Coarse grid point (row r, column c) sits on output pixel (c, r) · (S−1)/(G−1), given in
 * normalized image units (pixel centres at (i + 0.5)/S). GridSample with align_corners=1
 * reads pixel i at −1 + 2i/(S−1), an affine map of the normalized position: grid = a·x + b.
 */
function coarseGrid(size, gridSize) {
  const a = (2 * size) / (size - 1);
  const b = -1 - 1 / (size - 1);
  const positions = [], squares = [], identity = [];
  for (let r = 0; r < gridSize; r++) {
    for (let c = 0; c < gridSize; c++) {
      const x = ((c * (size - 1)) / (gridSize - 1) + 0.5) / size;
      const y = ((r * (size - 1)) / (gridSize - 1) + 0.5) / size;
      positions.push(x, y);
      squares.push(x * x + y * y);
      identity.push(a * x + b, a * y + b);
    }
  }
  return { a, positions, squares, identity };
}

/** The model description onnxProto.encodeModel writes. */
export function denseMotionModel(overrides = {}) {
  const p = { ...DENSE_MOTION_DEFAULTS, ...overrides, names: { ...DENSE_MOTION_DEFAULTS.names, ...(overrides.names ?? {}) } };
  const { size: S, gridSize: G, controlCount: K, names } = p;
  const grid = coarseGrid(S, G);
  const gamma = 1 / (2 * p.sigma * p.sigma);
  const node = (opType, inputs, outputs, attributes) => ({ opType, name: `${opType}_${outputs[0]}`, inputs, outputs, attributes });
  const nodes = [
    node('Sub', [names.sourcePoints, names.targetPoints], ['displacement']),
    node('Transpose', [names.targetPoints], ['target_t'], { perm: [0, 2, 1] }),
    node('MatMul', ['grid_positions', 'target_t'], ['cross']),
    node('Mul', [names.targetPoints, names.targetPoints], ['target_sq']),
    node('MatMul', ['target_sq', 'ones_2'], ['target_norm']),
    node('Transpose', ['target_norm'], ['target_norm_t'], { perm: [0, 2, 1] }),
    node('Add', ['grid_norm', 'target_norm_t'], ['norm_sum']),
    node('Mul', ['cross', 'two'], ['cross_2']),
    node('Sub', ['cross_2', 'norm_sum'], ['neg_distance_sq']),
    node('Mul', ['neg_distance_sq', 'gamma'], ['logits']),
    node('Exp', ['logits'], ['weights']),
    node('MatMul', ['weights', 'displacement'], ['weighted_motion']),
    node('MatMul', ['weights', 'ones_k'], ['weight_sum']),
    node('Add', ['weight_sum', 'still_weight'], ['normalizer']),
    node('Div', ['weighted_motion', 'normalizer'], ['field']),
    node('Mul', ['field', 'grid_scale'], ['field_grid']),
    node('Add', ['field_grid', 'identity_coarse'], ['coarse_grid']),
    node('Reshape', ['coarse_grid', 'coarse_shape'], ['coarse_nhwc']),
    node('Transpose', ['coarse_nhwc'], ['coarse_nchw'], { perm: [0, 3, 1, 2] }),
    node('Resize', ['coarse_nchw', '', '', 'output_sizes'], ['fine_nchw'], { mode: 'linear', coordinate_transformation_mode: 'align_corners' }),
    node('Transpose', ['fine_nchw'], ['sample_grid'], { perm: [0, 2, 3, 1] }),
    node('GridSample', [names.source, 'sample_grid'], [names.output], { align_corners: 1, mode: p.gridSampleMode, padding_mode: 'border' }),
    ...p.extraOps,
  ];
  const initializers = [
    floatTensor('grid_positions', [1, G * G, 2], grid.positions),
    floatTensor('grid_norm', [1, G * G, 1], grid.squares),
    floatTensor('identity_coarse', [1, G * G, 2], grid.identity),
    floatTensor('ones_2', [2, 1], [1, 1]),
    floatTensor('ones_k', [K, 1], new Array(K).fill(1)),
    floatTensor('two', [], [2]),
    floatTensor('gamma', [], [gamma]),
    floatTensor('still_weight', [], [p.stillWeight]),
    floatTensor('grid_scale', [], [grid.a]),
    int64Tensor('coarse_shape', [1, G, G, 2]),
    int64Tensor('output_sizes', [1, 2, S, S]),
  ];
  return {
    irVersion: p.irVersion,
    opsets: [{ domain: '', version: p.opset }],
    producer: 'babylon-talking-portraits tools/onnx',
    producerVersion: '1',
    graphName: 'dense_motion',
    docString: `Dense-motion generator: warps the source by a Gaussian-kernel field from ${K} control points on a ${G}x${G} grid (sigma ${p.sigma}).`,
    nodes,
    initializers,
    inputs: [
      { name: names.source, elemType: p.elemType, shape: [1, CHANNELS, S, S] },
      { name: names.sourcePoints, elemType: DataType.FLOAT, shape: [1, K, 2] },
      { name: names.targetPoints, elemType: DataType.FLOAT, shape: [1, K, 2] },
    ],
    outputs: [{ name: names.output, elemType: p.elemType, shape: [1, CHANNELS, S, S] }],
    metadata: { 'talking_portraits.contract': '1', 'talking_portraits.control_vertices': `0-${K - 1}` },
  };
}

// Output surgery on face_landmark_with_attention.tflite. The model has seven outputs (mesh,
// lips, eyes, irises, face flag); MediaPipe Tasks wants two: 478 × (x, y, z) landmarks and
// the face flag. Six operators appended at the end of the graph assemble the 478 points the
// way MediaPipe's legacy landmarks-refinement step did:
//   GATHER mesh z of the left-eye contour  → MEAN → left iris z
//   GATHER mesh z of the right-eye contour → MEAN → right iris z
//   CONCATENATION of every output and both iris z values into one pool
//   GATHER the 1434 landmark values out of that pool
// The index maps are the data of MediaPipe's refinement configuration for this model.

export const MESH_POINTS = 468;
export const REFINED_POINTS = 478;

/** k-th refined lip point → mesh index (x, y are refined, z stays the mesh's). */
export const LIPS = [
  61, 146, 91, 181, 84, 17, 314, 405, 321, 375, 291, 185, 40, 39, 37, 0, 267, 269, 270, 409, 78, 95, 88, 178, 87, 14,
  317, 402, 318, 324, 308, 191, 80, 81, 82, 13, 312, 311, 310, 415, 76, 77, 90, 180, 85, 16, 315, 404, 320, 307, 306,
  184, 74, 73, 72, 11, 302, 303, 304, 408, 62, 96, 89, 179, 86, 15, 316, 403, 319, 325, 292, 183, 42, 41, 38, 12, 268,
  271, 272, 407,
];
export const LEFT_EYE = [
  33, 7, 163, 144, 145, 153, 154, 155, 133, 246, 161, 160, 159, 158, 157, 173, 130, 25, 110, 24, 23, 22, 26, 112, 243,
  247, 30, 29, 27, 28, 56, 190, 226, 31, 228, 229, 230, 231, 232, 233, 244, 113, 225, 224, 223, 222, 221, 189, 35, 124,
  46, 53, 52, 65, 143, 111, 117, 118, 119, 120, 121, 128, 245, 156, 70, 63, 105, 66, 107, 55, 193,
];
export const RIGHT_EYE = [
  263, 249, 390, 373, 374, 380, 381, 382, 362, 466, 388, 387, 386, 385, 384, 398, 359, 255, 339, 254, 253, 252, 256,
  341, 463, 467, 260, 259, 257, 258, 286, 414, 446, 261, 448, 449, 450, 451, 452, 453, 464, 342, 445, 444, 443, 442,
  441, 413, 265, 353, 276, 283, 282, 295, 372, 340, 346, 347, 348, 349, 350, 357, 465, 383, 300, 293, 334, 296, 336,
  285, 417,
];
/** Mesh points whose z is averaged for each iris's z. */
export const LEFT_IRIS_AVG = [33, 7, 163, 144, 145, 153, 154, 155, 133, 246, 161, 160, 159, 158, 157, 173];
export const RIGHT_IRIS_AVG = [263, 249, 390, 373, 374, 380, 381, 382, 362, 466, 388, 387, 386, 385, 384, 398];
/** Landmark indices of the iris points (5 each). */
export const LEFT_IRIS_FIRST = 468;
export const RIGHT_IRIS_FIRST = 473;

/** The attention model's outputs, by tensor name, with their value counts. */
const OUTPUTS = Object.freeze({
  mesh: { name: 'output_mesh_identity', values: MESH_POINTS * 3 },
  lips: { name: 'output_lips', values: LIPS.length * 2 },
  leftEye: { name: 'output_left_eye', values: LEFT_EYE.length * 2 },
  rightEye: { name: 'output_right_eye', values: RIGHT_EYE.length * 2 },
  leftIris: { name: 'output_left_iris', values: 5 * 2 },
  rightIris: { name: 'output_right_iris', values: 5 * 2 },
  faceFlag: { name: 'conv_faceflag', values: 1 },
});

const GATHER = 36;
const MEAN = 40;
const CONCATENATION = 2;
const BUILTIN_NAMES = { [GATHER]: 'GATHER', [MEAN]: 'MEAN', [CONCATENATION]: 'CONCATENATION' };
/** Every tensor here is 1 × 1 × 1 × N; the points run along axis 3. */
const AXIS = 3;

/**
 * Where each of the 1434 output values comes from in the pool
 * [mesh | lips | left eye | right eye | left iris | right iris | left iris z | right iris z].
 * Refinements apply in MediaPipe's order (mesh, lips, left eye, right eye, irises); a later
 * one overwrites an earlier one where sets overlap.
 * @param {Record<'mesh'|'lips'|'leftEye'|'rightEye'|'leftIris'|'rightIris'|'leftIrisZ'|'rightIrisZ', number>} offsets
 */
export function refinedLandmarkSources(offsets) {
  const sources = new Array(REFINED_POINTS * 3).fill(-1);
  for (let i = 0; i < MESH_POINTS * 3; i += 1) sources[i] = offsets.mesh + i;
  const refineXY = (map, offset) => {
    map.forEach((meshIndex, k) => {
      sources[meshIndex * 3] = offset + k * 2;
      sources[meshIndex * 3 + 1] = offset + k * 2 + 1;
    });
  };
  refineXY(LIPS, offsets.lips);
  refineXY(LEFT_EYE, offsets.leftEye);
  refineXY(RIGHT_EYE, offsets.rightEye);
  for (let k = 0; k < 5; k += 1) {
    const left = (LEFT_IRIS_FIRST + k) * 3;
    sources[left] = offsets.leftIris + k * 2;
    sources[left + 1] = offsets.leftIris + k * 2 + 1;
    sources[left + 2] = offsets.leftIrisZ;
    const right = (RIGHT_IRIS_FIRST + k) * 3;
    sources[right] = offsets.rightIris + k * 2;
    sources[right + 1] = offsets.rightIris + k * 2 + 1;
    sources[right + 2] = offsets.rightIrisZ;
  }
  if (sources.includes(-1)) throw new Error('refined landmark map leaves a value unassigned');
  return sources;
}

function int32Bytes(values) {
  const view = new DataView(new ArrayBuffer(values.length * 4));
  values.forEach((value, i) => view.setInt32(i * 4, value, true));
  return Array.from(new Uint8Array(view.buffer));
}

function opcodeIndex(model, builtin) {
  const code = (entry) => Math.max(entry.deprecated_builtin_code ?? 0, builtinCodeNumber(entry.builtin_code));
  const found = model.operator_codes.findIndex((entry) => !entry.custom_code && code(entry) === builtin && (entry.version ?? 1) === 1);
  if (found >= 0) return found;
  model.operator_codes.push({ deprecated_builtin_code: builtin, builtin_code: BUILTIN_NAMES[builtin] });
  return model.operator_codes.length - 1;
}

function builtinCodeNumber(value) {
  if (value === undefined) return 0;
  if (typeof value === 'number') return value;
  const entry = Object.entries(BUILTIN_NAMES).find(([, name]) => name === value);
  // Another named builtin is none of the three this surgery looks for.
  return entry ? Number(entry[0]) : -1;
}

/**
 * Rewrites the model object (JSON form of schema.fbs) in place so its outputs are
 * [landmarks 1×1×1×1434, conv_faceflag].
 * @param {any} model
 */
export function refineLandmarkOutputs(model) {
  if (model.subgraphs?.length !== 1) throw new Error(`expected 1 subgraph, found ${model.subgraphs?.length}`);
  const graph = model.subgraphs[0];
  const byName = {};
  for (const [key, { name, values }] of Object.entries(OUTPUTS)) {
    const index = graph.outputs.find((tensorIndex) => graph.tensors[tensorIndex].name === name);
    if (index === undefined) {
      throw new Error(`model output ${name} not found; is this face_landmark_with_attention.tflite, unmodified?`);
    }
    const tensor = graph.tensors[index];
    const shape = tensor.shape ?? [];
    if ((tensor.type ?? 'FLOAT32') !== 'FLOAT32' || shape.length !== 4 || shape.slice(0, 3).some((d) => d !== 1) || shape[3] !== values) {
      throw new Error(`${name}: expected float32 [1, 1, 1, ${values}], found ${tensor.type ?? 'FLOAT32'} [${shape}]`);
    }
    byName[key] = index;
  }
  if (graph.outputs.length !== Object.keys(OUTPUTS).length) {
    throw new Error(`expected ${Object.keys(OUTPUTS).length} outputs, found ${graph.outputs.length}`);
  }

  const addBuffer = (bytes) => {
    model.buffers.push({ data: bytes });
    return model.buffers.length - 1;
  };
  const addTensor = (name, shape, type = 'FLOAT32', buffer) => {
    graph.tensors.push(buffer === undefined ? { shape, type, name } : { shape, type, buffer, name });
    return graph.tensors.length - 1;
  };
  const constInt32 = (name, values) => addTensor(name, [values.length], 'INT32', addBuffer(int32Bytes(values)));
  const addOp = (builtin, inputs, outputs, optionsType, options) => {
    graph.operators.push({
      opcode_index: opcodeIndex(model, builtin),
      inputs,
      outputs,
      builtin_options_type: optionsType,
      builtin_options: options,
    });
  };

  const axis = constInt32('landmarks_refinement/axis', [AXIS]);
  const irisZ = (side, contour) => {
    const indices = constInt32(`landmarks_refinement/${side}_eye_contour_z_indices`, contour.map((m) => m * 3 + 2));
    const values = addTensor(`landmarks_refinement/${side}_eye_contour_z`, [1, 1, 1, contour.length]);
    const mean = addTensor(`landmarks_refinement/${side}_iris_z`, [1, 1, 1, 1]);
    addOp(GATHER, [byName.mesh, indices], [values], 'GatherOptions', { axis: AXIS });
    addOp(MEAN, [values, axis], [mean], 'ReducerOptions', { keep_dims: true });
    return mean;
  };
  const leftIrisZ = irisZ('left', LEFT_IRIS_AVG);
  const rightIrisZ = irisZ('right', RIGHT_IRIS_AVG);

  const parts = [
    ['mesh', byName.mesh, OUTPUTS.mesh.values],
    ['lips', byName.lips, OUTPUTS.lips.values],
    ['leftEye', byName.leftEye, OUTPUTS.leftEye.values],
    ['rightEye', byName.rightEye, OUTPUTS.rightEye.values],
    ['leftIris', byName.leftIris, OUTPUTS.leftIris.values],
    ['rightIris', byName.rightIris, OUTPUTS.rightIris.values],
    ['leftIrisZ', leftIrisZ, 1],
    ['rightIrisZ', rightIrisZ, 1],
  ];
  const offsets = {};
  let poolSize = 0;
  for (const [key, , size] of parts) {
    offsets[key] = poolSize;
    poolSize += size;
  }
  const pool = addTensor('landmarks_refinement/pool', [1, 1, 1, poolSize]);
  addOp(
    CONCATENATION,
    parts.map(([, tensor]) => tensor),
    [pool],
    'ConcatenationOptions',
    { axis: AXIS },
  );
  const sources = constInt32('landmarks_refinement/landmark_sources', refinedLandmarkSources(offsets));
  const landmarks = addTensor('landmarks', [1, 1, 1, REFINED_POINTS * 3]);
  addOp(GATHER, [pool, sources], [landmarks], 'GatherOptions', { axis: AXIS });

  graph.outputs = [landmarks, byName.faceFlag];
}

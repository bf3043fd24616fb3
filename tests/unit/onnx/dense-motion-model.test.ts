// The shipped ONNX model: rebuilding it gives the committed bytes and the sha256 in
// models/README.md; the plugin's reader and contract check accept it and refuse variants.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDenseMotionModel, DEFAULT_OUT } from '../../../tools/onnx/build-dense-motion-model.mjs';
import { denseMotionModel } from '../../../tools/onnx/denseMotionGraph.mjs';
import { encodeModel } from '../../../tools/onnx/onnxProto.mjs';
import { readOnnxModel } from '../../../plugin/render/onnx/readOnnxModel';
import { checkOnnxContract } from '../../../plugin/render/onnx/checkOnnxContract';
import { OnnxContractError } from '../../../plugin/render/onnx/OnnxContractError';
import { parseControlVertexList } from '../../../plugin/render/onnx/controlVertexList';
import { nodesPlacedElsewhere } from '../../../plugin/render/onnx/nodePlacement';
import { ModelLoadError } from '../../../plugin/core/errors/dataErrors';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
/** Rig vertices of a portrait: 478 landmarks, two rings and the border loop of 36, 4 corners, then eye and mouth layers. */
const RIG_VERTICES = 700;

describe('dense-motion-256.onnx', () => {
  it('rebuilds to the committed bytes and the sha256 in models/README.md', () => {
    const built = buildDenseMotionModel();
    const committed = new Uint8Array(readFileSync(DEFAULT_OUT));
    expect(sha256(built)).toBe(sha256(committed));
    expect(sha256(buildDenseMotionModel())).toBe(sha256(built));
    const readme = readFileSync(join(DEFAULT_OUT, '..', 'README.md'), 'utf8');
    expect(readme).toContain(`sha256: ${sha256(committed)}`);
  });

  it('declares the contract: opset 17, three float inputs, one 256×256 RGBA output, 590 control vertices', () => {
    const model = readOnnxModel(buildDenseMotionModel(), 'shipped');
    expect(model.opsets.get('')).toBe(17);
    expect(model.inputs.map((i) => [i.name, i.shape])).toEqual([
      ['source_image', [1, 4, 256, 256]],
      ['source_points', [1, 590, 2]],
      ['target_points', [1, 590, 2]],
    ]);
    const plan = checkOnnxContract(model, RIG_VERTICES, 'shipped');
    expect(plan.size).toBe(256);
    expect(plan.controlVertices.length).toBe(590);
    expect(plan.controlVertices[589]).toBe(589);
    expect(new Set(model.nodes.map((n) => n.opType))).toEqual(new Set(['Sub', 'Transpose', 'MatMul', 'Mul', 'Add', 'Exp', 'Div', 'Reshape', 'Resize', 'GridSample']));
  });

  it('refuses variants, naming every problem', () => {
    const m = denseMotionModel({ names: { sourcePoints: 'rest' } });
    (m.outputs[0] as { elemType: number }).elemType = 10;
    const error = (() => {
      try {
        checkOnnxContract(readOnnxModel(encodeModel(m), 'variant'), RIG_VERTICES, 'variant');
      } catch (e) {
        return e;
      }
    })() as OnnxContractError;
    expect(error).toBeInstanceOf(OnnxContractError);
    expect(error.problems).toHaveLength(2);
    expect(error.message).toMatch(/Output 'image' is float16/);
    expect(error.message).toMatch(/Input 'rest' is not one the generator can feed/);
  });

  it('refuses bytes that are not a model', () => {
    expect(() => readOnnxModel(new Uint8Array([0x0a, 0xff, 0x01]), 'junk')).toThrow(ModelLoadError);
    expect(() => readOnnxModel(new TextEncoder().encode('hello'), 'text')).toThrow(ModelLoadError);
  });
});

describe('contract helpers', () => {
  it('parses control-vertex lists and refuses bad ones', () => {
    expect(parseControlVertexList('0-2, 7,9-10')).toEqual([0, 1, 2, 7, 9, 10]);
    expect(() => parseControlVertexList('5-3')).toThrow(/backwards/);
    expect(() => parseControlVertexList('a')).toThrow(RangeError);
  });

  it('reads node placement from onnxruntime logs', () => {
    expect(nodesPlacedElsewhere('x\n All nodes placed on [WebGpuExecutionProvider]. Number of nodes: 23', 'WebGpuExecutionProvider')).toEqual([]);
    const split = 'Node placements\n Node(s) placed on [WebGpuExecutionProvider]. Number of nodes: 2\n  Exp (e)\n  Add (a)\n Node(s) placed on [CPUExecutionProvider]. Number of nodes: 1\n  Shrink (s)\ndone';
    expect(nodesPlacedElsewhere(split, 'WebGpuExecutionProvider')).toEqual(['Shrink (s) on CPUExecutionProvider']);
    expect(nodesPlacedElsewhere('nothing about placement', 'WebGpuExecutionProvider')).toBeNull();
  });
});

// ONNX protobuf messages (ModelProto, GraphProto, NodeProto, TensorProto, ValueInfoProto) as
// plain objects in, bytes out. Field numbers are those of onnx/onnx.proto (IR version 8).
import { ProtoWriter } from './protobufWriter.mjs';

/** TensorProto.DataType values this tool writes. */
export const DataType = Object.freeze({ FLOAT: 1, UINT8: 2, INT32: 6, INT64: 7, FLOAT16: 10 });
/** AttributeProto.AttributeType values. */
const AttributeType = Object.freeze({ FLOAT: 1, INT: 2, STRING: 3, FLOATS: 6, INTS: 7 });

/** @param {{ name: string, dims: number[], dataType: number, data: Float32Array | BigInt64Array | Int32Array }} t */
function tensorProto(t) {
  const w = new ProtoWriter();
  for (const d of t.dims) w.int(1, d);
  w.int(2, t.dataType);
  w.string(8, t.name);
  w.bytes(9, new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength));
  return w;
}

/** @param {{ name: string, elemType: number, shape: (number | string)[] | null }} v (null: no shape declared) */
function valueInfoProto(v) {
  const tensorType = new ProtoWriter().int(1, v.elemType);
  if (v.shape) tensorType.message(2, shapeProto(v.shape));
  const type = new ProtoWriter().message(1, tensorType);
  return new ProtoWriter().string(1, v.name).message(2, type);
}

function shapeProto(dims) {
  const shape = new ProtoWriter();
  for (const d of dims) {
    const dim = new ProtoWriter();
    if (typeof d === 'number') dim.int(1, d);
    else dim.string(2, d);
    shape.message(1, dim);
  }
  return shape;
}

function attributeProto(name, value) {
  const w = new ProtoWriter().string(1, name);
  if (typeof value === 'string') return w.string(4, value).int(20, AttributeType.STRING);
  if (typeof value === 'number') {
    return Number.isInteger(value) ? w.int(3, value).int(20, AttributeType.INT) : w.float(2, value).int(20, AttributeType.FLOAT);
  }
  if (Array.isArray(value) && value.every(Number.isInteger)) {
    for (const v of value) w.int(8, v);
    return w.int(20, AttributeType.INTS);
  }
  if (Array.isArray(value)) {
    for (const v of value) w.float(7, v);
    return w.int(20, AttributeType.FLOATS);
  }
  throw new TypeError(`onnxProto: attribute ${name} has an unsupported value ${String(value)}.`);
}

/** @param {{ opType: string, name: string, inputs: string[], outputs: string[], attributes?: Record<string, unknown>, domain?: string }} n */
function nodeProto(n) {
  const w = new ProtoWriter();
  for (const i of n.inputs) w.string(1, i);
  for (const o of n.outputs) w.string(2, o);
  w.string(3, n.name);
  w.string(4, n.opType);
  for (const [key, value] of Object.entries(n.attributes ?? {})) w.message(5, attributeProto(key, value));
  if (n.domain) w.string(7, n.domain);
  return w;
}

/**
 * The bytes of an ONNX model.
 * @param {{ irVersion: number, opsets: { domain: string, version: number }[], producer: string, producerVersion: string,
 *   graphName: string, nodes: object[], initializers: object[], inputs: object[], outputs: object[], metadata?: Record<string, string>, docString?: string }} m
 * @returns {Uint8Array}
 */
export function encodeModel(m) {
  const graph = new ProtoWriter();
  for (const n of m.nodes) graph.message(1, nodeProto(n));
  graph.string(2, m.graphName);
  for (const t of m.initializers) graph.message(5, tensorProto(t));
  for (const v of m.inputs) graph.message(11, valueInfoProto(v));
  for (const v of m.outputs) graph.message(12, valueInfoProto(v));
  const model = new ProtoWriter().int(1, m.irVersion).string(2, m.producer).string(3, m.producerVersion);
  if (m.docString) model.string(6, m.docString);
  model.message(7, graph);
  for (const o of m.opsets) model.message(8, new ProtoWriter().string(1, o.domain).int(2, o.version));
  for (const [key, value] of Object.entries(m.metadata ?? {})) model.message(14, new ProtoWriter().string(1, key).string(2, value));
  return model.finish();
}

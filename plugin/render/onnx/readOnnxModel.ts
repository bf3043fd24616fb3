// Reads what the contract check needs from an ONNX model's bytes (ModelProto, field numbers
// from onnx/onnx.proto): opsets, graph inputs and outputs with types and shapes, the nodes'
// operators, and metadata. Weights are skipped, not decoded.
import { ModelLoadError } from '../../core/errors/dataErrors';
import { ProtobufReader, WireType, fieldText } from './ProtobufReader';

/** A graph input or output as the model declares it. A dimension is a size, a symbol, or null if unknown. */
export interface OnnxValueInfo {
  readonly name: string;
  /** TensorProto.DataType (1 float32, 10 float16, …); 0 when the value is not a tensor. */
  readonly elemType: number;
  /** null when the model declares no shape. */
  readonly shape: readonly (number | string | null)[] | null;
}

/** One node: its operator, domain ('' for the default ONNX domain) and name. */
export interface OnnxNodeInfo {
  readonly opType: string;
  readonly domain: string;
  readonly name: string;
}

/** What an ONNX model declares, without its weights. */
export interface OnnxModelDescription {
  readonly irVersion: number;
  /** Operator-set version per domain ('' is the default ONNX domain). */
  readonly opsets: ReadonlyMap<string, number>;
  readonly inputs: readonly OnnxValueInfo[];
  readonly outputs: readonly OnnxValueInfo[];
  readonly nodes: readonly OnnxNodeInfo[];
  readonly metadata: ReadonlyMap<string, string>;
}

/** Field numbers of onnx.proto. */
const MODEL = { irVersion: 1, graph: 7, opsetImport: 8, metadataProps: 14 } as const;
const GRAPH = { node: 1, initializer: 5, input: 11, output: 12 } as const;
const NODE = { name: 3, opType: 4, domain: 7 } as const;
const VALUE_INFO = { name: 1, type: 2 } as const;
const TYPE = { tensor: 1 } as const;
const TENSOR_TYPE = { elemType: 1, shape: 2 } as const;
const SHAPE = { dim: 1 } as const;
const DIM = { value: 1, param: 2 } as const;
const ENTRY = { key: 1, value: 2 } as const;

function each(bytes: Uint8Array, visit: (field: number, f: NonNullable<ReturnType<ProtobufReader['next']>>) => void): void {
  const reader = new ProtobufReader(bytes);
  for (let f = reader.next(); f; f = reader.next()) visit(f.field, f);
}

function readShape(bytes: Uint8Array): (number | string | null)[] {
  const dims: (number | string | null)[] = [];
  each(bytes, (field, f) => {
    if (field !== SHAPE.dim) return;
    let dim: number | string | null = null;
    each(f.bytes, (k, d) => {
      if (k === DIM.value && d.wire === WireType.Varint) dim = d.varint;
      else if (k === DIM.param) dim = fieldText(d);
    });
    dims.push(dim);
  });
  return dims;
}

function readValueInfo(bytes: Uint8Array): OnnxValueInfo {
  let name = '';
  let elemType = 0;
  let shape: (number | string | null)[] | null = null;
  each(bytes, (field, f) => {
    if (field === VALUE_INFO.name) name = fieldText(f);
    else if (field === VALUE_INFO.type) {
      each(f.bytes, (k, t) => {
        if (k !== TYPE.tensor) return;
        each(t.bytes, (j, v) => {
          if (j === TENSOR_TYPE.elemType) elemType = v.varint;
          else if (j === TENSOR_TYPE.shape) shape = readShape(v.bytes);
        });
      });
    }
  });
  return { name, elemType, shape };
}

function readNode(bytes: Uint8Array): OnnxNodeInfo {
  let opType = '', domain = '', name = '';
  each(bytes, (field, f) => {
    if (field === NODE.opType) opType = fieldText(f);
    else if (field === NODE.domain) domain = fieldText(f);
    else if (field === NODE.name) name = fieldText(f);
  });
  return { opType, domain, name };
}

function readPair(bytes: Uint8Array): [string, string] {
  let key = '', value = '';
  each(bytes, (field, f) => {
    if (field === ENTRY.key) key = fieldText(f);
    else if (field === ENTRY.value) value = fieldText(f);
  });
  return [key, value];
}

/**
 * Parses an ONNX model's declarations. Throws ModelLoadError if the bytes are not an ONNX
 * model (truncated, not protobuf, or without a graph). `source` names the model in messages.
 */
export function readOnnxModel(bytes: Uint8Array, source: string): OnnxModelDescription {
  let irVersion = 0;
  let graph: Uint8Array | null = null;
  const opsets = new Map<string, number>();
  const metadata = new Map<string, string>();
  const inputs: OnnxValueInfo[] = [];
  const outputs: OnnxValueInfo[] = [];
  const nodes: OnnxNodeInfo[] = [];
  const initializers = new Set<string>();
  try {
    each(bytes, (field, f) => {
      if (field === MODEL.irVersion) irVersion = f.varint;
      else if (field === MODEL.graph && f.wire === WireType.LengthDelimited) graph = f.bytes;
      else if (field === MODEL.opsetImport) {
        let domain = '', version = 0;
        each(f.bytes, (k, o) => {
          if (k === 1) domain = fieldText(o);
          else if (k === 2) version = o.varint;
        });
        opsets.set(domain === 'ai.onnx' ? '' : domain, version);
      } else if (field === MODEL.metadataProps) metadata.set(...readPair(f.bytes));
    });
    if (!graph) throw new RangeError('it has no graph');
    each(graph, (field, f) => {
      if (field === GRAPH.node) nodes.push(readNode(f.bytes));
      else if (field === GRAPH.input) inputs.push(readValueInfo(f.bytes));
      else if (field === GRAPH.output) outputs.push(readValueInfo(f.bytes));
      else if (field === GRAPH.initializer) {
        each(f.bytes, (k, t) => {
          if (k === 8) initializers.add(fieldText(t));
        });
      }
    });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new ModelLoadError(`The ONNX model could not be read: ${error.message}`, { source, cause: error });
  }
  if (irVersion <= 0 || opsets.size === 0) {
    throw new ModelLoadError('The file is not an ONNX model: it declares no IR version or operator set', { source });
  }
  // Before IR 4, initializers were listed among the inputs; they are weights, not inputs.
  return { irVersion, opsets, inputs: inputs.filter((i) => !initializers.has(i.name)), outputs, nodes, metadata };
}

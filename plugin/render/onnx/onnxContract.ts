// The ONNX generator's contract: the inputs a model may declare, the one output it must
// declare, and their shapes, types, ranges and layout.

/** TensorProto.DataType of float32, the only element type the contract uses. */
export const ONNX_FLOAT32 = 1;
/** Channels of an image tensor: R, G, B, A, straight (not premultiplied) alpha. */
export const IMAGE_CHANNELS = 4;
/** The smallest and largest image side a model may declare. */
export const MIN_IMAGE_SIZE = 16;
export const MAX_IMAGE_SIZE = 2048;

/**
 * Inputs a model may declare (each optional, at least one):
 * - `source_image` float32 [1, 4, S, S]: the portrait, RGBA in 0..1, NCHW, row 0 at the top.
 * - `source_points` float32 [1, K, 2]: the control points at rest, x right and y down, 0..1 over the image.
 * - `target_points` float32 [1, K, 2]: the same points as the rig poses them this frame.
 * The control points are rig vertices: the first K, or those listed in the metadata entry
 * `talking_portraits.control_vertices` ("0-477,478,500-589"). The rig's first 478 vertices
 * are MediaPipe's face landmarks.
 */
export const ONNX_INPUT = Object.freeze({
  sourceImage: 'source_image',
  sourcePoints: 'source_points',
  targetPoints: 'target_points',
});

/** The output a model must declare: `image` float32 [1, 4, S, S], RGBA in 0..1 (clamped), NCHW, row 0 at the top. */
export const ONNX_OUTPUT_IMAGE = 'image';

/** Metadata entry listing which rig vertices are the control points. */
export const CONTROL_VERTICES_KEY = 'talking_portraits.control_vertices';

/** What a model that fits the contract asks of the generator. */
export interface OnnxModelPlan {
  /** Output (and source image) side in pixels. */
  readonly size: number;
  /** Rig vertex index of each control point; empty when the model takes no points. */
  readonly controlVertices: Uint32Array;
  readonly usesSourceImage: boolean;
  readonly usesSourcePoints: boolean;
  readonly usesTargetPoints: boolean;
}

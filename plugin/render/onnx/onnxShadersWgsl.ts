// WGSL for the ONNX generator's GPU-side conversions: the portrait texture into an NCHW
// float tensor, a model's NCHW output into an RGBA8 storage texture, and that texture drawn
// into the portrait's render target over the matte.

/** Threads per workgroup side of both compute shaders. */
export const TENSOR_WORKGROUP = 8;

/** Samples the source texture at each output pixel's centre into a [1, 4, S, S] float buffer, row 0 at the top. */
export const TEXTURE_TO_TENSOR_WGSL = `
@group(0) @binding(0) var sourceSampler: sampler;
@group(0) @binding(1) var source: texture_2d<f32>;
@group(0) @binding(2) var<storage, read_write> tensor: array<f32>;
@group(0) @binding(3) var<uniform> params: vec4<f32>;

@compute @workgroup_size(${TENSOR_WORKGROUP}, ${TENSOR_WORKGROUP}, 1)
fn main(@builtin(global_invocation_id) id: vec3<u32>) {
  let size = u32(params.x);
  if (id.x >= size || id.y >= size) { return; }
  let uv = (vec2<f32>(id.xy) + vec2<f32>(0.5)) / f32(size);
  let c = textureSampleLevel(source, sourceSampler, uv, 0.0);
  let plane = size * size;
  let at = id.y * size + id.x;
  tensor[at] = c.r;
  tensor[plane + at] = c.g;
  tensor[2u * plane + at] = c.b;
  tensor[3u * plane + at] = c.a;
}`;

/** Writes a [1, 4, S, S] float buffer (clamped to 0..1) into an RGBA8 storage texture. */
export const TENSOR_TO_TEXTURE_WGSL = `
@group(0) @binding(0) var<storage, read> tensor: array<f32>;
@group(0) @binding(1) var frame: texture_storage_2d<rgba8unorm, write>;
@group(0) @binding(2) var<uniform> params: vec4<f32>;

@compute @workgroup_size(${TENSOR_WORKGROUP}, ${TENSOR_WORKGROUP}, 1)
fn main(@builtin(global_invocation_id) id: vec3<u32>) {
  let size = u32(params.x);
  if (id.x >= size || id.y >= size) { return; }
  let plane = size * size;
  let at = id.y * size + id.x;
  let c = vec4<f32>(tensor[at], tensor[plane + at], tensor[2u * plane + at], tensor[3u * plane + at]);
  textureStore(frame, vec2<i32>(id.xy), clamp(c, vec4<f32>(0.0), vec4<f32>(1.0)));
}`;

/** A quad over the render target, in the warp generator's convention (v down, so row 0 lands at the top). */
export const PRESENT_VERTEX_WGSL = `
attribute position: vec2<f32>;
varying vUV: vec2<f32>;
@vertex
fn main(input: VertexInputs) -> FragmentInputs {
  vertexOutputs.vUV = vertexInputs.position;
  vertexOutputs.position = vec4<f32>(vertexInputs.position.x * 2.0 - 1.0, 1.0 - vertexInputs.position.y * 2.0, 0.0, 1.0);
}`;

/** The model's frame laid on the matte (when matte.a > 0), as the warp generator lays the portrait. */
export const PRESENT_FRAGMENT_WGSL = `
varying vUV: vec2<f32>;
var frameSamplerSampler: sampler;
var frameSampler: texture_2d<f32>;
uniform matte: vec4<f32>;
@fragment
fn main(input: FragmentInputs) -> FragmentOutputs {
  let c = textureSample(frameSampler, frameSamplerSampler, input.vUV);
  var color = c.rgb;
  var alpha = c.a;
  if (uniforms.matte.a > 0.0) {
    color = mix(uniforms.matte.rgb, color, alpha);
    alpha = 1.0;
  }
  fragmentOutputs.color = vec4<f32>(color, alpha);
}`;

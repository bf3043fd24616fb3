import { EYE_BACK_DEPTH_BIAS, IRIS_DEPTH_BIAS, MOUTH_DEPTH_BIAS } from './layerDepthBias';
import {
  LASH_BAND, LASH_FADE_END, LASH_FADE_START, LASH_OPACITY, RIM_FADE_END, RIM_FADE_START, RIM_FULL_WEIGHT, RIM_WHITE_FROM, RIM_WHITE_TO,
} from './lashLineStyle';
import { EYE_WHITE_FILL_FROM, EYE_WHITE_FILL_TO, EYE_WHITE_FLOOR, EYE_WHITE_FLOOR_FULL_LOOK, EYE_WHITE_LID_SHADOW, EYE_WHITE_LID_SHADOW_FROM, EYE_WHITE_REACH, EYE_WHITE_ROW_PULL } from './eyeWhiteStyle';
import { LUMA_WEIGHTS } from '../core/luma';

/** The warp generator's shaders for WebGPU: the same as warpShaderGlsl.ts, in Babylon's WGSL dialect. */
export const WARP_VERTEX_WGSL = `
const EYE_BACK_BIAS = ${EYE_BACK_DEPTH_BIAS.toFixed(6)};
const IRIS_BIAS = ${IRIS_DEPTH_BIAS.toFixed(6)};
const MOUTH_BIAS = ${MOUTH_DEPTH_BIAS.toFixed(6)};
attribute position: vec3<f32>;
attribute uv: vec2<f32>;
attribute shade: vec4<f32>;
attribute shotUV: vec4<f32>;
attribute shotMask: vec2<f32>;
varying vUV: vec2<f32>;
varying vShade: vec4<f32>;
varying vShotUV: vec4<f32>;
varying vShotMask: vec2<f32>;
@vertex
fn main(input: VertexInputs) -> FragmentInputs {
  vertexOutputs.vUV = vertexInputs.uv;
  vertexOutputs.vShade = vertexInputs.shade;
  vertexOutputs.vShotUV = vertexInputs.shotUV;
  vertexOutputs.vShotMask = vertexInputs.shotMask;
  let p = vertexInputs.position;
  let layer = vertexInputs.shade.x;
  var bias = 0.0;
  if (layer > 2.5) { bias = MOUTH_BIAS; } else if (layer > 1.5) { bias = IRIS_BIAS; } else if (layer > 0.5) { bias = EYE_BACK_BIAS; }
  vertexOutputs.position = vec4<f32>(p.x * 2.0 - 1.0, 1.0 - p.y * 2.0, p.z + bias, 1.0);
}`;

export const WARP_FRAGMENT_WGSL = `
varying vUV: vec2<f32>;
varying vShade: vec4<f32>;
varying vShotUV: vec4<f32>;
varying vShotMask: vec2<f32>;
var sourceSamplerSampler: sampler;
var sourceSampler: texture_2d<f32>;
var eyesShotSamplerSampler: sampler;
var eyesShotSampler: texture_2d<f32>;
var mouthShotSamplerSampler: sampler;
var mouthShotSampler: texture_2d<f32>;
uniform shotBlend: vec4<f32>;
uniform irisRight: vec4<f32>;
uniform irisLeft: vec4<f32>;
uniform eyes: vec4<f32>;
uniform mouth: vec4<f32>;
uniform sclera: vec3<f32>;
uniform cavity: vec3<f32>;
uniform teeth: vec3<f32>;
uniform tongue: vec3<f32>;
uniform matte: vec4<f32>;
uniform lash: vec3<f32>;
uniform lid: vec3<f32>;

// Eye white painted outside the detected outline would stay in view as the eye shuts: lid skin covers it (rig/lashLine.ts).
fn withoutRimWhite(color: vec3<f32>, weight: f32) -> vec3<f32> {
  var shut = uniforms.eyes.z;
  if (weight > 0.0) { shut = uniforms.eyes.w; }
  let axis = uniforms.sclera - uniforms.lid;
  let white = dot(color - uniforms.lid, axis) / max(dot(axis, axis), 1e-4);
  let cover = smoothstep(${RIM_WHITE_FROM.toFixed(4)}, ${RIM_WHITE_TO.toFixed(4)}, white) * smoothstep(0.0, ${RIM_FULL_WEIGHT.toFixed(4)}, abs(weight))
    * smoothstep(${RIM_FADE_START.toFixed(4)}, ${RIM_FADE_END.toFixed(4)}, shut);
  return mix(color, uniforms.lid, cover);
}

fn withLashLine(color: vec3<f32>, weight: f32) -> vec3<f32> {
  var shut = uniforms.eyes.z;
  if (weight > 0.0) { shut = uniforms.eyes.w; }
  let line = smoothstep(${(1 - LASH_BAND).toFixed(4)}, 1.0, abs(weight)) * smoothstep(${LASH_FADE_START.toFixed(4)}, ${LASH_FADE_END.toFixed(4)}, shut);
  return mix(color, uniforms.lash, line * ${LASH_OPACITY.toFixed(4)});
}

// The portrait's eye white on this row either side of the resting iris, blended across (render/eyeWhiteStyle.ts).
// Sampled at level 0: the eye-white branch is not uniform control flow.
fn eyeWhiteAcross(iris: vec4<f32>, d: vec2<f32>, v: f32) -> vec3<f32> {
  let reach = iris.z * ${EYE_WHITE_REACH.toFixed(4)};
  let keep = ${(1 - EYE_WHITE_ROW_PULL).toFixed(4)};
  let chord = sqrt(max(reach * reach - d.y * d.y * keep * keep, 0.0));
  let row = iris.y + (v - iris.y) * keep;
  let before = textureSampleLevel(sourceSampler, sourceSamplerSampler, vec2<f32>(iris.x - chord, row), 0.0).rgb;
  let after = textureSampleLevel(sourceSampler, sourceSamplerSampler, vec2<f32>(iris.x + chord, row), 0.0).rgb;
  return mix(before, after, clamp((d.x + chord) / max(2.0 * chord, 1e-5), 0.0, 1.0));
}

// Lifts a fill darker than the floor toward the rig's eye white (render/eyeWhiteStyle.ts).
fn withEyeWhiteFloor(fill: vec3<f32>, look: f32) -> vec3<f32> {
  let luma = vec3<f32>(${LUMA_WEIGHTS.join(', ')});
  let floorLuma = dot(uniforms.sclera, luma) * ${EYE_WHITE_FLOOR.toFixed(4)};
  let lift = clamp((floorLuma - dot(fill, luma)) / max(floorLuma, 1e-4), 0.0, 1.0);
  return mix(fill, uniforms.sclera, lift * clamp(look / ${EYE_WHITE_FLOOR_FULL_LOOK.toFixed(4)}, 0.0, 1.0));
}

// The upper lid's shadow on the eye white painted behind a look (render/eyeWhiteStyle.ts); height from rig/eyeLayers.
fn withLidShadow(fill: vec3<f32>, height: f32, look: f32) -> vec3<f32> {
  let shadow = ${EYE_WHITE_LID_SHADOW.toFixed(4)} * smoothstep(${EYE_WHITE_LID_SHADOW_FROM.toFixed(4)}, 1.0, height);
  return fill * (1.0 - shadow * clamp(look / ${EYE_WHITE_FLOOR_FULL_LOOK.toFixed(4)}, 0.0, 1.0));
}

fn mouthInterior(across: f32, down: f32) -> vec3<f32> {
  let gap = uniforms.mouth.y;
  let fromUpper = down * gap;
  let fromLower = (1.0 - down) * gap;
  let edge = smoothstep(0.0, 0.18, across) * smoothstep(1.0, 0.82, across);
  var color = uniforms.cavity * (0.6 + 0.4 * edge);
  let upperTeeth = (1.0 - smoothstep(uniforms.mouth.z * 0.8, uniforms.mouth.z, fromUpper)) * smoothstep(0.05, 0.2, across) * smoothstep(0.95, 0.8, across);
  let lowerTeeth = (1.0 - smoothstep(uniforms.mouth.z * 0.5, uniforms.mouth.z * 0.65, fromLower)) * smoothstep(0.15, 0.3, across) * smoothstep(0.85, 0.7, across);
  let tongueBody = (1.0 - smoothstep(0.2, 0.45, abs(across - 0.5))) * smoothstep(0.55, 0.8, down);
  color = mix(color, uniforms.tongue, tongueBody * 0.85);
  color = mix(color, uniforms.teeth * (0.85 + 0.15 * edge), max(upperTeeth, lowerTeeth * 0.8));
  return color;
}

@fragment
fn main(input: FragmentInputs) -> FragmentOutputs {
  let source = textureSample(sourceSampler, sourceSamplerSampler, input.vUV);
  var color = source.rgb;
  var alpha = source.a;
  let layer = input.vShade.x;
  if (layer < 0.5) {
    // Only the triangles by an eye carry rim and lash weights; the rest of the skin skips the work.
    if (uniforms.eyes.z + uniforms.eyes.w > 0.0) {
      if (input.vShade.z != 0.0) { color = withoutRimWhite(color, input.vShade.z); }
      if (input.vShade.y != 0.0) { color = withLashLine(color, input.vShade.y); }
    }
  } else if (layer > 0.5 && layer < 1.5) {
    var iris = uniforms.irisLeft;
    var moved = uniforms.eyes.y;
    if (input.vShade.w < 0.5) {
      iris = uniforms.irisRight;
      moved = uniforms.eyes.x;
    }
    let d = vec2<f32>(input.vUV.x - iris.x, (input.vUV.y - iris.y) * uniforms.mouth.w);
    let inIris = 1.0 - smoothstep(iris.z * ${EYE_WHITE_FILL_FROM.toFixed(4)}, iris.z * ${EYE_WHITE_FILL_TO.toFixed(4)}, length(d));
    if (inIris * moved > 0.0) { color = mix(color, withLidShadow(withEyeWhiteFloor(eyeWhiteAcross(iris, d, input.vUV.y), iris.w), input.vShade.z, iris.w), inIris * moved); }
    color = mix(color, uniforms.sclera, 1.0 - input.vShade.y);
    // What still shows of an eye nearly shut is the shadow under its lashes, not eye white.
    var shut = uniforms.eyes.z;
    if (input.vShade.w >= 0.5) { shut = uniforms.eyes.w; }
    color = mix(color, uniforms.lash, smoothstep(${LASH_FADE_START.toFixed(4)}, ${LASH_FADE_END.toFixed(4)}, shut) * ${LASH_OPACITY.toFixed(4)});
    alpha = 1.0;
  } else if (layer > 1.5 && layer < 2.5) {
    alpha = 1.0;
  } else if (layer > 2.5) {
    color = mix(color, mouthInterior(input.vShade.y, input.vShade.z), uniforms.mouth.x);
    alpha = 1.0;
  }
  // Another shot of the character lends what a warp cannot invent: shut lids, an open mouth (rig/shots).
  // Sampled at level 0: these branches are not uniform control flow, where textureSample is not allowed.
  if (input.vShotMask.x != 0.0 && uniforms.shotBlend.x + uniforms.shotBlend.y > 0.0 && layer < 2.5) {
    var side = uniforms.shotBlend.x;
    if (input.vShotMask.x > 0.0) { side = uniforms.shotBlend.y; }
    let shot = textureSampleLevel(eyesShotSampler, eyesShotSamplerSampler, input.vShotUV.xy, 0.0);
    color = mix(color, shot.rgb, abs(input.vShotMask.x) * side);
  }
  if (input.vShotMask.y > 0.0 && uniforms.shotBlend.z > 0.0) {
    let shot = textureSampleLevel(mouthShotSampler, mouthShotSamplerSampler, input.vShotUV.zw, 0.0);
    color = mix(color, shot.rgb, input.vShotMask.y * uniforms.shotBlend.z);
  }
  if (uniforms.matte.a > 0.0) {
    color = mix(uniforms.matte.rgb, color, alpha);
    alpha = 1.0;
  }
  fragmentOutputs.color = vec4<f32>(color, alpha);
}`;

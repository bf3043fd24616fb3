/**
 * The warp generator's shaders for WebGL2. Layers (rig/PortraitRigData RigLayer): 0 skin,
 * 1 eye white, 2 iris, 3 mouth interior. Every layer samples the portrait where the vertex
 * rested, so the still face is the portrait itself; synthesized colour fades in only as an
 * opening opens or an iris moves away.
 */
import { EYE_BACK_DEPTH_BIAS, IRIS_DEPTH_BIAS, MOUTH_DEPTH_BIAS } from './layerDepthBias';
import {
  LASH_BAND, LASH_FADE_END, LASH_FADE_START, LASH_OPACITY, RIM_FADE_END, RIM_FADE_START, RIM_FULL_WEIGHT, RIM_WHITE_FROM, RIM_WHITE_TO,
} from './lashLineStyle';
import { EYE_WHITE_FILL_FROM, EYE_WHITE_FILL_TO, EYE_WHITE_FLOOR, EYE_WHITE_FLOOR_FULL_LOOK, EYE_WHITE_LID_SHADOW, EYE_WHITE_LID_SHADOW_FROM, EYE_WHITE_REACH, EYE_WHITE_ROW_PULL } from './eyeWhiteStyle';
import { LUMA_WEIGHTS } from '../core/luma';

const LAYER_BIAS_GLSL = `const float EYE_BACK_BIAS = ${EYE_BACK_DEPTH_BIAS.toFixed(6)};
const float IRIS_BIAS = ${IRIS_DEPTH_BIAS.toFixed(6)};
const float MOUTH_BIAS = ${MOUTH_DEPTH_BIAS.toFixed(6)};`;

export const WARP_VERTEX_GLSL = `
precision highp float;
${LAYER_BIAS_GLSL}
attribute vec3 position;
attribute vec2 uv;
attribute vec4 shade;
attribute vec4 shotUV;
attribute vec2 shotMask;
varying vec2 vUV;
varying vec4 vShade;
varying vec4 vShotUV;
varying vec2 vShotMask;
void main(void) {
  vUV = uv;
  vShade = shade;
  vShotUV = shotUV;
  vShotMask = shotMask;
  // Layers lie at the depth of the skin over them; push them just behind it (depth bias per layer).
  float bias = shade.x < 0.5 ? 0.0 : (shade.x < 1.5 ? EYE_BACK_BIAS : (shade.x < 2.5 ? IRIS_BIAS : MOUTH_BIAS));
  gl_Position = vec4(position.x * 2.0 - 1.0, 1.0 - position.y * 2.0, position.z + bias, 1.0);
}`;

export const WARP_FRAGMENT_GLSL = `
precision highp float;
varying vec2 vUV;
varying vec4 vShade;
varying vec4 vShotUV;
varying vec2 vShotMask;
uniform sampler2D sourceSampler;
uniform sampler2D eyesShotSampler;
uniform sampler2D mouthShotSampler;
uniform vec4 shotBlend;
uniform vec4 irisRight;
uniform vec4 irisLeft;
uniform vec4 eyes;
uniform vec4 mouth;
uniform vec3 sclera;
uniform vec3 cavity;
uniform vec3 teeth;
uniform vec3 tongue;
uniform vec4 matte;
uniform vec3 lash;
uniform vec3 lid;

// Eye white painted outside the detected outline would stay in view as the eye shuts: lid skin covers it (rig/lashLine.ts).
vec3 withoutRimWhite(vec3 color, float weight) {
  float shut = weight > 0.0 ? eyes.w : eyes.z;
  vec3 axis = sclera - lid;
  float white = dot(color - lid, axis) / max(dot(axis, axis), 1e-4);
  float cover = smoothstep(${RIM_WHITE_FROM.toFixed(4)}, ${RIM_WHITE_TO.toFixed(4)}, white) * smoothstep(0.0, ${RIM_FULL_WEIGHT.toFixed(4)}, abs(weight))
    * smoothstep(${RIM_FADE_START.toFixed(4)}, ${RIM_FADE_END.toFixed(4)}, shut);
  return mix(color, lid, cover);
}

// Skin next to an upper lid margin darkens into a lash line as that eye shuts (rig/lashLine.ts).
vec3 withLashLine(vec3 color, float weight) {
  float shut = weight > 0.0 ? eyes.w : eyes.z;
  float line = smoothstep(${(1 - LASH_BAND).toFixed(4)}, 1.0, abs(weight)) * smoothstep(${LASH_FADE_START.toFixed(4)}, ${LASH_FADE_END.toFixed(4)}, shut);
  return mix(color, lash, line * ${LASH_OPACITY.toFixed(4)});
}

vec3 mouthInterior(float across, float down) {
  float gap = mouth.y;
  float fromUpper = down * gap;
  float fromLower = (1.0 - down) * gap;
  float edge = smoothstep(0.0, 0.18, across) * smoothstep(1.0, 0.82, across);
  vec3 color = cavity * (0.6 + 0.4 * edge);
  float upperTeeth = (1.0 - smoothstep(mouth.z * 0.8, mouth.z, fromUpper)) * smoothstep(0.05, 0.2, across) * smoothstep(0.95, 0.8, across);
  float lowerTeeth = (1.0 - smoothstep(mouth.z * 0.5, mouth.z * 0.65, fromLower)) * smoothstep(0.15, 0.3, across) * smoothstep(0.85, 0.7, across);
  float tongueBody = (1.0 - smoothstep(0.2, 0.45, abs(across - 0.5))) * smoothstep(0.55, 0.8, down);
  color = mix(color, tongue, tongueBody * 0.85);
  color = mix(color, teeth * (0.85 + 0.15 * edge), max(upperTeeth, lowerTeeth * 0.8));
  return color;
}

// Lifts a fill darker than the floor toward the rig's eye white (render/eyeWhiteStyle.ts).
vec3 withEyeWhiteFloor(vec3 fill, float look) {
  vec3 luma = vec3(${LUMA_WEIGHTS.join(', ')});
  float floorLuma = dot(sclera, luma) * ${EYE_WHITE_FLOOR.toFixed(4)};
  float lift = clamp((floorLuma - dot(fill, luma)) / max(floorLuma, 1e-4), 0.0, 1.0);
  return mix(fill, sclera, lift * clamp(look / ${EYE_WHITE_FLOOR_FULL_LOOK.toFixed(4)}, 0.0, 1.0));
}

// The upper lid's shadow on the eye white painted behind a look (render/eyeWhiteStyle.ts); height from rig/eyeLayers.
vec3 withLidShadow(vec3 fill, float height, float look) {
  float shadow = ${EYE_WHITE_LID_SHADOW.toFixed(4)} * smoothstep(${EYE_WHITE_LID_SHADOW_FROM.toFixed(4)}, 1.0, height);
  return fill * (1.0 - shadow * clamp(look / ${EYE_WHITE_FLOOR_FULL_LOOK.toFixed(4)}, 0.0, 1.0));
}

// The portrait's eye white on this row either side of the resting iris, blended across (render/eyeWhiteStyle.ts).
vec3 eyeWhiteAcross(vec4 iris, vec2 d) {
  float reach = iris.z * ${EYE_WHITE_REACH.toFixed(4)};
  float keep = ${(1 - EYE_WHITE_ROW_PULL).toFixed(4)};
  float chord = sqrt(max(reach * reach - d.y * d.y * keep * keep, 0.0));
  float v = iris.y + (vUV.y - iris.y) * keep;
  vec3 before = texture2D(sourceSampler, vec2(iris.x - chord, v)).rgb;
  vec3 after = texture2D(sourceSampler, vec2(iris.x + chord, v)).rgb;
  return mix(before, after, clamp((d.x + chord) / max(2.0 * chord, 1e-5), 0.0, 1.0));
}

void main(void) {
  vec4 source = texture2D(sourceSampler, vUV);
  vec3 color = source.rgb;
  float alpha = source.a;
  float layer = vShade.x;
  if (layer < 0.5) {
    // Only the triangles by an eye carry rim and lash weights; the rest of the skin skips the work.
    if (eyes.z + eyes.w > 0.0) {
      if (vShade.z != 0.0) color = withoutRimWhite(color, vShade.z);
      if (vShade.y != 0.0) color = withLashLine(color, vShade.y);
    }
  } else if (layer > 0.5 && layer < 1.5) {
    vec4 iris = vShade.w < 0.5 ? irisRight : irisLeft;
    float moved = vShade.w < 0.5 ? eyes.x : eyes.y;
    vec2 d = vec2(vUV.x - iris.x, (vUV.y - iris.y) * mouth.w);
    float inIris = 1.0 - smoothstep(iris.z * ${EYE_WHITE_FILL_FROM.toFixed(4)}, iris.z * ${EYE_WHITE_FILL_TO.toFixed(4)}, length(d));
    if (inIris * moved > 0.0) color = mix(color, withLidShadow(withEyeWhiteFloor(eyeWhiteAcross(iris, d), iris.w), vShade.z, iris.w), inIris * moved);
    color = mix(color, sclera, 1.0 - vShade.y);
    // What still shows of an eye nearly shut is the shadow under its lashes, not eye white.
    float shut = vShade.w < 0.5 ? eyes.z : eyes.w;
    color = mix(color, lash, smoothstep(${LASH_FADE_START.toFixed(4)}, ${LASH_FADE_END.toFixed(4)}, shut) * ${LASH_OPACITY.toFixed(4)});
    alpha = 1.0;
  } else if (layer > 1.5 && layer < 2.5) {
    alpha = 1.0;
  } else if (layer > 2.5) {
    color = mix(color, mouthInterior(vShade.y, vShade.z), mouth.x);
    alpha = 1.0;
  }
  // Another shot of the character lends what a warp cannot invent: shut lids, an open mouth (rig/shots).
  if (vShotMask.x != 0.0 && shotBlend.x + shotBlend.y > 0.0 && layer < 2.5) {
    float w = abs(vShotMask.x) * (vShotMask.x > 0.0 ? shotBlend.y : shotBlend.x);
    color = mix(color, texture2D(eyesShotSampler, vShotUV.xy).rgb, w);
  }
  if (vShotMask.y > 0.0 && shotBlend.z > 0.0) {
    color = mix(color, texture2D(mouthShotSampler, vShotUV.zw).rgb, vShotMask.y * shotBlend.z);
  }
  if (matte.a > 0.0) {
    color = mix(matte.rgb, color, alpha);
    alpha = 1.0;
  }
  gl_FragColor = vec4(color, alpha);
}`;

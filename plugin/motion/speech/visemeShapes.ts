// The mouth shape of each OVR viseme as ARKit weights, and how strongly each holds its shape against its neighbours.
import { Blendshape, type BlendshapeName } from '../../core/arkitBlendshapes';
import { VISEME_COUNT, VISEME_NAMES, type VisemeName } from './visemes';

/**
 * The blendshapes speech drives: jaw, lips and tongue. A speaking source owns exactly these
 * (tongueOut is held at 0 so no other layer sticks the tongue out mid-sentence).
 */
export const SPEECH_BLENDSHAPES = [
  'jawOpen', 'mouthClose', 'mouthFunnel', 'mouthPucker', 'mouthSmileLeft', 'mouthSmileRight',
  'mouthStretchLeft', 'mouthStretchRight', 'mouthRollLower', 'mouthRollUpper', 'mouthPressLeft', 'mouthPressRight',
  'mouthLowerDownLeft', 'mouthLowerDownRight', 'mouthUpperUpLeft', 'mouthUpperUpRight', 'tongueOut',
] as const satisfies readonly BlendshapeName[];

/** Number of speech blendshapes. */
export const SPEECH_CHANNEL_COUNT = SPEECH_BLENDSHAPES.length;

/** ARKit index of each speech channel, in SPEECH_BLENDSHAPES order. */
export const SPEECH_BLENDSHAPE_INDICES: Readonly<Int32Array> = Int32Array.from(SPEECH_BLENDSHAPES, (name) => Blendshape[name]);

/** A viseme's mouth: the weights it sets (unlisted speech channels are 0). */
export type VisemeShape = { readonly [K in (typeof SPEECH_BLENDSHAPES)[number]]?: number };

/**
 * The mouth shape of each viseme, ARKit weights in [0, 1], both sides equal. Values follow the
 * common OVR/ARKit viseme rigs (Ready Player Me, TalkingHead) and were tuned so open vowels open
 * the jaw about 0.6 at most: speech is smaller than a yawn. Notes per viseme:
 * - sil: neutral, lips together at rest.
 * - PP (p, b, m): lips pressed and rolled slightly in, jaw nearly shut; mouthClose seals whatever
 *   jaw is left (see LIP_SEAL in coarticulate), because mouthClose only cancels jawOpen on the lips.
 * - FF (f, v): lower lip tucked under the upper teeth (rollLower), upper lip lifted a little.
 * - TH (th): teeth slightly apart, lips relaxed open (tongueOut stays 0 by design).
 * - DD, nn (t, d, n, l): small opening, lips neutral-wide.
 * - kk (k, g, ng, h): a bit more jaw; the lips follow the neighbours (low dominance).
 * - CH (ch, j, sh): lips funnelled and pushed forward, teeth near.
 * - SS (s, z): teeth together, lips spread showing them.
 * - RR (r, er): lips rounded a little.
 * - aa, E, ih, oh, ou: the vowels; E and ih smile a bit, oh funnels, ou puckers.
 */
export const VISEME_SHAPES: { readonly [K in VisemeName]: VisemeShape } = {
  sil: {},
  PP: { jawOpen: 0.04, mouthClose: 0.04, mouthPressLeft: 0.55, mouthPressRight: 0.55, mouthRollLower: 0.25, mouthRollUpper: 0.15 },
  FF: { jawOpen: 0.1, mouthRollLower: 0.55, mouthUpperUpLeft: 0.2, mouthUpperUpRight: 0.2, mouthStretchLeft: 0.1, mouthStretchRight: 0.1 },
  TH: { jawOpen: 0.14, mouthLowerDownLeft: 0.15, mouthLowerDownRight: 0.15, mouthUpperUpLeft: 0.1, mouthUpperUpRight: 0.1, mouthStretchLeft: 0.1, mouthStretchRight: 0.1 },
  DD: { jawOpen: 0.18, mouthLowerDownLeft: 0.15, mouthLowerDownRight: 0.15, mouthUpperUpLeft: 0.12, mouthUpperUpRight: 0.12, mouthStretchLeft: 0.15, mouthStretchRight: 0.15, mouthSmileLeft: 0.05, mouthSmileRight: 0.05 },
  kk: { jawOpen: 0.24, mouthLowerDownLeft: 0.12, mouthLowerDownRight: 0.12, mouthUpperUpLeft: 0.08, mouthUpperUpRight: 0.08, mouthStretchLeft: 0.18, mouthStretchRight: 0.18 },
  CH: { jawOpen: 0.12, mouthFunnel: 0.45, mouthPucker: 0.2, mouthUpperUpLeft: 0.25, mouthUpperUpRight: 0.25, mouthLowerDownLeft: 0.25, mouthLowerDownRight: 0.25 },
  SS: { jawOpen: 0.06, mouthStretchLeft: 0.3, mouthStretchRight: 0.3, mouthSmileLeft: 0.12, mouthSmileRight: 0.12, mouthUpperUpLeft: 0.15, mouthUpperUpRight: 0.15, mouthLowerDownLeft: 0.2, mouthLowerDownRight: 0.2 },
  nn: { jawOpen: 0.14, mouthLowerDownLeft: 0.1, mouthLowerDownRight: 0.1, mouthUpperUpLeft: 0.06, mouthUpperUpRight: 0.06, mouthStretchLeft: 0.12, mouthStretchRight: 0.12 },
  RR: { jawOpen: 0.14, mouthFunnel: 0.3, mouthPucker: 0.35, mouthUpperUpLeft: 0.1, mouthUpperUpRight: 0.1 },
  aa: { jawOpen: 0.6, mouthLowerDownLeft: 0.3, mouthLowerDownRight: 0.3, mouthUpperUpLeft: 0.12, mouthUpperUpRight: 0.12, mouthStretchLeft: 0.08, mouthStretchRight: 0.08 },
  E: { jawOpen: 0.38, mouthStretchLeft: 0.3, mouthStretchRight: 0.3, mouthSmileLeft: 0.2, mouthSmileRight: 0.2, mouthLowerDownLeft: 0.2, mouthLowerDownRight: 0.2, mouthUpperUpLeft: 0.15, mouthUpperUpRight: 0.15 },
  ih: { jawOpen: 0.22, mouthStretchLeft: 0.28, mouthStretchRight: 0.28, mouthSmileLeft: 0.25, mouthSmileRight: 0.25, mouthLowerDownLeft: 0.15, mouthLowerDownRight: 0.15, mouthUpperUpLeft: 0.1, mouthUpperUpRight: 0.1 },
  oh: { jawOpen: 0.45, mouthFunnel: 0.55, mouthPucker: 0.2, mouthLowerDownLeft: 0.1, mouthLowerDownRight: 0.1 },
  ou: { jawOpen: 0.18, mouthPucker: 0.75, mouthFunnel: 0.35 },
};

/**
 * How strongly each viseme holds the lips (everything but jawOpen) against its neighbours when
 * they overlap (Cohen–Massaro dominance). Lip closures must reach their target even in fast
 * speech, so PP and FF dominate; kk is made at the back of the mouth, so its lips yield.
 */
export const VISEME_LIP_DOMINANCE: { readonly [K in VisemeName]: number } = {
  sil: 1, PP: 12, FF: 8, TH: 2, DD: 1.2, kk: 0.6, CH: 3, SS: 2, nn: 1, RR: 2.5, aa: 1, E: 1, ih: 1, oh: 2, ou: 3,
};

/**
 * How strongly each viseme holds the jaw. The jaw is slow and shared by neighbours: a closure
 * between two open vowels keeps the jaw half open and seals the lips instead (mouthClose).
 */
export const VISEME_JAW_DOMINANCE: { readonly [K in VisemeName]: number } = {
  sil: 1, PP: 1.5, FF: 1.2, TH: 1, DD: 1, kk: 1, CH: 1, SS: 1.5, nn: 1, RR: 1, aa: 1.5, E: 1.2, ih: 1, oh: 1.2, ou: 1,
};

/** VISEME_SHAPES as one flat table, VISEME_COUNT rows of SPEECH_CHANNEL_COUNT weights, for per-frame blending. */
export const VISEME_SHAPE_TABLE: Readonly<Float32Array> = buildShapeTable();

function buildShapeTable(): Float32Array {
  const table = new Float32Array(VISEME_COUNT * SPEECH_CHANNEL_COUNT);
  VISEME_NAMES.forEach((viseme, row) => {
    const shape = VISEME_SHAPES[viseme];
    SPEECH_BLENDSHAPES.forEach((name, column) => {
      table[row * SPEECH_CHANNEL_COUNT + column] = shape[name] ?? 0;
    });
  });
  return table;
}

import { describe, expect, it } from 'vitest';
import { FaceControls } from '../../../plugin/core/FaceControls';
import { LIPS, SUBJECT_LEFT_EYE, SUBJECT_RIGHT_EYE } from '../../../plugin/core/landmarkIndices';
import { PortraitRig, buildPortraitRig, type PortraitRigData } from '../../../plugin/rig';
import { measureOpenings, restLipGap } from '../../../plugin/rig/measureOpenings';
import { RigLayer, SHADE_STRIDE } from '../../../plugin/rig/PortraitRigData';
import { buildPortraitShot, SHOT_EYES_CLOSED, type PortraitShotData } from '../../../plugin/rig/shots';
import { SHOT_BLEND_EYE_LEFT, SHOT_BLEND_EYE_RIGHT, SHOT_BLEND_LENGTH, SHOT_BLEND_MOUTH, SHOT_OPENINGS_LENGTH, SHOT_REST_GAP_AT, shotBlendWeights } from '../../../plugin/rig/shots/shotBlend';
import { SHOT_MASK_STRIDE } from '../../../plugin/rig/shots/shotMasks';
import { faceFixtures, flatLandmarks } from './rigFixtures';

const fixtures = faceFixtures().slice(0, 6);
const LANDMARKS = 478;

/** A shot framed differently: the portrait's landmarks scaled, turned a little and moved, on a larger image. */
const SHOT_W = 700, SHOT_H = 600, SCALE = 1.3, ANGLE = 0.1, SHIFT_X = 40, SHIFT_Y = -25;
function reframed(rig: PortraitRigData, edit?: (px: Float64Array) => void): Float32Array {
  const px = new Float64Array(LANDMARKS * 2);
  for (let i = 0; i < LANDMARKS; i++) {
    px[i * 2] = rig.rest[i * 3];
    px[i * 2 + 1] = rig.rest[i * 3 + 1];
  }
  edit?.(px);
  const c = Math.cos(ANGLE) * SCALE, s = Math.sin(ANGLE) * SCALE;
  const out = new Float32Array(LANDMARKS * 3);
  for (let i = 0; i < LANDMARKS; i++) {
    const x = px[i * 2], y = px[i * 2 + 1];
    out[i * 3] = (c * x - s * y + SHIFT_X) / SHOT_W;
    out[i * 3 + 1] = (s * x + c * y + SHIFT_Y) / SHOT_H;
  }
  return out;
}
const toShotX = (x: number, y: number) => (Math.cos(ANGLE) * SCALE * x - Math.sin(ANGLE) * SCALE * y + SHIFT_X) / SHOT_W;
const toShotY = (x: number, y: number) => (Math.sin(ANGLE) * SCALE * x + Math.cos(ANGLE) * SCALE * y + SHIFT_Y) / SHOT_H;

/** Every upper-lid point moved onto its lower-lid partner: both eyes shut. */
function shutEyes(px: Float64Array): void {
  for (const eye of [SUBJECT_LEFT_EYE, SUBJECT_RIGHT_EYE]) {
    eye.upperLid.forEach((u, k) => {
      px[u * 2] = px[eye.lowerLid[k] * 2];
      px[u * 2 + 1] = px[eye.lowerLid[k] * 2 + 1];
    });
  }
}

/** The lower inner lip moved down by `faceHeights`. */
const openMouth = (rig: PortraitRigData, faceHeights: number) => (px: Float64Array) => {
  for (const i of LIPS.inner.lower) px[i * 2 + 1] += faceHeights * rig.frame.faceHeight;
};

describe.each(fixtures.map((f) => [f.portrait, f] as const))('a shot mapped onto the rig of %s', (_name, fixture) => {
  const data = buildPortraitRig({ landmarks: flatLandmarks(fixture), imageWidth: fixture.width, imageHeight: fixture.height });

  it('samples the shot where each vertex lies in it: landmarks at the shot’s landmarks, the rest by the same framing', () => {
    const shot = buildPortraitShot(data, reframed(data), SHOT_W, SHOT_H);
    let worst = 0;
    for (let v = 0; v < data.vertexCount; v++) {
      const x = data.rest[v * 3], y = data.rest[v * 3 + 1];
      worst = Math.max(worst, Math.abs(shot.uv[v * 2] - toShotX(x, y)) * SHOT_W, Math.abs(shot.uv[v * 2 + 1] - toShotY(x, y)) * SHOT_H);
    }
    expect(worst).toBeLessThan(0.05);
    expect(shot.eyesClosed).toBe(false);
    expect(shot.mouthOpen).toBe(false);
    expect(Math.abs(shot.mouthOpening)).toBeLessThan(1e-4);
    expect(shot.eyeClosure[0]).toBeLessThan(1e-4);
  });

  it('reads shut eyes and an open mouth from the shot’s landmarks, whatever its framing', () => {
    const shut = buildPortraitShot(data, reframed(data, shutEyes), SHOT_W, SHOT_H);
    expect(shut.eyeClosure[0]).toBeGreaterThan(0.99);
    expect(shut.eyeClosure[1]).toBeGreaterThan(0.99);
    expect(shut.eyesClosed).toBe(true);
    const open = buildPortraitShot(data, reframed(data, openMouth(data, 0.1)), SHOT_W, SHOT_H);
    expect(open.mouthOpening).toBeCloseTo(0.1, 2);
    expect(open.mouthOpen).toBe(true);
    expect(open.eyesClosed).toBe(false);
  });

  it('spreads the mouth interior between the shot’s parted lips', () => {
    const open = buildPortraitShot(data, reframed(data, openMouth(data, 0.1)), SHOT_W, SHOT_H);
    const interior = [...Array(data.vertexCount).keys()].filter((v) => data.shade[v * SHADE_STRIDE] === RigLayer.MouthInterior);
    const ys = interior.map((v) => open.uv[v * 2 + 1] * SHOT_H);
    const span = Math.max(...ys) - Math.min(...ys);
    // The interior spans the shot's opening: most of 0.1 face heights, scaled by the framing.
    expect(span).toBeGreaterThan(0.07 * data.frame.faceHeight * SCALE);
  });

  it('lets a shot show only around the eyes and the mouth, each eye signed by side', () => {
    const { mask } = buildPortraitShot(data, reframed(data), SHOT_W, SHOT_H);
    const eyeAt = (i: number) => mask[i * SHOT_MASK_STRIDE];
    const mouthAt = (i: number) => mask[i * SHOT_MASK_STRIDE + 1];
    // Mid upper lid of each eye: inside its region, with the eye's sign.
    expect(eyeAt(SUBJECT_LEFT_EYE.upperLid[4])).toBe(1);
    expect(eyeAt(SUBJECT_RIGHT_EYE.upperLid[4])).toBe(-1);
    expect(mouthAt(LIPS.outer.upper[5])).toBe(1);
    // The forehead's top is in neither region; the chin is in no eye's.
    expect(eyeAt(10)).toBe(0);
    expect(mouthAt(10)).toBe(0);
    expect(eyeAt(152)).toBe(0);
    // Image-border anchors (last vertices of the skin ring) are never touched.
    let outside = 0;
    for (let v = 0; v < data.vertexCount; v++) if (data.headWeight[v] === 0 && (eyeAt(v) !== 0 || mouthAt(v) !== 0)) outside++;
    expect(outside).toBe(0);
  });

  it('blends an eyes shot in only near a full blink, and a mouth shot as the jaw opens', () => {
    const rig = new PortraitRig(data);
    const eyes = buildPortraitShot(data, reframed(data, shutEyes), SHOT_W, SHOT_H);
    const mouth = buildPortraitShot(data, reframed(data, openMouth(data, 0.1)), SHOT_W, SHOT_H);
    const weights = (set: (c: FaceControls) => void, e: PortraitShotData | null = eyes, m: PortraitShotData | null = mouth) => {
      const rest = new Float32Array(rig.positionsLength);
      rig.deform(new FaceControls(), rest);
      const c = new FaceControls();
      set(c);
      const posed = new Float32Array(rig.positionsLength);
      rig.deform(c, posed);
      const openings = new Float32Array(SHOT_OPENINGS_LENGTH);
      measureOpenings(data, posed, rest, openings);
      openings[SHOT_REST_GAP_AT] = restLipGap(data);
      const out = new Float32Array(SHOT_BLEND_LENGTH);
      shotBlendWeights(e, m, openings, out);
      return out;
    };
    const rest = weights(() => undefined);
    expect([...rest]).toEqual([0, 0, 0, 0]);
    const blink = weights((c) => c.set('eyeBlinkLeft', 1).set('eyeBlinkRight', 1));
    expect(blink[SHOT_BLEND_EYE_LEFT]).toBeGreaterThan(0.9);
    expect(blink[SHOT_BLEND_EYE_RIGHT]).toBeGreaterThan(0.9);
    expect(blink[SHOT_BLEND_MOUTH]).toBe(0);
    const half = weights((c) => c.set('eyeBlinkLeft', 0.3));
    expect(half[SHOT_BLEND_EYE_LEFT]).toBe(0);
    const wink = weights((c) => c.set('eyeBlinkLeft', 1));
    expect(wink[SHOT_BLEND_EYE_RIGHT]).toBe(0);
    const jawSome = weights((c) => c.set('jawOpen', 0.3))[SHOT_BLEND_MOUTH];
    const jawFull = weights((c) => c.set('jawOpen', 1))[SHOT_BLEND_MOUTH];
    expect(jawFull).toBeGreaterThan(0.9);
    expect(jawSome).toBeLessThanOrEqual(jawFull);
    expect([...weights((c) => c.set('jawOpen', 1).set('eyeBlinkLeft', 1), null, null)]).toEqual([0, 0, 0, 0]);
  });
});

describe.each(fixtures.slice(0, 3).map((f) => [f.portrait, f] as const))('a rig posing with shots on %s', (_name, fixture) => {
  const data = buildPortraitRig({ landmarks: flatLandmarks(fixture), imageWidth: fixture.width, imageHeight: fixture.height });
  const poseWith = (rig: PortraitRig, set: (c: FaceControls) => void) => {
    const c = new FaceControls();
    set(c);
    const out = new Float32Array(rig.positionsLength);
    rig.deform(c, out);
    return out;
  };
  const blink = (c: FaceControls) => c.set('eyeBlinkLeft', 1).set('eyeBlinkRight', 1).set('jawOpen', 0.5);

  it('poses exactly as without shots until one is given, and again once they are taken away', () => {
    const plain = new PortraitRig(data);
    const withShots = new PortraitRig(data);
    withShots.setShots(null, null);
    expect(poseWith(withShots, blink)).toEqual(poseWith(plain, blink));
    withShots.setShots(buildPortraitShot(data, reframed(data, shutEyes), SHOT_W, SHOT_H), null);
    expect(poseWith(withShots, blink)).not.toEqual(poseWith(plain, blink));
    withShots.setShots(null, null);
    expect(poseWith(withShots, blink)).toEqual(poseWith(plain, blink));
    expect([...withShots.shotWeights]).toEqual([0, 0, 0, 0]);
  });

  it('ends a blink in the eyes shot’s own shape, and leaves an open eye alone', () => {
    const rig = new PortraitRig(data);
    const shot = buildPortraitShot(data, reframed(data, shutEyes), SHOT_W, SHOT_H);
    rig.setShots(shot, null);
    const shut = poseWith(rig, (c) => c.set('eyeBlinkLeft', 1).set('eyeBlinkRight', 1));
    expect(rig.shotWeights[SHOT_BLEND_EYE_LEFT]).toBe(1);
    // Un-turned, a landmark lies at u·width, v·height: each upper lid point sits on its lower partner, as in the shot.
    for (const eye of [SUBJECT_LEFT_EYE, SUBJECT_RIGHT_EYE]) {
      for (let k = 1; k < eye.upperLid.length - 1; k++) {
        const u = eye.upperLid[k], l = eye.lowerLid[k];
        const travel = Math.hypot(data.rest[u * 3] - data.rest[l * 3], data.rest[u * 3 + 1] - data.rest[l * 3 + 1]);
        const off = Math.hypot(shut[u * 3] * data.imageWidth - data.rest[l * 3], shut[u * 3 + 1] * data.imageHeight - data.rest[l * 3 + 1]);
        // Within a twentieth of the lid's travel: the shot fades in by how shut the rig's own blink got (nearly all the way).
        expect(off).toBeLessThan(travel * 0.05 + 0.01);
      }
    }
    const open = poseWith(rig, (c) => c.set('jawOpen', 1));
    const plain = poseWith(new PortraitRig(data), (c) => c.set('jawOpen', 1));
    expect(open).toEqual(plain);
  });
});

describe('buildPortraitShot refuses what it cannot map', () => {
  const fixture = fixtures[0];
  const data = buildPortraitRig({ landmarks: flatLandmarks(fixture), imageWidth: fixture.width, imageHeight: fixture.height });

  it('names the landmark count, a non-finite landmark and a bad size', () => {
    expect(() => buildPortraitShot(data, new Float32Array(468 * 3), 100, 100)).toThrow(/478 landmarks.*got 468/);
    const bad = reframed(data);
    bad[30] = NaN;
    expect(() => buildPortraitShot(data, bad, SHOT_W, SHOT_H)).toThrow(/landmark 10 is not a finite number/);
    expect(() => buildPortraitShot(data, reframed(data), 0, SHOT_H)).toThrow(RangeError);
  });

  it('takes the game’s word over the detector’s: a shot said to have shut eyes counts as fully shut', () => {
    const said = buildPortraitShot(data, reframed(data), SHOT_W, SHOT_H, { eyesClosed: true, mouthOpen: true });
    expect(said.eyesClosed).toBe(true);
    expect([...said.eyeClosure]).toEqual([1, 1]);
    expect(said.mouthOpen).toBe(true);
    expect(said.mouthOpening).toBeGreaterThan(0);
    const denied = buildPortraitShot(data, reframed(data, shutEyes), SHOT_W, SHOT_H, { eyesClosed: false });
    expect(denied.eyesClosed).toBe(false);
    expect(SHOT_EYES_CLOSED).toBeGreaterThan(0);
  });
});

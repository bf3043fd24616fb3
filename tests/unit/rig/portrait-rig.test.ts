import { describe, expect, it } from 'vitest';
import { FaceControls } from '../../../plugin/core/FaceControls';
import { RigFormatError } from '../../../plugin/core/errors';
import { CHIN, LIPS, SUBJECT_LEFT_EYE, SUBJECT_LEFT_IRIS, SUBJECT_RIGHT_EYE, SUBJECT_RIGHT_IRIS } from '../../../plugin/core/landmarkIndices';
import { PortraitRig, buildPortraitRig, parseRig, parseRigJson, serializeRig } from '../../../plugin/rig';
import { faceFixtures, flatLandmarks, type LandmarkFixture } from './rigFixtures';

const fixtures = faceFixtures();
const DEG = Math.PI / 180;

function rigOf(fixture: LandmarkFixture, scale = 1) {
  return new PortraitRig(buildPortraitRig({ landmarks: flatLandmarks(fixture), imageWidth: fixture.width * scale, imageHeight: fixture.height * scale }));
}

function pose(rig: PortraitRig, set: (c: FaceControls) => void): Float32Array {
  const controls = new FaceControls();
  set(controls);
  const out = new Float32Array(rig.positionsLength);
  rig.deform(controls, out);
  return out;
}

/** Largest displacement (pixels) of the given vertices between two poses. */
function moved(rig: PortraitRig, a: Float32Array, b: Float32Array, vertices: readonly number[]): number {
  const { imageWidth: w, imageHeight: h } = rig.data;
  return Math.max(...vertices.map((v) => Math.hypot((a[v * 3] - b[v * 3]) * w, (a[v * 3 + 1] - b[v * 3 + 1]) * h)));
}

describe('PortraitRig', () => {
  it('has a face in at least 17 recorded portraits to test on', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(17);
  });

  it.each(fixtures.map((f) => [f.portrait, f] as const))('is the identity at rest on %s', (_name, fixture) => {
    const rig = rigOf(fixture);
    const rest = pose(rig, () => undefined);
    for (let v = 0; v < rig.vertexCount; v++) {
      expect(Math.abs(rest[v * 3] - rig.data.uv[v * 2])).toBeLessThan(1e-5);
      expect(Math.abs(rest[v * 3 + 1] - rig.data.uv[v * 2 + 1])).toBeLessThan(1e-5);
    }
  });

  it('moves the same in face units on a 320 px and a 2048 px portrait', () => {
    const fixture = fixtures.find((f) => f.width === 320)!;
    const small = rigOf(fixture, 1);
    const large = rigOf(fixture, 2048 / 320);
    const controls = (c: FaceControls) => c.set('jawOpen', 0.8).set('eyeBlinkLeft', 1).set('mouthSmileRight', 0.6).setHead(12 * DEG, -8 * DEG, 5 * DEG);
    const a = pose(small, controls);
    const b = pose(large, controls);
    let worst = 0;
    for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
    expect(worst).toBeLessThan(1e-4);
  });

  it.each(fixtures.slice(0, 6).map((f) => [f.portrait, f] as const))('treats left and right alike on %s', (_name, fixture) => {
    const rig = rigOf(fixture);
    const rest = pose(rig, () => undefined);
    const left = pose(rig, (c) => c.set('eyeBlinkLeft', 1));
    const right = pose(rig, (c) => c.set('eyeBlinkRight', 1));
    // A wink closes one eye only: the subject's left is the viewer's right.
    expect(moved(rig, rest, left, SUBJECT_RIGHT_EYE.loop)).toBeLessThan(0.5);
    expect(moved(rig, rest, right, SUBJECT_LEFT_EYE.loop)).toBeLessThan(0.5);
    const l = moved(rig, rest, left, SUBJECT_LEFT_EYE.upperLid);
    const r = moved(rig, rest, right, SUBJECT_RIGHT_EYE.upperLid);
    expect(l).toBeGreaterThan(1);
    expect(l / r).toBeGreaterThan(0.5);
    expect(l / r).toBeLessThan(2);
    const smileL = pose(rig, (c) => c.set('mouthSmileLeft', 1));
    const smileR = pose(rig, (c) => c.set('mouthSmileRight', 1));
    const upL = rest[LIPS.outer.subjectLeftCorner * 3 + 1] - smileL[LIPS.outer.subjectLeftCorner * 3 + 1];
    const upR = rest[LIPS.outer.subjectRightCorner * 3 + 1] - smileR[LIPS.outer.subjectRightCorner * 3 + 1];
    expect(upL).toBeGreaterThan(0);
    expect(upR / upL).toBeGreaterThan(0.7);
    expect(upR / upL).toBeLessThan(1.4);
  });

  it('moves the iris on a sideways look, with the lids\' middles riding part of the way and the corners still', () => {
    const rig = rigOf(fixtures[0]);
    const rest = pose(rig, () => undefined);
    const { imageWidth: w } = rig.data;
    const dx = (p: Float32Array, v: number) => (p[v * 3] - rest[v * 3]) * w;
    for (const [name, eye, iris] of [['eyeLookOutLeft', SUBJECT_LEFT_EYE, SUBJECT_LEFT_IRIS], ['eyeLookInRight', SUBJECT_RIGHT_EYE, SUBJECT_RIGHT_IRIS]] as const) {
      const look = pose(rig, (c) => c.set(name, 1));
      const irisMove = dx(look, iris.centre);
      expect(Math.abs(irisMove), name).toBeGreaterThan(1);
      const middle = eye.upperLid[(eye.upperLid.length - 1) / 2];
      // The lid's highest point follows the cornea, by less than the iris travels.
      expect(dx(look, middle) / irisMove, name).toBeGreaterThan(0.15);
      expect(dx(look, middle) / irisMove, name).toBeLessThan(0.5);
      expect(moved(rig, rest, look, [eye.outerCorner, eye.innerCorner]), name).toBeLessThan(0.01);
    }
  });

  it('turns the face toward the viewer\'s right for a positive yaw, chin up for a positive pitch', () => {
    const rig = rigOf(fixtures[0]);
    const rest = pose(rig, () => undefined);
    const yaw = pose(rig, (c) => c.setHead(20 * DEG, 0, 0));
    const pitch = pose(rig, (c) => c.setHead(0, 15 * DEG, 0));
    const noseTip = 1;
    expect(yaw[noseTip * 3]).toBeGreaterThan(rest[noseTip * 3]);
    expect(pitch[noseTip * 3 + 1]).toBeLessThan(rest[noseTip * 3 + 1]);
  });

  it('opens the mouth with jawOpen: inner-lip gap at least 0.3 of the mouth width (QUALITY.md)', () => {
    for (const fixture of fixtures) {
      const rig = rigOf(fixture);
      const p = pose(rig, (c) => c.set('jawOpen', 1));
      const { imageWidth: w, imageHeight: h } = rig.data;
      const gap = Math.hypot((p[13 * 3] - p[14 * 3]) * w, (p[13 * 3 + 1] - p[14 * 3 + 1]) * h);
      const width = Math.hypot((p[78 * 3] - p[308 * 3]) * w, (p[78 * 3 + 1] - p[308 * 3 + 1]) * h);
      expect(gap / width, fixture.portrait).toBeGreaterThanOrEqual(0.3);
    }
  });

  it('opens the jaw as one bone: the chin drops with the lower lip, the outline takes a share from the ears down, the mouth narrows, the eyes stay', () => {
    const [earLeft, earRight] = [454, 234];
    const [mouthLeft, mouthRight] = [LIPS.outer.subjectLeftCorner, LIPS.outer.subjectRightCorner];
    const chinPerLip: number[] = [];
    for (const fixture of fixtures) {
      const rig = rigOf(fixture);
      const rest = pose(rig, () => undefined);
      const open = pose(rig, (c) => c.set('jawOpen', 1));
      const drop = (v: number) => moved(rig, rest, open, [v]);
      const chin = drop(CHIN);
      // The lower lip's middle, where it drops furthest; on a profile no lip point is at the mouth's middle.
      chinPerLip.push(chin / Math.max(...LIPS.inner.lower.map(drop)));
      for (const ear of [earLeft, earRight]) {
        expect(drop(ear) / chin, fixture.portrait).toBeGreaterThan(0.1);
        expect(drop(ear) / chin, fixture.portrait).toBeLessThan(0.4);
      }
      expect(moved(rig, rest, open, [...SUBJECT_LEFT_EYE.loop, ...SUBJECT_RIGHT_EYE.loop]) / chin, fixture.portrait).toBeLessThan(1e-3);
      // The mouth narrows as it opens, and the cheeks beside it drop far less than the chin.
      const { imageWidth: w, imageHeight: h } = rig.data;
      const width = (p: Float32Array) => Math.hypot((p[mouthLeft * 3] - p[mouthRight * 3]) * w, (p[mouthLeft * 3 + 1] - p[mouthRight * 3 + 1]) * h);
      expect(width(open) / width(rest), fixture.portrait).toBeLessThan(0.99);
      for (const cheek of [205, 425]) expect(drop(cheek) / chin, fixture.portrait).toBeLessThan(0.4);
    }
    chinPerLip.sort((a, b) => a - b);
    expect(chinPerLip[chinPerLip.length >> 1]).toBeCloseTo(1, 2);
    expect(chinPerLip[chinPerLip.length - 1]).toBeLessThan(1.3);
  });

  it('scales the chin drop by the jaw gain, mouthClose with it, and refuses a gain outside its range', () => {
    const rig = rigOf(fixtures[0]);
    const rest = pose(rig, () => undefined);
    const chinDrop = () => moved(rig, rest, pose(rig, (c) => c.set('jawOpen', 1)), [CHIN]);
    const lipGap = (c: (controls: FaceControls) => void) => moved(rig, pose(rig, c), pose(rig, () => undefined), [LIPS.inner.lower[4]]);
    const authored = chinDrop();
    const closedAuthored = lipGap((c) => c.set('jawOpen', 1).set('mouthClose', 1));
    rig.setJawGain(0.75);
    expect(chinDrop()).toBeCloseTo(0.75 * authored, 3);
    // mouthClose lifts the lower lip by the jaw's own share, so it still closes what the gained jaw opened.
    expect(lipGap((c) => c.set('jawOpen', 1).set('mouthClose', 1))).toBeCloseTo(0.75 * closedAuthored, 3);
    expect(() => rig.setJawGain(3)).toThrow(RangeError);
    expect(() => rig.setJawGain(Number.NaN)).toThrow(RangeError);
  });

  it('keeps the image border still whatever the controls', () => {
    const rig = rigOf(fixtures[0]);
    const rest = pose(rig, () => undefined);
    const wild = pose(rig, (c) => c.set('jawOpen', 1).set('cheekPuff', 1).setHead(30 * DEG, 20 * DEG, 30 * DEG));
    const border = [...rig.data.headWeight.keys()].filter((v) => rig.data.headWeight[v] === 0);
    expect(border.length).toBeGreaterThan(20);
    expect(moved(rig, rest, wild, border)).toBeLessThan(1e-3);
    expect(wild.every(Number.isFinite)).toBe(true);
  });
});

/** A baked shot as it sits in a rig file: the second fixture's landmarks on a 320 px image. */
const bakedShot = () => ({ imageWidth: 320, imageHeight: 320, landmarks: Array.from(flatLandmarks(fixtures[1])) });

describe('rig serialization', () => {
  const data = buildPortraitRig({ landmarks: flatLandmarks(fixtures[1]), imageWidth: fixtures[1].width, imageHeight: fixtures[1].height });
  const json = JSON.stringify(serializeRig(data));

  it('round-trips through JSON to a rig that poses identically', () => {
    const loaded = parseRigJson(json);
    const a = pose(new PortraitRig(data), (c) => c.set('jawOpen', 1).setHead(0.2, 0.1, -0.1));
    const b = pose(new PortraitRig(loaded), (c) => c.set('jawOpen', 1).setHead(0.2, 0.1, -0.1));
    expect(Array.from(b)).toEqual(Array.from(a));
  });

  it('reads back every float array bit for bit, written as the shortest decimals that do', () => {
    const loaded = parseRigJson(json);
    for (const key of ['rest', 'uv', 'shade', 'headWeight', 'followerMix', 'irises'] as const) {
      expect(Array.from(loaded[key]), key).toEqual(Array.from(data[key]));
    }
    data.morphs.forEach((m, i) => expect(m ? Array.from(loaded.morphs[i]!.deltas) : null, `morph ${i}`).toEqual(m ? Array.from(m.deltas) : null));
    // A float32 never needs more than 9 significant digits; doubles' 17 would only bloat the file.
    const serialized = serializeRig(data);
    const significantDigits = (v: number) => String(v).replace(/^-/, '').replace(/e.*$/, '').replace('.', '').replace(/^0+/, '').length;
    for (const key of ['rest', 'uv', 'headWeight', 'irises'] as const) {
      expect(Math.max(...(serialized[key] as number[]).map(significantDigits)), key).toBeLessThanOrEqual(9);
    }
  });

  const bad: [string, (o: Record<string, unknown>) => unknown][] = [
    ['not JSON', () => '{"format":'],
    ['another format', (o) => ({ ...o, format: 'something-else' })],
    ['a newer version', (o) => ({ ...o, version: 99 })],
    ['a NaN position', (o) => ({ ...o, rest: (o.rest as number[]).map((v, i) => (i === 5 ? 'NaN' : v)) })],
    ['a triangle out of range', (o) => ({ ...o, indices: (o.indices as number[]).map((v, i) => (i === 0 ? 1e6 : v)) })],
    ['a truncated uv array', (o) => ({ ...o, uv: (o.uv as number[]).slice(0, 10) })],
    ['a missing frame', (o) => ({ ...o, frame: undefined })],
    ['a huge image', (o) => ({ ...o, imageWidth: 1e9 })],
    ['morphs of the wrong count', (o) => ({ ...o, morphs: [] })],
    ['a head-turn gain no calibration gives', (o) => ({ ...o, yawGain: 7 })],
    ['a jaw gain no calibration gives', (o) => ({ ...o, jawGain: 3 })],
    ['a jaw gain that is not a number', (o) => ({ ...o, jawGain: '0.9' })],
    ['an open-teeth share no calibration gives', (o) => ({ ...o, openTeethShare: 0.1 })],
    ['an open-teeth share that is not a number', (o) => ({ ...o, openTeethShare: '1' })],
    ['a smile gain no calibration gives', (o) => ({ ...o, smileGains: { left: 1, right: 2 } })],
    ['smile gains missing a side', (o) => ({ ...o, smileGains: { left: 1 } })],
    ['smile gains that are not an object', (o) => ({ ...o, smileGains: [1, 1] })],
    ['a gaze gain past the authored look', (o) => ({ ...o, gazeGains: { outLeft: 1.2, inLeft: 1, outRight: 1, inRight: 1 } })],
    ['gaze gains missing a direction', (o) => ({ ...o, gazeGains: { outLeft: 1, inLeft: 1, outRight: 1 } })],
    ['a gaze gain that is not a number', (o) => ({ ...o, gazeGains: { outLeft: 1, inLeft: '0.8', outRight: 1, inRight: 1 } })],
    ['a shot with too few landmarks', (o) => ({ ...o, shots: [{ imageWidth: 100, imageHeight: 100, landmarks: [0.5, 0.5, 0] }] })],
    ['a shot whose content is not true or false', (o) => ({ ...o, shots: [{ ...bakedShot(), eyesClosed: 'yes' }] })],
    ['a shot of half a pixel', (o) => ({ ...o, shots: [{ ...bakedShot(), imageWidth: 0.5 }] })],
    ['shots that are not a list', (o) => ({ ...o, shots: { 0: bakedShot() } })],
    ['more shots than any character needs', (o) => ({ ...o, shots: Array.from({ length: 17 }, bakedShot) })],
  ];
  it.each(bad)('refuses %s with RigFormatError', (_what, corrupt) => {
    const corrupted = corrupt(JSON.parse(json));
    const text = typeof corrupted === 'string' ? corrupted : JSON.stringify(corrupted);
    expect(() => parseRigJson(text)).toThrow(RigFormatError);
  });

  it('carries baked few-shot shots (landmarks, size, what the baker said) through JSON, and leaves them out when there are none', () => {
    expect('shots' in JSON.parse(json)).toBe(false);
    const landmarks = flatLandmarks(fixtures[2]);
    const withShots = { ...data, shots: [{ imageWidth: 640, imageHeight: 480, landmarks, eyesClosed: true }, { imageWidth: 320, imageHeight: 320, landmarks }] };
    const loaded = parseRigJson(JSON.stringify(serializeRig(withShots)));
    expect(loaded.shots).toHaveLength(2);
    expect(Array.from(loaded.shots![0].landmarks)).toEqual(Array.from(landmarks));
    expect([loaded.shots![0].imageWidth, loaded.shots![0].imageHeight, loaded.shots![0].eyesClosed, loaded.shots![0].mouthOpen]).toEqual([640, 480, true, undefined]);
    expect(loaded.shots![1].eyesClosed).toBeUndefined();
  });

  it('carries a calibrated jaw gain through JSON, and leaves it out of an uncalibrated rig', () => {
    expect('jawGain' in JSON.parse(json)).toBe(false);
    const rig = new PortraitRig(data);
    rig.setJawGain(0.8);
    const loaded = parseRigJson(JSON.stringify(serializeRig(rig.data)));
    expect(loaded.jawGain).toBe(0.8);
    const open = (c: FaceControls) => c.set('jawOpen', 1);
    expect(Array.from(pose(new PortraitRig(loaded), open))).toEqual(Array.from(pose(rig, open)));
  });

  it('carries a calibrated open-teeth share through JSON, and leaves it out of an uncalibrated rig', () => {
    expect('openTeethShare' in JSON.parse(json)).toBe(false);
    const rig = new PortraitRig(data);
    rig.setOpenTeethShare(0.45);
    expect(parseRigJson(JSON.stringify(serializeRig(rig.data))).openTeethShare).toBe(0.45);
  });

  it('carries calibrated smile gains through JSON, scales each side by its own, and leaves them out of an uncalibrated rig', () => {
    expect('smileGains' in JSON.parse(json)).toBe(false);
    const rig = new PortraitRig(data);
    rig.setSmileGains(1.3, 0.7);
    const loaded = parseRigJson(JSON.stringify(serializeRig(rig.data)));
    expect(loaded.smileGains).toEqual({ left: 1.3, right: 0.7 });
    const smile = (c: FaceControls) => c.set('mouthSmileLeft', 1).set('mouthSmileRight', 1);
    expect(Array.from(pose(new PortraitRig(loaded), smile))).toEqual(Array.from(pose(rig, smile)));
    // A gain of 1.3 on the left smile poses as a left weight of 1.3 would on an uncalibrated rig.
    const plain = new PortraitRig(data);
    const rest = pose(plain, () => {});
    const authored = pose(plain, (c) => c.set('mouthSmileLeft', 1));
    const gained = pose(rig, (c) => c.set('mouthSmileLeft', 1));
    let moved = 0;
    // Seam copies are placed against the moved outline, not by weight (rig/outlineSeam).
    const copies = new Set(Array.from(data.outlineSeam ?? []).filter((_, k) => k % 2 === 0));
    for (let i = 0; i < rest.length; i++) {
      if (copies.has(Math.floor(i / 3))) continue;
      expect(gained[i]).toBeCloseTo(rest[i] + (authored[i] - rest[i]) * 1.3, 5);
      moved = Math.max(moved, Math.abs(authored[i] - rest[i]));
    }
    expect(moved).toBeGreaterThan(0);
    expect(() => rig.setSmileGains(1, 2)).toThrow(RangeError);
  });

  it('carries calibrated gaze gains through JSON, scales each eye\'s look each way by its own, and leaves them out of an uncalibrated rig', () => {
    expect('gazeGains' in JSON.parse(json)).toBe(false);
    const rig = new PortraitRig(data);
    const gains = { outLeft: 0.7, inLeft: 0.9, outRight: 1, inRight: 0.6 };
    rig.setGazeGains(gains);
    const loaded = parseRigJson(JSON.stringify(serializeRig(rig.data)));
    expect(loaded.gazeGains).toEqual(gains);
    const look = (c: FaceControls) => c.set('eyeLookOutLeft', 1).set('eyeLookInRight', 1);
    expect(Array.from(pose(new PortraitRig(loaded), look))).toEqual(Array.from(pose(rig, look)));
    // Each look poses as its weight times its gain would on an uncalibrated rig.
    const plain = new PortraitRig(data);
    for (const [name, gain] of [['eyeLookOutLeft', 0.7], ['eyeLookInLeft', 0.9], ['eyeLookOutRight', 1], ['eyeLookInRight', 0.6]] as const) {
      const scaled = pose(plain, (c) => c.set(name, gain));
      const gained = pose(rig, (c) => c.set(name, 1));
      for (let i = 0; i < scaled.length; i++) expect(gained[i]).toBeCloseTo(scaled[i], 4);
    }
    expect(() => rig.setGazeGains({ ...gains, inRight: 0.2 })).toThrow(RangeError);
    expect(() => rig.setGazeGains({ ...gains, outLeft: Number.NaN })).toThrow(/outLeft/);
  });

  it('refuses a value that is not an object', () => {
    expect(() => parseRig(null)).toThrow(RigFormatError);
    expect(() => parseRig([1, 2, 3])).toThrow(/must be an object/);
  });
});

import { describe, expect, it } from 'vitest';
import { Blendshape } from '../../../plugin/core/arkitBlendshapes';
import { FaceControls, HEAD_ROTATION_LIMITS, HEAD_TRANSLATION_LIMIT, type FaceControlsLike } from '../../../plugin/core/FaceControls';

/** Weights are stored as float32: compare at float32 precision. */
const FLOAT32_DIGITS = 6;

function sample(): FaceControls {
  return new FaceControls().setHead(0.2, -0.1, 0.05).setHeadPosition(0.1, -0.05, 0.02).set('jawOpen', 0.6).set('eyeBlinkLeft', 0.3);
}

describe('FaceControls', () => {
  it('starts neutral with 52 weights', () => {
    const controls = new FaceControls();
    expect(controls.weights).toBeInstanceOf(Float32Array);
    expect(controls.weights).toHaveLength(52);
    expect([...controls.weights].every((w) => w === 0)).toBe(true);
    expect([controls.yaw, controls.pitch, controls.roll, controls.x, controls.y, controls.z]).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('sets and gets weights by name and index', () => {
    const controls = new FaceControls().set('jawOpen', 0.5).setAt(Blendshape.tongueOut, 0.25);
    expect(controls.get('jawOpen')).toBe(0.5);
    expect(controls.weights[Blendshape.jawOpen]).toBe(0.5);
    expect(controls.get('tongueOut')).toBe(0.25);
    expect(controls.get('mouthClose')).toBe(0);
  });

  it('clamps weights to [0, 1]', () => {
    const controls = new FaceControls().set('jawOpen', 1.7).set('cheekPuff', -0.4);
    expect(controls.get('jawOpen')).toBe(1);
    expect(controls.get('cheekPuff')).toBe(0);
  });

  it('clamps head rotation and translation to the documented limits', () => {
    const controls = new FaceControls();
    controls.yaw = 10;
    controls.pitch = -10;
    controls.roll = 0.3;
    controls.x = 2;
    controls.z = -2;
    expect(controls.yaw).toBeCloseTo(Math.PI / 4, 12);
    expect(controls.pitch).toBeCloseTo(-Math.PI / 6, 12);
    expect(controls.roll).toBe(0.3);
    expect(controls.x).toBe(HEAD_TRANSLATION_LIMIT);
    expect(controls.z).toBe(-HEAD_TRANSLATION_LIMIT);
    controls.setHead(-5, 5, -5);
    expect([controls.yaw, controls.pitch, controls.roll]).toEqual([-HEAD_ROTATION_LIMITS.yaw, HEAD_ROTATION_LIMITS.pitch, -HEAD_ROTATION_LIMITS.roll]);
  });

  it('rejects NaN and infinities with a RangeError naming the channel', () => {
    const controls = new FaceControls();
    expect(() => controls.set('jawOpen', NaN)).toThrow(RangeError);
    expect(() => controls.set('jawOpen', NaN)).toThrow(/jawOpen/);
    expect(() => controls.setAt(Blendshape.eyeWideRight, Infinity)).toThrow(/eyeWideRight/);
    expect(() => { controls.yaw = NaN; }).toThrow(/FaceControls\.yaw/);
    expect(() => { controls.z = -Infinity; }).toThrow(/FaceControls\.z/);
    expect(() => controls.setHeadPosition(0, NaN, 0)).toThrow(/FaceControls\.y/);
    expect(controls.get('jawOpen')).toBe(0);
    expect(controls.yaw).toBe(0);
  });

  it('setHead changes nothing when one angle is invalid', () => {
    const controls = new FaceControls().setHead(0.1, 0.1, 0.1);
    expect(() => controls.setHead(0.3, Infinity, 0.3)).toThrow(/FaceControls\.pitch/);
    expect([controls.yaw, controls.pitch, controls.roll]).toEqual([0.1, 0.1, 0.1]);
  });

  it('rejects non-numbers with a TypeError', () => {
    expect(() => new FaceControls().set('jawOpen', '0.5' as unknown as number)).toThrow(TypeError);
  });

  it('rejects unknown names and bad indices', () => {
    const controls = new FaceControls();
    expect(() => controls.set('jaw_open' as 'jawOpen', 1)).toThrow(/did you mean "jawOpen"/);
    expect(() => controls.get('nope' as 'jawOpen')).toThrow(RangeError);
    expect(() => controls.setAt(52, 1)).toThrow(RangeError);
    expect(() => controls.setAt(1.5, 1)).toThrow(RangeError);
  });

  it('copyFrom copies every channel and keeps its own buffer', () => {
    const source = sample();
    const copy = new FaceControls();
    const buffer = copy.weights;
    copy.copyFrom(source);
    expect(copy.equals(source)).toBe(true);
    expect(copy.weights).toBe(buffer);
    source.set('jawOpen', 0);
    expect(copy.get('jawOpen')).toBeCloseTo(0.6, FLOAT32_DIGITS);
  });

  it('blendFrom interpolates toward the other', () => {
    const target = sample();
    const controls = new FaceControls().set('jawOpen', 0.2);
    controls.blendFrom(target, 0.25);
    expect(controls.get('jawOpen')).toBeCloseTo(0.2 + (0.6 - 0.2) * 0.25, FLOAT32_DIGITS);
    expect(controls.get('eyeBlinkLeft')).toBeCloseTo(0.075, FLOAT32_DIGITS);
    expect(controls.yaw).toBeCloseTo(0.05, 12);
    expect(controls.x).toBeCloseTo(0.025, 12);
    controls.blendFrom(target, 3);
    expect(controls.equals(target, 1e-7)).toBe(true);
  });

  it('blendFrom rejects invalid input without changing anything', () => {
    const controls = sample();
    const before = sample();
    expect(() => controls.blendFrom(new FaceControls(), NaN)).toThrow(RangeError);
    const broken: FaceControlsLike = { yaw: 0, pitch: 0, roll: 0, x: 0, y: 0, z: 0, weights: new Float32Array(52).fill(NaN) };
    expect(() => controls.blendFrom(broken, 0)).toThrow(/eyeBlinkLeft/);
    expect(() => controls.copyFrom({ ...broken, weights: new Float32Array(52), roll: NaN })).toThrow(/FaceControls\.roll/);
    expect(() => controls.copyFrom({ ...broken, weights: new Float32Array(51) })).toThrow(/52 weights/);
    expect(controls.equals(before)).toBe(true);
  });

  it('clamps what copyFrom reads from a foreign source', () => {
    const foreign: FaceControlsLike = { yaw: 9, pitch: 0, roll: 0, x: 0, y: 0, z: 0, weights: new Float32Array(52).fill(3) };
    const controls = new FaceControls().copyFrom(foreign);
    expect(controls.yaw).toBe(HEAD_ROTATION_LIMITS.yaw);
    expect(controls.get('tongueOut')).toBe(1);
  });

  it('equals honours the tolerance', () => {
    const a = sample();
    const b = sample().set('jawOpen', 0.61);
    expect(a.equals(b)).toBe(false);
    expect(a.equals(b, 0.001)).toBe(false);
    expect(a.equals(b, 0.02)).toBe(true);
    b.set('jawOpen', 0.6).yaw = 0.3;
    expect(a.equals(b, 0.05)).toBe(false);
  });

  it('reset returns to neutral', () => {
    const controls = sample().reset();
    expect(controls.equals(new FaceControls())).toBe(true);
  });

  it('toJSON keeps the head and only non-zero weights, and round-trips', () => {
    const controls = sample();
    const json = controls.toJSON();
    expect(Object.keys(json.weights ?? {}).sort()).toEqual(['eyeBlinkLeft', 'jawOpen']);
    expect(json.head).toEqual({ yaw: 0.2, pitch: -0.1, roll: 0.05, x: 0.1, y: -0.05, z: 0.02 });
    const back = FaceControls.fromJSON(JSON.parse(JSON.stringify(controls)));
    expect(back.equals(controls)).toBe(true);
  });

  it('fromJSON fills missing channels with 0 and clamps', () => {
    const controls = FaceControls.fromJSON({ weights: { jawOpen: 4 }, head: { pitch: 1 } });
    expect(controls.get('jawOpen')).toBe(1);
    expect(controls.pitch).toBe(HEAD_ROTATION_LIMITS.pitch);
    expect(controls.yaw).toBe(0);
    expect(FaceControls.fromJSON({}).equals(new FaceControls())).toBe(true);
  });

  it('fromJSON validates names and types', () => {
    expect(() => FaceControls.fromJSON({ weights: { mouthSmileLef: 1 } })).toThrow(RangeError);
    expect(() => FaceControls.fromJSON({ weights: { mouthSmileLef: 1 } })).toThrow(/did you mean "mouthSmileLeft"/);
    expect(() => FaceControls.fromJSON({ weights: { jawOpen: '1' } })).toThrow(TypeError);
    expect(() => FaceControls.fromJSON({ head: { yaw: null } })).toThrow(TypeError);
    expect(() => FaceControls.fromJSON({ head: { yaww: 0 } })).toThrow(/did you mean "yaw"/);
    expect(() => FaceControls.fromJSON({ weight: {} })).toThrow(/did you mean "weights"/);
    expect(() => FaceControls.fromJSON(null)).toThrow(TypeError);
    expect(() => FaceControls.fromJSON([1, 2])).toThrow(TypeError);
    expect(() => FaceControls.fromJSON({ weights: [] })).toThrow(TypeError);
    expect(() => FaceControls.fromJSON({ head: { roll: NaN } })).toThrow(/FaceControls\.roll/);
  });
});

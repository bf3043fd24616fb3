import { describe, expect, it } from 'vitest';
import { HEAD_ROTATION_LIMITS } from '../../../../plugin/core/FaceControls';
import { MotionClip } from '../../../../plugin/motion/clips/MotionClip';
import { findMotionChannel, isHeadChannel, motionChannelLimit, motionChannelMinimum, resolveMotionChannels } from '../../../../plugin/motion/clips/clipChannels';
import { motionChannelIndex } from '../../../../plugin/motion/motionChannels';
import { MAX_CLIP_FRAMES, MAX_CLIP_TEXT_LENGTH } from '../../../../plugin/motion/clips/clipLimits';

const JAW_OPEN = motionChannelIndex('jawOpen');
const PITCH = motionChannelIndex('pitch');

describe('MotionClip', () => {
  it('derives frame count, mask, duration and loop period', () => {
    const clip = new MotionClip({ frameRate: 20, channels: [PITCH, JAW_OPEN], data: new Float32Array(10), name: 'nod' });
    expect(clip.frameCount).toBe(5);
    expect(clip.channelCount).toBe(2);
    expect(clip.durationMs).toBe(200);
    expect(clip.loopPeriodMs).toBe(250);
    expect(Array.from(clip.channelIndices)).toEqual([PITCH, JAW_OPEN]);
    expect(clip.channelMask.reduce((a, b) => a + b, 0)).toBe(2);
    expect(clip.hasChannel(JAW_OPEN)).toBe(true);
    expect(clip.hasChannel(0)).toBe(false);
    expect(clip.name).toBe('nod');
    expect(clip.source).toBeUndefined();
  });

  it('accepts values at the float32 edge of each range', () => {
    const data = Float32Array.of(HEAD_ROTATION_LIMITS.pitch, 1, -HEAD_ROTATION_LIMITS.pitch, 0);
    expect(new MotionClip({ frameRate: 30, channels: [PITCH, JAW_OPEN], data }).frameCount).toBe(2);
  });

  it.each([
    ['a NaN value', { frameRate: 30, channels: [JAW_OPEN], data: Float32Array.of(0.5, NaN) }, /frame 1, channel jawOpen: NaN/],
    ['a weight above 1', { frameRate: 30, channels: [JAW_OPEN], data: Float32Array.of(1.5) }, /jawOpen: 1\.5 is outside 0\.\.1/],
    ['a pitch beyond its limit', { frameRate: 30, channels: [PITCH], data: Float32Array.of(0.6) }, /channel pitch/],
    ['channels out of order', { frameRate: 30, channels: [JAW_OPEN, PITCH], data: new Float32Array(2) }, /must ascend/],
    ['a repeated channel', { frameRate: 30, channels: [PITCH, PITCH], data: new Float32Array(2) }, /must ascend/],
    ['channel 58', { frameRate: 30, channels: [58], data: new Float32Array(1) }, /channel 58/],
    ['no channels', { frameRate: 30, channels: [], data: new Float32Array(0) }, /no channels/],
    ['no frames', { frameRate: 30, channels: [PITCH], data: new Float32Array(0) }, /frame count 0/],
    ['a partial frame', { frameRate: 30, channels: [PITCH, JAW_OPEN], data: new Float32Array(3) }, /frame count 1\.5/],
    ['frame rate 0', { frameRate: 0, channels: [PITCH], data: new Float32Array(1) }, /frame rate 0 Hz/],
    ['frame rate NaN', { frameRate: NaN, channels: [PITCH], data: new Float32Array(1) }, /frame rate NaN/],
    ['a long name', { frameRate: 30, channels: [PITCH], data: new Float32Array(1), name: 'n'.repeat(MAX_CLIP_TEXT_LENGTH + 1) }, /name is 257/],
    ['a lone surrogate', { frameRate: 30, channels: [PITCH], data: new Float32Array(1), source: 'a\uD800b' }, /surrogate/],
  ])('refuses %s with a RangeError', (_, init, message) => {
    expect(() => new MotionClip(init)).toThrow(RangeError);
    expect(() => new MotionClip(init)).toThrow(message);
  });

  it('refuses more than MAX_CLIP_FRAMES frames', () => {
    expect(() => new MotionClip({ frameRate: 30, channels: [PITCH], data: new Float32Array(MAX_CLIP_FRAMES + 1) })).toThrow(/frame count 216001/);
  });

  it('refuses wrong types with a TypeError', () => {
    expect(() => new MotionClip(null as never)).toThrow(TypeError);
    expect(() => new MotionClip({ frameRate: 30, channels: [PITCH], data: [0] as never })).toThrow(/Float32Array/);
    expect(() => new MotionClip({ frameRate: 30, channels: 3 as never, data: new Float32Array(1) })).toThrow(/channels must be an array/);
  });
});

describe('motion channels', () => {
  it('find names without throwing, agreeing with the mixer\'s motionChannelIndex', () => {
    expect(findMotionChannel('yaw')).toBe(0);
    expect(findMotionChannel('jawOpen')).toBe(JAW_OPEN);
    expect(findMotionChannel('tongueOut')).toBe(motionChannelIndex('tongueOut'));
    expect(findMotionChannel('tongue')).toBe(-1);
    expect(findMotionChannel('constructor')).toBe(-1);
  });

  it('give head channels ±their FaceControls limit and weights 0..1', () => {
    expect(isHeadChannel(PITCH)).toBe(true);
    expect(isHeadChannel(JAW_OPEN)).toBe(false);
    expect(motionChannelLimit(PITCH)).toBe(HEAD_ROTATION_LIMITS.pitch);
    expect(motionChannelMinimum(PITCH)).toBe(-HEAD_ROTATION_LIMITS.pitch);
    expect(motionChannelLimit(JAW_OPEN)).toBe(1);
    expect(motionChannelMinimum(JAW_OPEN)).toBe(0);
  });

  it('resolve names and indices to sorted unique indices, refusing unknown ones', () => {
    expect(Array.from(resolveMotionChannels(['jawOpen', 0, 'yaw', 1], 'test'))).toEqual([0, 1, JAW_OPEN]);
    expect(() => resolveMotionChannels(['jawOpn' as never], 'test')).toThrow(/unknown channel "jawOpn"; did you mean "jawOpen"/);
    expect(() => resolveMotionChannels([58], 'test')).toThrow(RangeError);
    expect(() => resolveMotionChannels([], 'test')).toThrow(/empty/);
  });
});

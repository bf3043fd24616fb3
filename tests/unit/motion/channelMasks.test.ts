import { describe, expect, it } from 'vitest';
import { FaceControls } from '../../../plugin/core/FaceControls';
import {
  ALL_CHANNELS, BLINK_CHANNELS, BROW_CHANNELS, channelMask, channelMaskExcept, EYE_CHANNELS, GAZE_CHANNELS, HEAD_CHANNELS,
  MOUTH_CHANNELS, resolveChannelSelection,
} from '../../../plugin/motion/channelMasks';
import {
  HeadChannelIndex, MOTION_CHANNEL_NAMES, motionChannelIndex, readChannel, writeChannel, type MotionChannelName,
} from '../../../plugin/motion/motionChannels';
import { MOTION_CHANNEL_COUNT } from '../../../plugin/motion/MotionSource';

const namesIn = (mask: Float32Array) => MOTION_CHANNEL_NAMES.filter((_, i) => mask[i] > 0);

describe('motion channels', () => {
  it('names 58 channels, head first, and finds them by name', () => {
    expect(MOTION_CHANNEL_NAMES).toHaveLength(MOTION_CHANNEL_COUNT);
    expect(MOTION_CHANNEL_NAMES.slice(0, 6)).toEqual(['yaw', 'pitch', 'roll', 'x', 'y', 'z']);
    expect(motionChannelIndex('yaw')).toBe(HeadChannelIndex.yaw);
    expect(motionChannelIndex('eyeBlinkLeft')).toBe(6);
    expect(motionChannelIndex('tongueOut')).toBe(57);
    expect(() => motionChannelIndex('jawOpn')).toThrow(/did you mean "jawOpen"/);
  });

  it('reads and writes every channel of FaceControls, clamping', () => {
    const controls = new FaceControls();
    writeChannel(controls, HeadChannelIndex.roll, 0.2);
    writeChannel(controls, motionChannelIndex('jawOpen'), 1.7);
    expect(controls.roll).toBeCloseTo(0.2, 9);
    expect(controls.get('jawOpen')).toBe(1);
    expect(readChannel(controls, motionChannelIndex('jawOpen'))).toBe(1);
    expect(readChannel(controls, HeadChannelIndex.roll)).toBeCloseTo(0.2, 9);
    expect(() => writeChannel(controls, 3, Number.NaN)).toThrow(/FaceControls\.x/);
    expect(() => writeChannel(controls, 58, 0)).toThrow(RangeError);
  });
});

describe('channel masks', () => {
  it('preset groups cover the right channels', () => {
    expect(HEAD_CHANNELS).toEqual(['yaw', 'pitch', 'roll', 'x', 'y', 'z']);
    expect(BLINK_CHANNELS).toEqual(['eyeBlinkLeft', 'eyeBlinkRight']);
    expect(GAZE_CHANNELS).toHaveLength(8);
    expect(GAZE_CHANNELS.every((n) => n.startsWith('eyeLook'))).toBe(true);
    expect(EYE_CHANNELS).toHaveLength(14);
    expect(BROW_CHANNELS).toEqual(['browDownLeft', 'browDownRight', 'browInnerUp', 'browOuterUpLeft', 'browOuterUpRight']);
    expect(MOUTH_CHANNELS).toContain('jawOpen');
    expect(MOUTH_CHANNELS).toContain('mouthSmileLeft');
    expect(MOUTH_CHANNELS).toContain('tongueOut');
    expect(MOUTH_CHANNELS.some((n) => n.startsWith('eye') || n.startsWith('brow'))).toBe(false);
    expect(ALL_CHANNELS).toHaveLength(MOTION_CHANNEL_COUNT);
    const groups = [HEAD_CHANNELS, EYE_CHANNELS, MOUTH_CHANNELS, BROW_CHANNELS];
    expect(new Set(groups.flat()).size).toBe(groups.flat().length);
  });

  it('builds masks from names, with a value, and their complement', () => {
    const mask = channelMask(['jawOpen', 'yaw'], 0.5);
    expect(mask).toHaveLength(MOTION_CHANNEL_COUNT);
    expect(namesIn(mask)).toEqual(['yaw', 'jawOpen']);
    expect(mask[motionChannelIndex('jawOpen')]).toBe(0.5);
    const allButMouth = channelMaskExcept(MOUTH_CHANNELS);
    expect(namesIn(allButMouth)).toHaveLength(MOTION_CHANNEL_COUNT - MOUTH_CHANNELS.length);
    expect(allButMouth[motionChannelIndex('jawOpen')]).toBe(0);
    expect(allButMouth[motionChannelIndex('eyeBlinkLeft')]).toBe(1);
  });

  it('rejects unknown names and bad masks, naming the problem', () => {
    expect(() => channelMask(['eyeblinkLeft' as MotionChannelName])).toThrow(/did you mean "eyeBlinkLeft"/);
    expect(() => channelMask(['yaw'], 2)).toThrow(RangeError);
    const into = new Float32Array(MOTION_CHANNEL_COUNT);
    expect(() => resolveChannelSelection(new Float32Array(10), into, 'Test')).toThrow(/Test: a channel mask has 58 entries, got 10/);
    const bad = new Float32Array(MOTION_CHANNEL_COUNT);
    bad[6] = Number.NaN;
    expect(() => resolveChannelSelection(bad, into, 'Test')).toThrow(/Test\[eyeBlinkLeft\]/);
    expect(() => resolveChannelSelection('jawOpen' as unknown as MotionChannelName[], into, 'Test')).toThrow(TypeError);
    const copied = resolveChannelSelection(channelMask(['roll']), into, 'Test');
    expect(copied).toBe(into);
    expect(namesIn(into)).toEqual(['roll']);
  });
});

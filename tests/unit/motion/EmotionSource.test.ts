import { describe, expect, it } from 'vitest';
import { Blendshape } from '../../../plugin/core/arkitBlendshapes';
import { FaceControls } from '../../../plugin/core/FaceControls';
import { EmotionSource } from '../../../plugin/motion/EmotionSource';
import { EMOTION_NAMES, EMOTION_PRESETS } from '../../../plugin/motion/emotionPresets';
import { motionChannelIndex } from '../../../plugin/motion/motionChannels';

const REQUIRED = ['neutral', 'happy', 'sad', 'angry', 'surprised', 'thinking', 'disgusted', 'fearful'];

function poseOf(source: EmotionSource, t: number): FaceControls {
  const out = new FaceControls();
  source.sample(t, out);
  return out;
}

describe('EmotionSource presets', () => {
  it('has the required expressions, each a valid, distinct face', () => {
    for (const name of REQUIRED) expect(EMOTION_NAMES).toContain(name);
    const poses = EMOTION_NAMES.map((name) => poseOf(new EmotionSource({ emotion: name }), 0));
    const neutral = poses[EMOTION_NAMES.indexOf('neutral')];
    expect(neutral.equals(new FaceControls())).toBe(true);
    poses.forEach((pose, i) => {
      if (EMOTION_NAMES[i] === 'neutral') return;
      expect(Math.max(...pose.weights)).toBeGreaterThan(0.3);
      expect(Math.max(...pose.weights)).toBeLessThanOrEqual(1);
      expect(Math.abs(pose.pitch) + Math.abs(pose.roll)).toBeLessThan(0.15);
      poses.slice(i + 1).forEach((other) => expect(pose.equals(other, 0.01)).toBe(false));
    });
  });

  it('reads as the emotion: a happy smile, sad inner brows and lowered head, surprised wide eyes and open jaw', () => {
    const happy = poseOf(new EmotionSource({ emotion: 'happy' }), 0);
    expect(happy.get('mouthSmileLeft')).toBeGreaterThan(0.5);
    expect(happy.get('mouthSmileRight')).toBe(happy.get('mouthSmileLeft'));
    const sad = poseOf(new EmotionSource({ emotion: 'sad' }), 0);
    expect(sad.get('browInnerUp')).toBeGreaterThan(0.5);
    expect(sad.pitch).toBeLessThan(0);
    const surprised = poseOf(new EmotionSource({ emotion: 'surprised' }), 0);
    expect(surprised.get('eyeWideLeft')).toBeGreaterThan(0.5);
    expect(surprised.get('jawOpen')).toBeGreaterThan(0.2);
    const angry = poseOf(new EmotionSource({ emotion: 'angry' }), 0);
    expect(angry.get('browDownLeft')).toBeGreaterThan(0.5);
  });

  it('unknown names throw a RangeError naming the closest', () => {
    const source = new EmotionSource();
    expect(() => source.setEmotion('hapy')).toThrow(RangeError);
    expect(() => source.setEmotion('hapy')).toThrow(/unknown emotion "hapy"; did you mean "happy"/);
    expect(() => source.setEmotion('Suprised')).toThrow(/did you mean "surprised"/);
    expect(() => new EmotionSource({ emotion: 'angy' })).toThrow(/did you mean "angry"/);
    expect(() => source.setMix('happy', 'sadd', 0.5)).toThrow(/did you mean "sad"/);
  });

  it('clamps intensity and mix amount to [0, 1] and rejects NaN', () => {
    const at = (intensity: number) => poseOf(new EmotionSource({ emotion: 'happy', intensity }), 0);
    expect(at(1.5).equals(at(1))).toBe(true);
    expect(at(-2).equals(new FaceControls())).toBe(true);
    expect(at(0.5).get('mouthSmileLeft')).toBeCloseTo(EMOTION_PRESETS.happy.weights.mouthSmileLeft / 2, 6);
    const source = new EmotionSource();
    source.setEmotion('sad', 7);
    expect(source.intensity).toBe(1);
    expect(() => source.setEmotion('sad', Number.NaN)).toThrow(/EmotionSource: intensity/);
    expect(() => source.setMix('sad', 'happy', Number.NaN)).toThrow(/amount/);
  });

  it('accepts custom presets, checking their names and ranges', () => {
    const source = new EmotionSource({ presets: { wink: { weights: { eyeBlinkLeft: 1, mouthSmileLeft: 0.3 }, rollDeg: 3 } } });
    expect(source.emotionNames).toContain('wink');
    source.setEmotion('wink', 1, 0);
    const pose = poseOf(source, 0);
    expect(pose.get('eyeBlinkLeft')).toBe(1);
    expect(pose.roll).toBeGreaterThan(0);
    expect(source.channels[motionChannelIndex('eyeBlinkLeft')]).toBe(1);
    expect(() => new EmotionSource({ presets: { odd: { weights: { jawOpn: 0.2 } as never } } })).toThrow(/did you mean "jawOpen"/);
    expect(() => new EmotionSource({ presets: { odd: { weights: { jawOpen: 2 } } } })).toThrow(/preset "odd"\.weights\.jawOpen must lie in \[0, 1\]/);
    expect(() => new EmotionSource({ presets: { odd: { weights: {}, pitchDeg: 40 } } })).toThrow(/pitchDeg/);
  });
});

describe('EmotionSource over time', () => {
  it('crossfades from the next sample over fadeMs, eased', () => {
    const source = new EmotionSource();
    poseOf(source, 0);
    source.setEmotion('happy', 1, 400);
    const smile = (t: number) => poseOf(source, t).get('mouthSmileLeft');
    const full = EMOTION_PRESETS.happy.weights.mouthSmileLeft;
    expect(smile(1000)).toBe(0);
    expect(smile(1100)).toBeLessThan(full * 0.25);
    expect(smile(1200)).toBeCloseTo(full / 2, 5);
    expect(smile(1400)).toBeCloseTo(full, 6);
    expect(smile(5000)).toBeCloseTo(full, 6);
  });

  it('a new emotion mid-fade starts from the face as it is', () => {
    const source = new EmotionSource();
    poseOf(source, 0);
    source.setEmotion('happy', 1, 400);
    poseOf(source, 100);
    const midway = poseOf(source, 300).get('mouthSmileLeft');
    source.setEmotion('sad', 1, 200);
    expect(poseOf(source, 300).get('mouthSmileLeft')).toBeCloseTo(midway, 6);
    expect(poseOf(source, 400).get('mouthSmileLeft')).toBeCloseTo(midway / 2, 5);
    const settled = poseOf(source, 500);
    expect(settled.get('mouthSmileLeft')).toBe(0);
    expect(settled.get('mouthFrownLeft')).toBeCloseTo(EMOTION_PRESETS.sad.weights.mouthFrownLeft, 6);
  });

  it('mixes two presets', () => {
    const source = new EmotionSource();
    source.setMix('happy', 'surprised', 0.5, 0.8, 0);
    const pose = poseOf(source, 0);
    expect(pose.get('mouthSmileLeft')).toBeCloseTo(0.7 * 0.5 * 0.8, 6);
    expect(pose.get('eyeWideLeft')).toBeCloseTo(0.7 * 0.5 * 0.8, 6);
    expect([source.emotion, source.mixWith, source.mixAmount, source.intensity]).toEqual(['happy', 'surprised', 0.5, 0.8]);
  });

  it('holds off blinks below while the expression closes the eyes', () => {
    const blink = motionChannelIndex('eyeBlinkLeft');
    const source = new EmotionSource();
    poseOf(source, 0);
    expect(source.suppresses[blink]).toBe(0);
    source.setEmotion('blissful', 1, 0);
    poseOf(source, 10);
    expect(source.suppresses[blink]).toBe(1);
    expect(source.suppresses[motionChannelIndex('eyeBlinkRight')]).toBe(1);
    source.setEmotion('happy', 1, 0);
    poseOf(source, 20);
    expect(source.suppresses[blink]).toBe(0);
    source.setEmotion('sleepy', 1, 0);
    poseOf(source, 30);
    expect(source.suppresses[blink]).toBeGreaterThan(0);
    expect(source.suppresses[blink]).toBeLessThan(0.5);
    expect(source.suppresses[motionChannelIndex('jawOpen')]).toBe(0);
  });

  it('drives the channels its presets use, not gaze or yaw', () => {
    const source = new EmotionSource();
    expect(source.channels[motionChannelIndex('mouthSmileLeft')]).toBe(1);
    expect(source.channels[motionChannelIndex('pitch')]).toBe(1);
    expect(source.channels[motionChannelIndex('yaw')]).toBe(0);
    expect(source.channels[motionChannelIndex('eyeLookOutLeft')]).toBe(0);
    const out = new FaceControls();
    out.weights[Blendshape.eyeLookOutLeft] = 0.6;
    source.sample(0, out);
    expect(out.weights[Blendshape.eyeLookOutLeft]).toBeCloseTo(0.6, 6);
  });
});

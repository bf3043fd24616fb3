import { describe, expect, it } from 'vitest';
import { FaceControls } from '../../../plugin/core/FaceControls';
import { BLINK_CHANNELS, channelMask, EYE_CHANNELS, MOUTH_CHANNELS } from '../../../plugin/motion/channelMasks';
import { motionChannelIndex } from '../../../plugin/motion/motionChannels';
import { MotionMixer } from '../../../plugin/motion/MotionMixer';
import type { MotionSource } from '../../../plugin/motion/MotionSource';
import { ConstantSource, sampleAt } from './testSources';

describe('MotionMixer priorities and masks', () => {
  it('blends layers from low to high priority whatever the order they were added', () => {
    const mixer = new MotionMixer();
    mixer.addLayer(new ConstantSource({ jawOpen: 0.8 }), { priority: 10 });
    mixer.addLayer(new ConstantSource({ jawOpen: 0.2, eyeBlinkLeft: 0.6 }), { priority: 0 });
    expect(mixer.layers.map((l) => l.priority)).toEqual([0, 10]);
    const out = sampleAt(mixer, 0);
    expect(out.get('jawOpen')).toBeCloseTo(0.8, 6);
    expect(out.get('eyeBlinkLeft')).toBeCloseTo(0.6, 6);
  });

  it('equal priorities keep the order they were added', () => {
    const mixer = new MotionMixer();
    mixer.addLayer(new ConstantSource({ jawOpen: 0.3 }));
    mixer.addLayer(new ConstantSource({ jawOpen: 0.7 }));
    expect(sampleAt(mixer, 0).get('jawOpen')).toBeCloseTo(0.7, 6);
  });

  it('a speaking layer owns the mouth while idle keeps the eyes', () => {
    const mixer = new MotionMixer();
    mixer.addLayer(new ConstantSource({ jawOpen: 0.1, eyeBlinkLeft: 0.9, eyeLookUpLeft: 0.4, yaw: 0.1 }), { priority: 0 });
    // The "speech" source writes eyes too, but its layer passes on only the mouth.
    mixer.addLayer(new ConstantSource({ jawOpen: 0.6, mouthFunnel: 0.5, eyeBlinkLeft: 0 }), { priority: 100, mask: MOUTH_CHANNELS });
    const out = sampleAt(mixer, 0);
    expect(out.get('jawOpen')).toBeCloseTo(0.6, 6);
    expect(out.get('mouthFunnel')).toBeCloseTo(0.5, 6);
    expect(out.get('eyeBlinkLeft')).toBeCloseTo(0.9, 6);
    expect(out.get('eyeLookUpLeft')).toBeCloseTo(0.4, 6);
    expect(out.yaw).toBeCloseTo(0.1, 6);
  });

  it('a partial share lerps toward the source value; per-channel source weights count', () => {
    const mixer = new MotionMixer();
    mixer.addLayer(new ConstantSource({ jawOpen: 0.2 }));
    const top = new ConstantSource({ jawOpen: 1, mouthSmileLeft: 1 });
    top.channels[motionChannelIndex('mouthSmileLeft')] = 0.25;
    mixer.addLayer(top, { priority: 1, weight: 0.5 });
    const out = sampleAt(mixer, 0);
    expect(out.get('jawOpen')).toBeCloseTo(0.2 + (1 - 0.2) * 0.5, 6);
    // Over the neutral pose: 0 + (1 - 0) * 0.25 * 0.5.
    expect(out.get('mouthSmileLeft')).toBeCloseTo(0.125, 6);
  });

  it('additive layers add their value times their share; head channels may go negative', () => {
    const mixer = new MotionMixer();
    mixer.addLayer(new ConstantSource({ yaw: 0.1, eyeBlinkLeft: 0.5 }));
    mixer.addLayer(new ConstantSource({ yaw: -0.04, eyeBlinkLeft: 0.8 }), { priority: 1, mode: 'additive', weight: 0.5 });
    const out = sampleAt(mixer, 0);
    expect(out.yaw).toBeCloseTo(0.1 - 0.02, 6);
    expect(out.get('eyeBlinkLeft')).toBeCloseTo(0.9, 6);
    mixer.layers[1].weight = 1;
    expect(sampleAt(mixer, 0).get('eyeBlinkLeft')).toBe(1);
  });

  it('drives only the channels its layers drive and leaves the rest of out alone', () => {
    const mixer = new MotionMixer();
    mixer.addLayer(new ConstantSource({ jawOpen: 0.5 }));
    const out = new FaceControls();
    out.set('browInnerUp', 0.3).pitch = 0.05;
    mixer.sample(0, out);
    expect(out.get('browInnerUp')).toBeCloseTo(0.3, 6);
    expect(out.pitch).toBe(0.05);
    expect(out.get('jawOpen')).toBeCloseTo(0.5, 6);
    expect(Array.from(mixer.channels)).toEqual(Array.from(channelMask(['jawOpen'])));
  });

  it('a mixer nests inside another mixer', () => {
    const inner = new MotionMixer();
    inner.addLayer(new ConstantSource({ jawOpen: 0.4 }));
    const outer = new MotionMixer();
    outer.addLayer(new ConstantSource({ jawOpen: 0.9, eyeBlinkRight: 0.7 }));
    outer.addLayer(inner, { priority: 1 });
    const out = sampleAt(outer, 0);
    expect(out.get('jawOpen')).toBeCloseTo(0.4, 6);
    expect(out.get('eyeBlinkRight')).toBeCloseTo(0.7, 6);
  });

  it('removes layers and skips sources at weight 0', () => {
    const mixer = new MotionMixer();
    const quiet = new ConstantSource({ jawOpen: 0.9 });
    const layer = mixer.addLayer(quiet, { weight: 0 });
    sampleAt(mixer, 0);
    expect(quiet.samples).toBe(0);
    expect(Array.from(mixer.channels).every((c) => c === 0)).toBe(true);
    expect(mixer.removeLayer(layer)).toBe(true);
    expect(mixer.removeLayer(layer)).toBe(false);
    expect(mixer.layers).toHaveLength(0);
  });
});

describe('MotionMixer crossfades', () => {
  it('fadeTo eases the weight from the next sample over its duration', () => {
    const mixer = new MotionMixer();
    mixer.addLayer(new ConstantSource({ jawOpen: 0 }));
    const talk = mixer.addLayer(new ConstantSource({ jawOpen: 1 }), { priority: 1, weight: 0 });
    talk.fadeTo(1, 400);
    expect(talk.isFading).toBe(true);
    const at = (t: number) => sampleAt(mixer, t).get('jawOpen');
    expect(at(1000)).toBeCloseTo(0, 6);
    expect(at(1100)).toBeGreaterThan(0.05);
    expect(at(1100)).toBeLessThan(0.25);
    expect(at(1200)).toBeCloseTo(0.5, 6);
    expect(at(1300)).toBeGreaterThan(0.75);
    expect(talk.isFading).toBe(true);
    expect(at(1400)).toBeCloseTo(1, 6);
    expect(talk.isFading).toBe(false);
    expect(talk.weight).toBe(1);
  });

  it('a crossfade between two layers keeps the total share and a new fade starts where the last one got', () => {
    const mixer = new MotionMixer();
    const a = mixer.addLayer(new ConstantSource({ mouthSmileLeft: 1 }), { weight: 1, mode: 'additive' });
    const b = mixer.addLayer(new ConstantSource({ mouthFrownLeft: 1 }), { weight: 0, mode: 'additive' });
    a.fadeTo(0, 200);
    b.fadeTo(1, 200);
    for (const t of [0, 50, 100, 150, 200]) {
      const out = sampleAt(mixer, t);
      expect(out.get('mouthSmileLeft') + out.get('mouthFrownLeft')).toBeCloseTo(1, 5);
    }
    a.fadeTo(1, 100);
    sampleAt(mixer, 300);
    expect(a.weight).toBe(0);
    sampleAt(mixer, 350);
    expect(a.weight).toBeCloseTo(0.5, 6);
    a.weight = 0.2;
    expect(a.isFading).toBe(false);
    sampleAt(mixer, 400);
    expect(a.weight).toBe(0.2);
    a.fadeTo(0.9, 0);
    sampleAt(mixer, 401);
    expect(a.weight).toBeCloseTo(0.9, 6);
  });
});

describe('MotionMixer inhibition', () => {
  it('a layer suppresses lower layers on its suppresses mask, scaled by its weight', () => {
    const mixer = new MotionMixer();
    mixer.addLayer(new ConstantSource({ eyeBlinkLeft: 1, eyeBlinkRight: 1, jawOpen: 0.5 }), { priority: 0 });
    const emotion = mixer.addLayer(new ConstantSource({ mouthSmileLeft: 0.6 }), {
      priority: 5, mode: 'additive', suppresses: BLINK_CHANNELS,
    });
    let out = sampleAt(mixer, 0);
    expect(out.get('eyeBlinkLeft')).toBe(0);
    expect(out.get('eyeBlinkRight')).toBe(0);
    expect(out.get('jawOpen')).toBeCloseTo(0.5, 6);
    expect(out.get('mouthSmileLeft')).toBeCloseTo(0.6, 6);
    emotion.weight = 0.25;
    out = sampleAt(mixer, 0);
    expect(out.get('eyeBlinkLeft')).toBeCloseTo(0.75, 6);
    emotion.suppresses.fill(0);
    expect(sampleAt(mixer, 0).get('eyeBlinkLeft')).toBeCloseTo(1, 6);
  });

  it("a source's own suppresses holds off lower layers only, and the strongest hold wins", () => {
    const mixer = new MotionMixer();
    const hold = channelMask(BLINK_CHANNELS, 0.4);
    mixer.addLayer(new ConstantSource({ eyeBlinkLeft: 1 }), { priority: 0 });
    mixer.addLayer(new ConstantSource({ eyeSquintLeft: 0.8 }, hold), { priority: 1, mode: 'additive' });
    mixer.addLayer(new ConstantSource({ browInnerUp: 0.2 }), { priority: 2, mode: 'additive', suppresses: channelMask(EYE_CHANNELS, 0.7) });
    // A blink above the holders is not held off.
    mixer.addLayer(new ConstantSource({ eyeBlinkRight: 1 }), { priority: 3 });
    const out = sampleAt(mixer, 0);
    expect(out.get('eyeBlinkLeft')).toBeCloseTo(0.3, 6);
    expect(out.get('eyeBlinkRight')).toBe(1);
    // The squint layer itself sits under the brow layer's 0.7 hold on the eyes.
    expect(out.get('eyeSquintLeft')).toBeCloseTo(0.8 * 0.3, 6);
  });

  it("reads a source's suppresses after sampling it, in the same frame", () => {
    const dynamic: MotionSource & { suppresses: Float32Array } = {
      channels: channelMask(['browInnerUp']),
      suppresses: channelMask([]),
      sample(timeMs, out) {
        out.set('browInnerUp', 0.1);
        this.suppresses[motionChannelIndex('jawOpen')] = timeMs >= 100 ? 1 : 0;
      },
    };
    const mixer = new MotionMixer();
    mixer.addLayer(new ConstantSource({ jawOpen: 0.9 }));
    mixer.addLayer(dynamic, { priority: 1 });
    expect(sampleAt(mixer, 0).get('jawOpen')).toBeCloseTo(0.9, 6);
    expect(sampleAt(mixer, 100).get('jawOpen')).toBe(0);
  });
});

describe('MotionMixer misuse', () => {
  it('names the class, the value and the fix', () => {
    const mixer = new MotionMixer();
    const source = new ConstantSource({ jawOpen: 1 });
    expect(() => mixer.addLayer({} as MotionSource)).toThrow(/MotionMixer\.addLayer: source must be a MotionSource/);
    expect(() => mixer.addLayer({ channels: new Float32Array(3), sample() {} })).toThrow(/Float32Array of 58/);
    expect(() => mixer.addLayer(source, { weight: 2 })).toThrow(/MixerLayer: options\.weight must lie in \[0, 1\], got 2/);
    expect(() => mixer.addLayer(source, { priority: Number.NaN })).toThrow(/options\.priority/);
    expect(() => mixer.addLayer(source, { mode: 'multiply' as 'additive' })).toThrow(/'override' or 'additive'/);
    expect(() => mixer.addLayer(source, { mask: ['jawOpn' as 'jawOpen'] })).toThrow(/did you mean "jawOpen"/);
    const layer = mixer.addLayer(source);
    expect(() => { layer.weight = Number.NaN; }).toThrow(/MixerLayer\.weight/);
    expect(() => layer.fadeTo(0.5, Number.POSITIVE_INFINITY)).toThrow(/durationMs/);
    expect(() => mixer.sample(Number.NaN, new FaceControls())).toThrow(/MotionMixer\.sample: timeMs/);
  });
});

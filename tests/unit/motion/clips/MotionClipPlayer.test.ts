import { describe, expect, it } from 'vitest';
import { Blendshape } from '../../../../plugin/core/arkitBlendshapes';
import { FaceControls } from '../../../../plugin/core/FaceControls';
import { MotionClip } from '../../../../plugin/motion/clips/MotionClip';
import { MotionClipPlayer } from '../../../../plugin/motion/clips/MotionClipPlayer';

const YAW = 0;
const JAW = 6 + Blendshape.jawOpen;
/** Float32 storage and float64 time arithmetic. */
const CLOSE = 6;

/** 10 Hz, 5 frames: jawOpen 0, 0.1, 0.2, 0.3, 0.4 and yaw 0.0, −0.1 … −0.4; lasts 400 ms, loops every 500 ms. */
function rampClip(): MotionClip {
  const data = new Float32Array(10);
  for (let f = 0; f < 5; f++) {
    data[f * 2] = -f / 10;
    data[f * 2 + 1] = f / 10;
  }
  return new MotionClip({ frameRate: 10, channels: [YAW, JAW], data });
}

function jawAt(player: MotionClipPlayer, timeMs: number, out = new FaceControls()): number {
  player.sample(timeMs, out);
  return out.weights[Blendshape.jawOpen];
}

describe('MotionClipPlayer', () => {
  it('drives only the clip\'s channels, and only while playing or paused', () => {
    const player = new MotionClipPlayer(rampClip());
    const driven = () => Array.from(player.channels.entries()).filter(([, w]) => w !== 0).map(([i, w]) => [i, w]);
    expect(driven()).toEqual([]);
    player.play();
    expect(driven()).toEqual([[YAW, 1], [JAW, 1]]);
    player.pause();
    expect(driven()).toEqual([[YAW, 1], [JAW, 1]]);
    player.stop();
    expect(driven()).toEqual([]);
  });

  it('leaves the controls alone while stopped', () => {
    const out = new FaceControls().set('jawOpen', 0.9).set('eyeBlinkLeft', 0.3);
    new MotionClipPlayer(rampClip()).sample(100, out);
    expect(out.get('jawOpen')).toBeCloseTo(0.9, CLOSE);
    const player = new MotionClipPlayer(rampClip(), { autoPlay: true });
    player.sample(0, out);
    expect(out.get('eyeBlinkLeft')).toBeCloseTo(0.3, CLOSE);
  });

  it('plays on the host clock from the first sample after play(), interpolating between frames', () => {
    const player = new MotionClipPlayer(rampClip());
    const out = new FaceControls();
    player.sample(1000, out);
    player.play();
    expect(jawAt(player, 5000, out)).toBeCloseTo(0, CLOSE);
    expect(jawAt(player, 5100, out)).toBeCloseTo(0.1, CLOSE);
    expect(jawAt(player, 5125, out)).toBeCloseTo(0.125, CLOSE);
    expect(out.yaw).toBeCloseTo(-0.125, CLOSE);
    expect(player.currentTimeMs).toBeCloseTo(125, 9);
  });

  it.each([[0.5, 0.05], [2, 0.2], [1, 0.1]])('at speed %f covers clip time accordingly', (speed, expected) => {
    const player = new MotionClipPlayer(rampClip(), { speed, autoPlay: true });
    player.sample(0, new FaceControls());
    expect(jawAt(player, 100)).toBeCloseTo(expected, CLOSE);
  });

  it('follows a speed change from the next sample on', () => {
    const player = new MotionClipPlayer(rampClip(), { autoPlay: true });
    jawAt(player, 0);
    jawAt(player, 100);
    player.speed = 0.5;
    expect(jawAt(player, 200)).toBeCloseTo(0.15, CLOSE);
    expect(() => { player.speed = -1; }).toThrow(/speed must be a finite number ≥ 0, got -1/);
  });

  it('ends once: writes the last frame, stops, fires onEnded a single time and can play again', () => {
    const player = new MotionClipPlayer(rampClip(), { autoPlay: true });
    let ended = 0;
    player.onEnded.add((source) => {
      expect(source).toBe(player);
      ended++;
    });
    jawAt(player, 0);
    expect(jawAt(player, 390)).toBeCloseTo(0.39, CLOSE);
    expect(ended).toBe(0);
    expect(jawAt(player, 450)).toBeCloseTo(0.4, CLOSE);
    expect(ended).toBe(1);
    expect(player.state).toBe('stopped');
    expect(player.channels[JAW]).toBe(0);
    for (let t = 500; t < 2000; t += 16) player.sample(t, new FaceControls());
    expect(ended).toBe(1);
    player.play();
    expect(jawAt(player, 3000)).toBeCloseTo(0, CLOSE);
    jawAt(player, 3400);
    expect(ended).toBe(2);
  });

  it('loops without ending, easing from the last frame back to the first', () => {
    const player = new MotionClipPlayer(rampClip(), { loop: true, autoPlay: true });
    let ended = 0;
    player.onEnded.add(() => ended++);
    jawAt(player, 0);
    expect(jawAt(player, 450)).toBeCloseTo(0.2, CLOSE); // halfway from 0.4 back to 0
    expect(jawAt(player, 500)).toBeCloseTo(0, CLOSE);
    expect(jawAt(player, 5730)).toBeCloseTo(0.23, CLOSE); // 11 loops and 230 ms
    expect(ended).toBe(0);
    expect(player.state).toBe('playing');
  });

  it('holds its pose while paused and does not count paused time', () => {
    const player = new MotionClipPlayer(rampClip(), { autoPlay: true });
    jawAt(player, 0);
    jawAt(player, 100);
    player.pause();
    expect(jawAt(player, 900)).toBeCloseTo(0.1, CLOSE);
    player.play();
    expect(jawAt(player, 1000)).toBeCloseTo(0.1, CLOSE);
    expect(jawAt(player, 1150)).toBeCloseTo(0.25, CLOSE);
  });

  it('seeks within the clip, clamping or wrapping, and rewinds on stop', () => {
    const player = new MotionClipPlayer(rampClip());
    player.seek(250);
    player.play();
    expect(jawAt(player, 0)).toBeCloseTo(0.25, CLOSE);
    player.seek(10_000);
    expect(player.currentTimeMs).toBe(400);
    player.seek(-5);
    expect(player.currentTimeMs).toBe(0);
    player.loop = true;
    player.seek(1_230);
    expect(player.currentTimeMs).toBeCloseTo(230, 9);
    player.stop();
    expect(player.currentTimeMs).toBe(0);
    expect(() => player.seek(NaN)).toThrow(/MotionClipPlayer\.seek: timeMs must be a finite number/);
  });

  it('lets an ended callback restart the clip', () => {
    const player = new MotionClipPlayer(rampClip(), { autoPlay: true });
    player.onEnded.add(() => player.play());
    jawAt(player, 0);
    jawAt(player, 400);
    expect(player.state).toBe('playing');
    expect(jawAt(player, 500)).toBeCloseTo(0, CLOSE);
    expect(jawAt(player, 600)).toBeCloseTo(0.1, CLOSE);
  });

  it('refuses misuse with errors that name the problem', () => {
    const player = new MotionClipPlayer(rampClip(), { autoPlay: true });
    jawAt(player, 100);
    expect(() => jawAt(player, 50)).toThrow(/50 is before the previous sample at 100/);
    expect(() => jawAt(player, Infinity)).toThrow(RangeError);
    expect(() => new MotionClipPlayer({} as never)).toThrow(/expected a MotionClip/);
  });

  it('holds a one-frame clip when looping and ends at once when not', () => {
    const pose = new MotionClip({ frameRate: 30, channels: [JAW], data: Float32Array.of(0.7) });
    const looping = new MotionClipPlayer(pose, { loop: true, autoPlay: true });
    expect(jawAt(looping, 0)).toBeCloseTo(0.7, CLOSE);
    expect(jawAt(looping, 10_000)).toBeCloseTo(0.7, CLOSE);
    const once = new MotionClipPlayer(pose, { autoPlay: true });
    let ended = 0;
    once.onEnded.add(() => ended++);
    expect(jawAt(once, 0)).toBeCloseTo(0.7, CLOSE);
    expect(ended).toBe(1);
  });
});

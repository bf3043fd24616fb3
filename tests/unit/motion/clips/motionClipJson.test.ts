import { describe, expect, it } from 'vitest';
import { ClipFormatError } from '../../../../plugin/core/errors';
import { HEAD_ROTATION_LIMITS } from '../../../../plugin/core/FaceControls';
import { SeededRandom } from '../../../../plugin/core/SeededRandom';
import { MOTION_CHANNEL_NAMES } from '../../../../plugin/motion/motionChannels';
import { MotionClip } from '../../../../plugin/motion/clips/MotionClip';
import { motionClipFromJSON } from '../../../../plugin/motion/clips/motionClipFromJSON';
import { motionClipToJSON, type MotionClipJSON } from '../../../../plugin/motion/clips/motionClipToJSON';
import { makeClip, outcome, thrown, TYPICAL_CHANNELS } from './clipFixtures';

/**
 * JSON keeps 6 decimals: half a millionth by rounding, up to a millionth where a value at a channel's
 * limit is rounded toward zero instead, plus float32 storage.
 */
const JSON_TOLERANCE = 1e-6 + 1e-7;
/** Random mutations of a valid document tried by each fuzz test. */
const MUTATIONS = 3000;

function validJSON(): MotionClipJSON {
  // Channels yaw, pitch, jawOpen, mouthSmileRight; 5 frames.
  return motionClipToJSON(makeClip(21, [0, 1, 23, 30], 5, 30, 'smile'));
}

function fromJSONError(json: unknown): string {
  const error = thrown(() => motionClipFromJSON(json));
  expect(error).toBeInstanceOf(ClipFormatError);
  return (error as Error).message;
}

/** A deep copy with `edit` applied. */
function edited(edit: (json: Record<string, any>) => void): unknown {
  const json = structuredClone(validJSON()) as Record<string, any>;
  edit(json);
  return json;
}

describe('motion clip JSON', () => {
  it('names channels and round-trips through JSON text within a millionth', () => {
    const clip = makeClip(20, TYPICAL_CHANNELS, 45, 30, 'speech');
    const json = motionClipToJSON(clip);
    expect(Object.keys(json.tracks)).toEqual(TYPICAL_CHANNELS.map((c) => MOTION_CHANNEL_NAMES[c]));
    expect(json.tracks.yaw).toHaveLength(45);
    const back = motionClipFromJSON(JSON.stringify(json));
    expect(back.name).toBe('speech');
    expect(back.source).toBe('test fixture');
    expect(back.frameRate).toBe(30);
    expect(Array.from(back.channelIndices)).toEqual(TYPICAL_CHANNELS);
    let worst = 0;
    for (let i = 0; i < clip.data.length; i++) worst = Math.max(worst, Math.abs(back.data[i] - clip.data[i]));
    expect(worst).toBeLessThan(JSON_TOLERANCE);
    expect(motionClipToJSON(back)).toEqual(json);
  });

  it('keeps values at the very edge of a channel readable (rounding never steps past a limit)', () => {
    const data = Float32Array.of(HEAD_ROTATION_LIMITS.pitch, 1, -HEAD_ROTATION_LIMITS.pitch, 0);
    const clip = new MotionClip({ frameRate: 30, channels: [1, 20], data });
    const json = motionClipToJSON(clip);
    expect(Math.abs(json.tracks.pitch![0])).toBeLessThanOrEqual(HEAD_ROTATION_LIMITS.pitch);
    expect(motionClipFromJSON(JSON.parse(JSON.stringify(json))).data[0]).toBeCloseTo(HEAD_ROTATION_LIMITS.pitch, 5);
  });

  it.each<[string, unknown, RegExp]>([
    ['text that is not JSON', '{"format": ', /not JSON/],
    ['a number', 42, /must be an object/],
    ['null', null, /got null/],
    ['an array', [validJSON()], /got an array/],
    ['a missing format', edited((j) => delete j.format), /"format" is missing/],
    ['a foreign format', edited((j) => { j.format = 'gltf'; }), /format is "gltf"/],
    ['version 2', edited((j) => { j.version = 2; }), /version is 2; this plugin reads version 1/],
    ['version "1"', edited((j) => { j.version = '1'; }), /version is "1"/],
    ['a missing frame rate', edited((j) => delete j.frameRate), /"frameRate" is missing/],
    ['a frame rate as a string', edited((j) => { j.frameRate = '30'; }), /frame rate must be a number, got string/],
    ['a missing frame count', edited((j) => delete j.frameCount), /"frameCount" is missing/],
    ['a huge frame count with small tracks', edited((j) => { j.frameCount = 1e9; }), /frame count 1000000000/],
    ['a frame count that disagrees with the tracks', edited((j) => { j.frameCount = 6; }), /has 5 values, but frameCount is 6/],
    ['missing tracks', edited((j) => delete j.tracks), /"tracks" is missing/],
    ['tracks as an array', edited((j) => { j.tracks = [[0]]; }), /tracks must be an object/],
    ['empty tracks', edited((j) => { j.tracks = {}; }), /drives no channel/],
    ['an unknown channel', edited((j) => { j.tracks.jawOpn = [0, 0, 0, 0, 0]; }), /unknown channel "jawOpn".*did you mean "jawOpen"/],
    ['a "__proto__" channel', JSON.stringify(validJSON()).replace('"tracks":{', '"tracks":{"__proto__":[1],'), /unknown channel "__proto__"/],
    ['an unknown field', edited((j) => { j.frameRat = 30; }), /unknown field "frameRat"; did you mean "frameRate"/],
    ['a "NaN" string value', edited((j) => { j.tracks.yaw[2] = 'NaN'; }), /tracks\.yaw\[2\] must be a number, got the string "NaN"/],
    ['a null value (JSON\'s NaN)', edited((j) => { j.tracks.mouthSmileRight[0] = null; }), /mouthSmileRight\[0\] must be a number, got null/],
    ['a NaN number', edited((j) => { j.tracks.pitch[1] = NaN; }), /frame 1, channel pitch: NaN/],
    ['Infinity', edited((j) => { j.tracks.pitch[1] = Infinity; }), /channel pitch: Infinity/],
    ['a weight above 1', edited((j) => { j.tracks.jawOpen[4] = 1.5; }), /frame 4, channel jawOpen: 1\.5 is outside 0\.\.1/],
    ['a yaw beyond its limit', edited((j) => { j.tracks.yaw[0] = 2; }), /channel yaw: 2 is outside/],
    ['a track that is a string', edited((j) => { j.tracks.yaw = '0,0,0,0,0'; }), /tracks\.yaw must be an array/],
    ['a name that is a number', edited((j) => { j.name = 7; }), /name must be a string, got number/],
    ['a null source', edited((j) => { j.source = null; }), /source description must be a string, got null/],
  ])('refuses %s with a ClipFormatError saying what', (_, json, message) => {
    expect(fromJSONError(json)).toMatch(message);
  });

  it('turns thousands of hostile edits into a clip or a ClipFormatError, never another error', () => {
    const random = new SeededRandom(99);
    const hostile: unknown[] = [null, 'NaN', '', 'x', -1, 1e308, 0.5, 2, true, [], {}, [1, 2], { a: 1 }, Number.NaN, -0, 123456789];
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random.next() * items.length)];
    let refused = 0;
    for (let m = 0; m < MUTATIONS; m++) {
      const json = structuredClone(validJSON()) as Record<string, any>;
      const edits = 1 + Math.floor(random.next() * 3);
      for (let e = 0; e < edits; e++) {
        const trackNames = Object.keys(json.tracks ?? {});
        const where = random.next();
        if (where < 0.3) json[pick(Object.keys(json).concat(['extra']))] = pick(hostile);
        else if (where < 0.4) delete json[pick(Object.keys(json))];
        else if (typeof json.tracks === 'object' && json.tracks !== null && trackNames.length > 0 && where < 0.8) {
          const track = json.tracks[pick(trackNames)];
          if (Array.isArray(track)) track[Math.floor(random.next() * (track.length + 1))] = pick(hostile);
          else json.tracks[pick(trackNames)] = pick(hostile);
        } else if (typeof json.tracks === 'object' && json.tracks !== null) {
          json.tracks[pick([...MOTION_CHANNEL_NAMES, 'jaw', 'constructor', 'toString'])] = pick(hostile);
        }
      }
      if (outcome(() => motionClipFromJSON(json)) === 'clip-error') refused++;
    }
    // Most edits break the clip; some (a weight set to 0.5, a track replaced by [1, 2]...) may not all be refusable.
    expect(refused).toBeGreaterThan(MUTATIONS * 0.8);
  });

  it('turns thousands of random text edits into a clip or a ClipFormatError, never another error', () => {
    const text = JSON.stringify(validJSON());
    const alphabet = '{}[]":,.-+eE0123456789 NaulltruefsIy\\';
    const random = new SeededRandom(7);
    let refused = 0;
    for (let m = 0; m < MUTATIONS; m++) {
      const chars = text.split('');
      const edits = 1 + Math.floor(random.next() * 4);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(random.next() * chars.length);
        const kind = random.next();
        if (kind < 0.4) chars[at] = alphabet[Math.floor(random.next() * alphabet.length)];
        else if (kind < 0.7) chars.splice(at, 1);
        else chars.splice(at, 0, alphabet[Math.floor(random.next() * alphabet.length)]);
      }
      if (outcome(() => motionClipFromJSON(chars.join(''))) === 'clip-error') refused++;
    }
    expect(refused).toBeGreaterThan(MUTATIONS * 0.5);
  });
});

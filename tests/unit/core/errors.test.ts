import { describe, expect, it } from 'vitest';
import {
  CameraError,
  ClipFormatError,
  GpuDeviceLostError,
  ModelLoadError,
  MotionCodecError,
  NoFaceError,
  RigFormatError,
  TalkingPortraitError,
  UnsupportedEngineError,
  type CameraErrorReason,
} from '../../../plugin/core/errors';

const cause = new Error('underlying');
const cases: Array<[string, TalkingPortraitError]> = [
  ['TalkingPortraitError', new TalkingPortraitError('base', { cause })],
  ['NoFaceError', new NoFaceError('hero.png (512×512)', { cause })],
  ['ModelLoadError', new ModelLoadError('HTTP 404', { source: 'models/face.task', cause })],
  ['RigFormatError', new RigFormatError('version 9 is newer than 1', { cause })],
  ['ClipFormatError', new ClipFormatError('frame 3 is truncated', { cause })],
  ['MotionCodecError', new MotionCodecError('unknown frame type 7', { cause })],
  ['CameraError', new CameraError('denied', { cause })],
  ['GpuDeviceLostError', new GpuDeviceLostError('the driver was reset', { cause })],
  ['UnsupportedEngineError', new UnsupportedEngineError('no WebGL2 or WebGPU', { cause })],
];

describe('errors', () => {
  it.each(cases)('%s has its name, its chain and its cause', (name, error) => {
    expect(error.name).toBe(name);
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(TalkingPortraitError);
    expect(error.cause).toBe(cause);
    expect(error.message.length).toBeGreaterThan(0);
    expect(String(error)).toMatch(new RegExp(`^${name}: `));
  });

  it('keeps the classes apart', () => {
    expect(new NoFaceError('x')).not.toBeInstanceOf(ModelLoadError);
    expect(new RigFormatError('x')).not.toBeInstanceOf(ClipFormatError);
  });

  it('carries what went wrong and what to do', () => {
    const noFace = new NoFaceError('hero.png (512×512)');
    expect(noFace.image).toBe('hero.png (512×512)');
    expect(noFace.message).toContain('hero.png (512×512)');
    const model = new ModelLoadError('HTTP 404', { source: 'models/face.task' });
    expect(model.source).toBe('models/face.task');
    expect(model.message).toMatch(/^HTTP 404\. Check that models\/face\.task/);
    expect(new RigFormatError('bad magic.').message).toMatch(/bad magic\. Rebake/);
  });

  it('gives each camera reason its own message', () => {
    const reasons: CameraErrorReason[] = ['denied', 'not-found', 'unplugged', 'unsupported', 'unknown'];
    const errors = reasons.map((reason) => new CameraError(reason));
    errors.forEach((error, i) => expect(error.reason).toBe(reasons[i]));
    expect(new Set(errors.map((e) => e.message)).size).toBe(reasons.length);
    expect(errors[0].message).toMatch(/denied/);
  });
});

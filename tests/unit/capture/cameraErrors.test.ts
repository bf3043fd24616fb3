import { describe, expect, it } from 'vitest';
import { cameraErrorFrom } from '../../../plugin/capture/cameraErrors';
import { CameraError, TalkingPortraitError } from '../../../plugin/core/errors';

describe('cameraErrorFrom', () => {
  it.each([
    ['NotAllowedError', 'denied'],
    ['SecurityError', 'denied'],
    ['NotFoundError', 'not-found'],
    ['OverconstrainedError', 'not-found'],
    ['NotReadableError', 'unknown'],
    ['SomethingNew', 'unknown'],
  ])('turns a %s into reason %s, keeping the cause', (name, reason) => {
    const original = new DOMException('from the browser', name);
    const error = cameraErrorFrom(original);
    expect(error).toBeInstanceOf(CameraError);
    expect(error).toBeInstanceOf(TalkingPortraitError);
    expect(error.reason).toBe(reason);
    expect(error.cause).toBe(original);
    expect(error.message.length).toBeGreaterThan(20);
  });

  it('passes a CameraError through and reads anything else as unknown', () => {
    const already = new CameraError('unplugged');
    expect(cameraErrorFrom(already)).toBe(already);
    expect(cameraErrorFrom('a string').reason).toBe('unknown');
    expect(cameraErrorFrom(null).reason).toBe('unknown');
  });
});

// What a failed getUserMedia means for the player: the browser's DOMException names as CameraError reasons.
import { CameraError, type CameraErrorReason } from '../core/errors';

/** getUserMedia's rejections by DOMException name (Media Capture and Streams, §9.2). */
const REASON_BY_NAME: Readonly<Record<string, CameraErrorReason>> = {
  NotAllowedError: 'denied',
  SecurityError: 'denied',
  PermissionDeniedError: 'denied',
  NotFoundError: 'not-found',
  DevicesNotFoundError: 'not-found',
  OverconstrainedError: 'not-found',
  NotReadableError: 'unknown',
  AbortError: 'unknown',
};

/** The CameraError for a getUserMedia rejection, keeping the original as its cause. */
export function cameraErrorFrom(error: unknown): CameraError {
  if (error instanceof CameraError) return error;
  const name = error instanceof Error || isNamed(error) ? (error as { name: string }).name : '';
  return new CameraError(REASON_BY_NAME[name] ?? 'unknown', { cause: error });
}

function isNamed(value: unknown): value is { name: string } {
  return typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'string';
}

import { TalkingPortraitError } from './TalkingPortraitError';

export type CameraErrorReason = 'denied' | 'not-found' | 'unplugged' | 'unsupported' | 'unknown';

const CAMERA_MESSAGES: { readonly [R in CameraErrorReason]: string } = {
  denied: 'Camera access was denied. Ask the player to allow the camera for this page, then start it again.',
  'not-found': 'No camera was found. Connect a camera and start it again, or drive the portrait without one.',
  unplugged: 'The camera stopped delivering video (unplugged or taken by another program). Reconnect it and start it again.',
  unsupported: 'This browser cannot give camera video here: it needs getUserMedia and a secure (https or localhost) page.',
  unknown: 'The camera could not be started. Check that no other program is using it, then start it again.',
};

/** The webcam could not be opened or stopped working. */
export class CameraError extends TalkingPortraitError {
  override name = 'CameraError';
  readonly reason: CameraErrorReason;

  constructor(reason: CameraErrorReason, options?: ErrorOptions) {
    super(CAMERA_MESSAGES[reason] ?? CAMERA_MESSAGES.unknown, options);
    this.reason = reason;
  }
}

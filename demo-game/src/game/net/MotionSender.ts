// Sends the local player's face to the room at a steady rate, whatever the frame rate: encoded into one reused buffer.
import { MOTION_FRAME_BYTES, encodeMotionFrameInto, type FaceControls, type MotionTransport } from '../../../../plugin/index';

/** Frames sent per second: the rate the relay and the jitter buffers are tuned for (server/README.md). */
export const SEND_RATE_HZ = 30;
const SEND_INTERVAL_MS = 1000 / SEND_RATE_HZ;
/** After a stall, resume at the current time instead of sending the frames missed in a burst the relay would drop. */
const MAX_BEHIND_MS = 4 * SEND_INTERVAL_MS;

/** Encodes and sends at SEND_RATE_HZ; call update every frame. Allocates nothing per frame. */
export class MotionSender {
  private readonly _frame = new Uint8Array(MOTION_FRAME_BYTES);
  private _sequence = 0;
  private _nextMs = Number.NaN;
  private _startMs = 0;

  /** `isOpen` says whether the socket under the transport can take a message now. */
  constructor(private readonly _transport: MotionTransport, private readonly _isOpen: () => boolean) {}

  /** Frames sent so far. */
  get framesSent(): number {
    return this._sequence;
  }

  /** Sends `face` when a frame is due at `timeMs` (the game's clock); stamps it with the time since the first frame. */
  update(timeMs: number, face: FaceControls): void {
    if (Number.isNaN(this._nextMs)) {
      this._startMs = timeMs;
      this._nextMs = timeMs;
    }
    if (timeMs < this._nextMs || !this._isOpen()) return;
    encodeMotionFrameInto(face, this._sequence, timeMs - this._startMs, this._frame);
    if (this._transport.sendFrame(this._frame)) this._sequence++;
    this._nextMs = Math.max(this._nextMs + SEND_INTERVAL_MS, timeMs - MAX_BEHIND_MS);
  }
}

// A stand-in for a joined colyseus.js Room: records what is sent and delivers messages as the relay server would.
import type { ColyseusRoomLike } from '../../../plugin/net/colyseusRoomLike';
import { RelayMessage } from '../../../plugin/net/relayProtocol';

/** One message the transport sent. */
export interface SentMessage {
  type: number;
  /** A copy of the bytes for sendBytes; the message for send. */
  payload: unknown;
  bytes: boolean;
}

/** Implements the members ColyseusMotionTransport uses, with the same subscribe/unsubscribe shapes as colyseus.js 0.16. */
export class FakeColyseusRoom implements ColyseusRoomLike {
  readonly sessionId = 'fake-session';
  readonly sent: SentMessage[] = [];
  leaveCalls = 0;
  private readonly handlers = new Map<number, Set<(message: unknown) => void>>();
  private readonly leaveCallbacks = new Set<(code: number, reason?: string) => void>();

  readonly onLeave = Object.assign(
    (callback: (code: number, reason?: string) => void) => { this.leaveCallbacks.add(callback); },
    { remove: (callback: (code: number, reason?: string) => void) => { this.leaveCallbacks.delete(callback); } },
  );

  onMessage(type: number, callback: (message: unknown) => void): () => void {
    const set = this.handlers.get(type) ?? new Set();
    set.add(callback);
    this.handlers.set(type, set);
    return () => set.delete(callback);
  }

  send(type: number, message?: unknown): void {
    this.sent.push({ type, payload: message, bytes: false });
  }

  sendBytes(type: number, bytes: Uint8Array): void {
    this.sent.push({ type, payload: bytes.slice(), bytes: true });
  }

  leave(): Promise<number> {
    this.leaveCalls++;
    return Promise.resolve(1000);
  }

  /** Listeners now registered for `type`. */
  listenerCount(type: number): number {
    return this.handlers.get(type)?.size ?? 0;
  }

  /** Delivers a message from the server to the listeners of `type`. */
  deliver(type: number, message: unknown): void {
    for (const handler of this.handlers.get(type) ?? []) handler(message);
  }

  /** Delivers a relayed frame: [sender id][frame]. */
  deliverFrame(playerId: number, frame: Uint8Array): void {
    const message = new Uint8Array(1 + frame.length);
    message[0] = playerId;
    message.set(frame, 1);
    this.deliver(RelayMessage.motionFrame, message);
  }

  /** Ends the connection with `code`. */
  close(code: number, reason?: string): void {
    for (const callback of [...this.leaveCallbacks]) callback(code, reason);
  }
}

// What a relay room keeps per connected client: its id, allowance, relay buffer and portrait.
import type { Client } from '@colyseus/core';
import { MOTION_FRAME_BYTES } from '../plugin/net/motionFrameLayout';
import { RELAY_SENDER_BYTES } from '../plugin/net/relayProtocol';
import type { ClientAllowance } from './ClientAllowance';

/** One client of a MotionRelayRoom. */
export class RelayPlayer {
  /** [this player's id][frame]: each relayed frame is copied in here, so relaying allocates only Colyseus's message. */
  readonly relayFrame = new Uint8Array(RELAY_SENDER_BYTES + MOTION_FRAME_BYTES);
  /** The client said hello: it listens, is announced to the others and receives their frames. */
  ready = false;
  /** Whether the latest message from the socket was within the rate limits; handlers drop it when not. */
  admitted = true;
  /** Removed for breaking the limits; everything it still sends is ignored until it is gone. */
  removed = false;
  /** The encoded relay message of an accepted portrait image, kept for players who arrive later. */
  portraitMessage: Uint8Array | undefined = undefined;
  /** An accepted portrait choice from the game's set. */
  portraitChoice: string | undefined = undefined;

  constructor(readonly client: Client, readonly id: number, readonly allowance: ClientAllowance) {
    this.relayFrame[0] = id;
  }

  /** True once an image or a choice was accepted. */
  get hasPortrait(): boolean {
    return this.portraitMessage !== undefined || this.portraitChoice !== undefined;
  }
}

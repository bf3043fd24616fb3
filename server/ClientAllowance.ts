// One client's allowance in a relay room: messages and bytes per second, and offences tolerated before removal.
import { TokenBucket } from './TokenBucket';
import type { RelayRateLimits } from './relayRoomSettings';

/** Three token buckets: every message spends one message token and its length in byte tokens; every offence one offence token. */
export class ClientAllowance {
  private readonly messages: TokenBucket;
  private readonly bytes: TokenBucket;
  private readonly offences: TokenBucket;

  constructor(limits: Required<RelayRateLimits>, nowMs: number) {
    this.messages = new TokenBucket(limits.messagesPerSecond, limits.messageBurst, nowMs);
    this.bytes = new TokenBucket(limits.bytesPerSecond, limits.byteBurst, nowMs);
    this.offences = new TokenBucket(limits.offencesForgivenPerSecond, limits.offenceBurst, nowMs);
  }

  /** True when a message of `byteLength` bytes is within the rate limits (and is counted against them). */
  admit(byteLength: number, nowMs: number): boolean {
    if (!this.messages.take(1, nowMs)) return false;
    return this.bytes.take(byteLength, nowMs);
  }

  /** Counts one offence; false once the client has used up its tolerance and must be removed. */
  offend(nowMs: number): boolean {
    return this.offences.take(1, nowMs);
  }
}

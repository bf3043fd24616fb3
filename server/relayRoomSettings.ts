// The options of a motion relay room, their defaults, and the check that resolves them once per server.
import { resolvePortraitImageLimits, PORTRAIT_ID_PATTERN, type PortraitImageLimits } from '../plugin/net/portraitImageLimits';
import { MAX_RELAY_PLAYER_ID } from '../plugin/net/relayProtocol';

/** Per-client limits of a relay room; every field optional. */
export interface RelayRateLimits {
  /** Sustained messages per second from one client. Default 60: twice a 30 frames/s capture rate. */
  messagesPerSecond?: number;
  /** Messages one client may send at once above the rate. Default 90: three seconds of 30 frames/s, for a stalled tab catching up. */
  messageBurst?: number;
  /** Sustained bytes per second from one client. Default 8192: four times a 30 frames/s stream (about 2 KB/s). */
  bytesPerSecond?: number;
  /** Bytes one client may send at once above the rate. Default: the portrait byte limit plus 16 KiB, so one portrait fits. */
  byteBurst?: number;
  /** Offences (malformed, oversized, over the rate, out of turn) one client may commit before it is removed. Default 20. */
  offenceBurst?: number;
  /** Offences forgiven per second. Default 1: an occasional glitch never adds up to removal. */
  offencesForgivenPerSecond?: number;
}

/** Options of a motion relay room; every field optional. */
export interface MotionRelayRoomOptions {
  /** Players in one room, 1 to 256 (ids are one byte). Default 16. */
  maxPlayers?: number;
  /** Ids of the game's own portraits a player may choose instead of sending an image. Default: none. */
  portraitIds?: readonly string[];
  /** Limits of a sent portrait image. Default DEFAULT_PORTRAIT_IMAGE_LIMITS. */
  portraitLimits?: PortraitImageLimits;
  /** Per-client rate limits. */
  limits?: RelayRateLimits;
  /** Where the room reports removals and errors, one line each. Default: console.log with a "[motion-relay]" prefix. */
  log?: (line: string) => void;
}

/** Every option of a room, resolved. */
export interface ResolvedRelayRoomSettings {
  maxPlayers: number;
  portraitIds: ReadonlySet<string>;
  portraitLimits: Required<PortraitImageLimits>;
  limits: Required<RelayRateLimits>;
  log: (line: string) => void;
}

/** Default players per room. */
const DEFAULT_MAX_PLAYERS = 16;
/** Byte burst above the portrait limit: the hello, a few frames and the WebSocket framing around the portrait. */
const BYTE_BURST_SLACK = 16 * 1024;

/** Fills in defaults; throws RangeError naming the option for a value out of range. */
export function resolveRelayRoomSettings(options: MotionRelayRoomOptions = {}): ResolvedRelayRoomSettings {
  const maxPlayers = options.maxPlayers ?? DEFAULT_MAX_PLAYERS;
  if (!(Number.isInteger(maxPlayers) && maxPlayers >= 1 && maxPlayers <= MAX_RELAY_PLAYER_ID + 1)) {
    throw new RangeError(`MotionRelayRoom: maxPlayers must be an integer from 1 to ${MAX_RELAY_PLAYER_ID + 1}, got ${maxPlayers}.`);
  }
  const portraitIds = new Set(options.portraitIds ?? []);
  for (const id of portraitIds) {
    if (typeof id !== 'string' || !PORTRAIT_ID_PATTERN.test(id)) throw new RangeError(`MotionRelayRoom: portrait id ${JSON.stringify(id)} does not match ${PORTRAIT_ID_PATTERN}.`);
  }
  const portraitLimits = resolvePortraitImageLimits(options.portraitLimits);
  const limits: Required<RelayRateLimits> = {
    messagesPerSecond: 60,
    messageBurst: 90,
    bytesPerSecond: 8192,
    byteBurst: portraitLimits.maxBytes + BYTE_BURST_SLACK,
    offenceBurst: 20,
    offencesForgivenPerSecond: 1,
  };
  for (const key of Object.keys(limits) as Array<keyof RelayRateLimits>) {
    const value = options.limits?.[key];
    if (value === undefined) continue;
    if (!(Number.isFinite(value) && value > 0)) throw new RangeError(`MotionRelayRoom: limits.${key} must be a finite number above 0, got ${value}.`);
    limits[key] = value;
  }
  const log = options.log ?? ((line: string) => console.log(`[motion-relay] ${line}`));
  if (typeof log !== 'function') throw new TypeError(`MotionRelayRoom: log must be a function taking one line, got ${typeof log}.`);
  return { maxPlayers, portraitIds, portraitLimits, limits, log };
}

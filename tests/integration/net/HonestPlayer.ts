// One well-behaved player of the relay test: plays its clip through ColyseusMotionTransport and checks every frame it receives.
import type { Client, Room } from 'colyseus.js';
import { FaceControls } from '../../../plugin/core/FaceControls';
import type { MotionClip } from '../../../plugin/motion/clips/MotionClip';
import { sampleMotionClip } from '../../../plugin/motion/clips/sampleMotionClip';
import { ColyseusMotionTransport } from '../../../plugin/net/ColyseusMotionTransport';
import { encodeMotionFrameInto } from '../../../plugin/net/encodeMotionFrame';
import { MOTION_FRAME_BYTES, MotionFrameOffset } from '../../../plugin/net/motionFrameLayout';
import type { PortraitChoice, RemoteMotionFrame } from '../../../plugin/net/MotionTransport';
import { RemotePlayers } from '../../../plugin/net/RemotePlayers';
import { readUint32BE } from '../../../plugin/net/byteFields';

/** Every this many frames, a received frame is compared byte for byte with the sender's clip re-encoded. */
const CONTENT_CHECK_EVERY = 15;

/** What one player received from one stay of another player in the room. */
export interface SenderRecord {
  playerId: number;
  frames: number;
  /** Frames whose sequence was not the previous one plus one. */
  gaps: number;
  contentChecks: number;
  contentMismatches: number;
  lastSequence: number;
}

/** Looks up the clip a player id plays, to check received frames against it (undefined for hostile senders). */
export type ClipOf = (playerId: number) => MotionClip | undefined;

/** A player that joined the room, sends its portrait and streams its clip at the clip's frame rate. */
export class HonestPlayer {
  readonly transport: ColyseusMotionTransport;
  readonly remote: RemotePlayers;
  /** Per sender currently present, by player id. */
  readonly current = new Map<number, SenderRecord>();
  /** Senders that have left. */
  readonly departed: SenderRecord[] = [];
  refusals: string[] = [];
  framesSent = 0;
  private readonly frame = new Uint8Array(MOTION_FRAME_BYTES);
  private readonly expected = new Uint8Array(MOTION_FRAME_BYTES);
  private readonly controls = new FaceControls();
  private readonly sampled = new FaceControls();

  constructor(readonly room: Room, readonly clip: MotionClip, private readonly clipOf: ClipOf, now: () => number) {
    this.transport = new ColyseusMotionTransport(room);
    this.remote = new RemotePlayers(this.transport, { now });
    this.transport.onPlayerJoined.add(({ playerId }) => {
      this.current.set(playerId, { playerId, frames: 0, gaps: 0, contentChecks: 0, contentMismatches: 0, lastSequence: -1 });
    });
    this.transport.onPlayerLeft.add(({ playerId }) => {
      const record = this.current.get(playerId);
      if (record !== undefined) this.departed.push(record);
      this.current.delete(playerId);
    });
    this.transport.onRemoteFrame.add((frame) => this.check(frame));
    this.transport.onRefused.add((reason) => this.refusals.push(reason));
  }

  /** Joins (or creates, without a room id) the relay room and wraps it. */
  static async join(client: Client, roomName: string, roomId: string | undefined, clip: MotionClip, clipOf: ClipOf, now: () => number): Promise<HonestPlayer> {
    const room = roomId === undefined ? await client.create(roomName) : await client.joinById(roomId);
    return new HonestPlayer(room, clip, clipOf, now);
  }

  /** This player's id, once the room has welcomed it. */
  get playerId(): number { return this.transport.localPlayerId; }

  /** Sends the portrait. */
  sendPortrait(portrait: PortraitChoice): void {
    this.transport.sendPortrait(portrait);
  }

  /** Sends every clip frame due `elapsedMs` into the stream (frame k at k / frameRate s); false once the clip is done. */
  sendDue(elapsedMs: number): boolean {
    const due = Math.min(this.clip.frameCount, Math.floor((elapsedMs * this.clip.frameRate) / 1000) + 1);
    while (this.framesSent < due) {
      const timeMs = (this.framesSent * 1000) / this.clip.frameRate;
      sampleMotionClip(this.clip, timeMs, false, this.controls);
      encodeMotionFrameInto(this.controls, this.framesSent, timeMs, this.frame);
      this.transport.sendFrame(this.frame);
      this.framesSent++;
    }
    return this.framesSent < this.clip.frameCount;
  }

  /** Samples every remote player's jitter buffer, as a game would each rendered frame. */
  sampleRemotes(nowMs: number): void {
    for (const player of this.remote.values()) player.motion.sample(nowMs, this.sampled);
  }

  /** Every sender record, present and departed. */
  allRecords(): SenderRecord[] {
    return [...this.departed, ...this.current.values()];
  }

  private check(frame: RemoteMotionFrame): void {
    const record = this.current.get(frame.playerId);
    if (record === undefined) return; // counted by RemotePlayers.unknownSenderFrames
    const sequence = readUint32BE(frame.bytes, MotionFrameOffset.sequence);
    if (sequence !== record.lastSequence + 1) record.gaps++;
    record.lastSequence = sequence;
    record.frames++;
    const clip = this.clipOf(frame.playerId);
    if (clip === undefined || sequence % CONTENT_CHECK_EVERY !== 0) return;
    const timeMs = (sequence * 1000) / clip.frameRate;
    sampleMotionClip(clip, timeMs, false, this.controls);
    encodeMotionFrameInto(this.controls, sequence, timeMs, this.expected);
    record.contentChecks++;
    for (let i = 0; i < MOTION_FRAME_BYTES; i++) {
      if (frame.bytes[i] !== this.expected[i]) {
        record.contentMismatches++;
        break;
      }
    }
  }
}

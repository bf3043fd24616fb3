// ColyseusMotionTransport against a fake room: the messages it sends, the events it raises, what it drops, and its lifetime.
import { readFileSync } from 'node:fs';
import type { Room } from 'colyseus.js';
import { describe, expect, it } from 'vitest';
import { FaceControls } from '../../../plugin/core/FaceControls';
import { ColyseusMotionTransport } from '../../../plugin/net/ColyseusMotionTransport';
import type { ColyseusRoomLike } from '../../../plugin/net/colyseusRoomLike';
import { encodeMotionFrame } from '../../../plugin/net/encodeMotionFrame';
import type { RemoteMotionFrame, RemotePortrait, TransportDisconnect } from '../../../plugin/net/MotionTransport';
import { PortraitImageError } from '../../../plugin/core/errors/PortraitImageError';
import { RELAY_KICK_CLOSE_CODE, RelayMessage } from '../../../plugin/net/relayProtocol';
import { FakeColyseusRoom } from './FakeColyseusRoom';

/** Compile-time check: a colyseus.js 0.16 Room is a ColyseusRoomLike as it is. */
export const roomFits = (room: Room): ColyseusRoomLike => room;

/** A small real JPEG (1.5 KB), so comparing bytes stays fast. */
const portraitJpeg = new Uint8Array(readFileSync('tests/unit/net/fixtures/portrait-96x80.jpg'));

function frame(sequence: number, jawOpen = 0.5): Uint8Array {
  const controls = new FaceControls();
  controls.weights[24] = jawOpen;
  return encodeMotionFrame(controls, sequence, sequence * 33);
}

describe('ColyseusMotionTransport', () => {
  it('listens before it says hello, and learns its id from welcome', () => {
    const room = new FakeColyseusRoom();
    const transport = new ColyseusMotionTransport(room);
    expect(room.sent).toEqual([{ type: RelayMessage.hello, payload: undefined, bytes: false }]);
    expect(room.listenerCount(RelayMessage.motionFrame)).toBe(1);
    expect(transport.localPlayerId).toBe(-1);
    room.deliver(RelayMessage.welcome, { playerId: 3 });
    expect(transport.localPlayerId).toBe(3);
    expect(transport.isConnected).toBe(true);
  });

  it('sends frames as bytes of the motion frame type and checks their length', () => {
    const room = new FakeColyseusRoom();
    const transport = new ColyseusMotionTransport(room);
    const bytes = frame(7);
    expect(transport.sendFrame(bytes)).toBe(true);
    expect(room.sent[1]).toEqual({ type: RelayMessage.motionFrame, payload: bytes, bytes: true });
    expect(transport.framesSent).toBe(1);
    expect(() => transport.sendFrame(bytes.subarray(0, 63))).toThrow(/a frame is 64 bytes, got 63/);
    expect(() => transport.sendFrame([1, 2] as unknown as Uint8Array)).toThrow(TypeError);
  });

  it('passes remote frames on in one reused event, copied out of the message', () => {
    const room = new FakeColyseusRoom();
    const transport = new ColyseusMotionTransport(room);
    const seen: Array<{ playerId: number; bytes: Uint8Array; event: RemoteMotionFrame }> = [];
    transport.onRemoteFrame.add((event) => seen.push({ playerId: event.playerId, bytes: event.bytes.slice(), event }));
    room.deliverFrame(2, frame(1, 0.25));
    room.deliverFrame(5, frame(9, 0.75));
    expect(seen.map((s) => s.playerId)).toEqual([2, 5]);
    expect(seen[0].bytes).toEqual(frame(1, 0.25));
    expect(seen[1].bytes).toEqual(frame(9, 0.75));
    expect(seen[0].event).toBe(seen[1].event);
    expect(transport.framesReceived).toBe(2);
  });

  it('drops and counts messages that do not fit the protocol', () => {
    const room = new FakeColyseusRoom();
    const transport = new ColyseusMotionTransport(room);
    const events: unknown[] = [];
    transport.onRemoteFrame.add((e) => events.push(e));
    transport.onPlayerJoined.add((e) => events.push(e));
    transport.onRemotePortrait.add((e) => events.push(e));
    room.deliver(RelayMessage.motionFrame, frame(1)); // no sender byte: 64 instead of 65
    room.deliver(RelayMessage.motionFrame, { playerId: 1 });
    room.deliver(RelayMessage.playerJoined, { playerId: 256 });
    room.deliver(RelayMessage.playerJoined, { playerId: '1' });
    room.deliver(RelayMessage.welcome, null);
    room.deliver(RelayMessage.portraitChoice, { playerId: 1, id: 'Not An Id!' });
    room.deliver(RelayMessage.portraitImage, Uint8Array.of(1, 0x47, 0x49, 0x46)); // a GIF
    room.deliver(RelayMessage.refused, { reason: 42 });
    expect(events).toEqual([]);
    expect(transport.malformedMessages).toBe(8);
    expect(transport.localPlayerId).toBe(-1);
  });

  it('raises joins, leaves, portraits and refusals', () => {
    const room = new FakeColyseusRoom();
    const transport = new ColyseusMotionTransport(room);
    const joined: number[] = [];
    const left: number[] = [];
    const portraits: RemotePortrait[] = [];
    const refusals: string[] = [];
    transport.onPlayerJoined.add((e) => joined.push(e.playerId));
    transport.onPlayerLeft.add((e) => left.push(e.playerId));
    transport.onRemotePortrait.add((p) => portraits.push(p));
    transport.onRefused.add((r) => refusals.push(r));
    room.deliver(RelayMessage.playerJoined, { playerId: 0 });
    room.deliver(RelayMessage.playerJoined, { playerId: 4 });
    room.deliver(RelayMessage.playerLeft, { playerId: 0 });
    const relayed = new Uint8Array(1 + portraitJpeg.length);
    relayed[0] = 4;
    relayed.set(portraitJpeg, 1);
    room.deliver(RelayMessage.portraitImage, relayed);
    room.deliver(RelayMessage.portraitChoice, { playerId: 4, id: 'knight' });
    room.deliver(RelayMessage.refused, { reason: 'not one of this game\'s portraits' });
    expect(joined).toEqual([0, 4]);
    expect(left).toEqual([0]);
    expect(portraits[0]).toEqual({ kind: 'image', playerId: 4, bytes: portraitJpeg, header: { mimeType: 'image/jpeg', width: 96, height: 80 } });
    relayed.fill(0);
    expect(portraits[0].kind === 'image' && portraits[0].bytes[1]).toBe(0xd8); // a copy: clearing the message left it intact
    expect(portraits[1]).toEqual({ kind: 'preset', playerId: 4, id: 'knight' });
    expect(refusals).toEqual(['not one of this game\'s portraits']);
  });

  it('sends one portrait, checked: an image as bytes or a preset id', () => {
    const room = new FakeColyseusRoom();
    const transport = new ColyseusMotionTransport(room);
    expect(() => transport.sendPortrait({ kind: 'image', bytes: Uint8Array.of(0x47, 0x49, 0x46, 0x38) })).toThrow(PortraitImageError);
    expect(() => transport.sendPortrait({ kind: 'preset', id: '../etc' })).toThrow(RangeError);
    expect(() => transport.sendPortrait({ kind: 'avatar' } as never)).toThrow(TypeError);
    expect(room.sent).toHaveLength(1);
    transport.sendPortrait({ kind: 'image', bytes: portraitJpeg });
    expect(room.sent[1]).toEqual({ type: RelayMessage.portraitImage, payload: portraitJpeg, bytes: true });
    expect(() => transport.sendPortrait({ kind: 'preset', id: 'knight' })).toThrow(/already sent a portrait/);
    const other = new FakeColyseusRoom();
    new ColyseusMotionTransport(other).sendPortrait({ kind: 'preset', id: 'knight' });
    expect(other.sent[1]).toEqual({ type: RelayMessage.portraitChoice, payload: { id: 'knight' }, bytes: false });
  });

  it('reports the end of the connection, kicked or not, and stops sending', () => {
    for (const [code, kicked] of [[RELAY_KICK_CLOSE_CODE, true], [1006, false]] as const) {
      const room = new FakeColyseusRoom();
      const transport = new ColyseusMotionTransport(room);
      const ends: TransportDisconnect[] = [];
      transport.onDisconnected.add((e) => ends.push(e));
      room.close(code, 'Removed by the motion relay: flood');
      room.close(code);
      expect(ends).toEqual([{ code, reason: 'Removed by the motion relay: flood', kicked }]);
      expect(transport.isConnected).toBe(false);
      expect(transport.sendFrame(frame(1))).toBe(false);
      expect(room.sent).toHaveLength(1);
    }
  });

  it('dispose stops listening, leaves the room once, clears callbacks and is safe twice', () => {
    const room = new FakeColyseusRoom();
    const transport = new ColyseusMotionTransport(room);
    let frames = 0;
    transport.onRemoteFrame.add(() => frames++);
    transport.dispose();
    transport.dispose();
    expect(room.leaveCalls).toBe(1);
    expect(room.listenerCount(RelayMessage.motionFrame)).toBe(0);
    expect(transport.onRemoteFrame.count).toBe(0);
    room.deliverFrame(1, frame(1));
    expect(frames).toBe(0);
    expect(transport.sendFrame(frame(2))).toBe(false);
    const kept = new FakeColyseusRoom();
    new ColyseusMotionTransport(kept, { leaveOnDispose: false }).dispose();
    expect(kept.leaveCalls).toBe(0);
  });

  it('refuses something that is not a room (TypeError)', () => {
    expect(() => new ColyseusMotionTransport({} as ColyseusRoomLike)).toThrow(/must be a joined colyseus.js 0.16 Room/);
  });
});

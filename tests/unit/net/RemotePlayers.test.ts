// RemotePlayers over a ColyseusMotionTransport on a fake room: one jitter buffer per player, fed and sampled on one clock.
import { describe, expect, it } from 'vitest';
import { Blendshape } from '../../../plugin/core/arkitBlendshapes';
import { FaceControls } from '../../../plugin/core/FaceControls';
import { ColyseusMotionTransport } from '../../../plugin/net/ColyseusMotionTransport';
import { encodeMotionFrame } from '../../../plugin/net/encodeMotionFrame';
import { MOTION_FRAME_FINE_WEIGHT_MAX_ERROR } from '../../../plugin/net/motionFrameLayout';
import { RelayMessage } from '../../../plugin/net/relayProtocol';
import { RemotePlayers, type RemotePlayer } from '../../../plugin/net/RemotePlayers';
import { FakeColyseusRoom } from './FakeColyseusRoom';

const FRAME_MS = 1000 / 30;

function setup(playoutDelayMs = 100) {
  const room = new FakeColyseusRoom();
  const transport = new ColyseusMotionTransport(room);
  const clock = { now: 0 };
  const players = new RemotePlayers(transport, { now: () => clock.now, jitterBuffer: { playoutDelayMs } });
  return { room, transport, clock, players };
}

function frame(sequence: number, jawOpen: number): Uint8Array {
  const controls = new FaceControls();
  controls.weights[Blendshape.jawOpen] = jawOpen;
  return encodeMotionFrame(controls, sequence, sequence * FRAME_MS);
}

describe('RemotePlayers', () => {
  it('adds a player with its own jitter buffer on join and removes it on leave', () => {
    const { room, players } = setup();
    const added: RemotePlayer[] = [];
    const removed: RemotePlayer[] = [];
    players.onPlayerAdded.add((p) => added.push(p));
    players.onPlayerRemoved.add((p) => removed.push(p));
    room.deliver(RelayMessage.playerJoined, { playerId: 1 });
    room.deliver(RelayMessage.playerJoined, { playerId: 2 });
    room.deliver(RelayMessage.playerJoined, { playerId: 2 });
    expect(players.count).toBe(2);
    expect(added.map((p) => p.playerId)).toEqual([1, 2]);
    expect(players.get(1)!.motion).not.toBe(players.get(2)!.motion);
    room.deliver(RelayMessage.playerLeft, { playerId: 1 });
    expect(removed).toEqual([added[0]]);
    expect([...players.values()].map((p) => p.playerId)).toEqual([2]);
  });

  it('feeds each player\'s frames into its buffer, stamped with the local clock, and plays them back', () => {
    const { room, clock, players } = setup(100);
    room.deliver(RelayMessage.playerJoined, { playerId: 1 });
    room.deliver(RelayMessage.playerJoined, { playerId: 2 });
    const outOne = new FaceControls();
    const outTwo = new FaceControls();
    let atTwenty = [NaN, NaN];
    for (let k = 0; k <= 30; k++) {
      clock.now = 5000 + k * FRAME_MS;
      room.deliverFrame(1, frame(k, k / 30));
      room.deliverFrame(2, frame(k, 1 - k / 30));
      // The game samples every rendered frame; the face eases in from neutral over the first 300 ms of playback.
      players.get(1)!.motion.sample(clock.now, outOne);
      players.get(2)!.motion.sample(clock.now, outTwo);
      if (k === 20) atTwenty = [outOne.weights[Blendshape.jawOpen], outTwo.weights[Blendshape.jawOpen]];
    }
    const one = players.get(1)!.motion;
    expect(one.framesAccepted).toBe(31);
    expect(players.get(2)!.motion.framesAccepted).toBe(31);
    // Local arrival time − sender time is 5000 ms for every frame, so the buffer plays 100 ms (3 frames) behind.
    expect(Math.abs(one.clockOffsetMs - 5000)).toBeLessThanOrEqual(0.5); // sender times go on the wire in whole ms
    expect(one.state).toBe('playing');
    const tolerance = 0.001 + MOTION_FRAME_FINE_WEIGHT_MAX_ERROR;
    expect(Math.abs(atTwenty[0] - 17 / 30)).toBeLessThan(tolerance);
    expect(Math.abs(atTwenty[1] - (1 - 17 / 30))).toBeLessThan(tolerance);
  });

  it('drops and counts frames that do not decode or come from no announced player', () => {
    const { room, players } = setup();
    room.deliver(RelayMessage.playerJoined, { playerId: 1 });
    const bad = frame(0, 0.5);
    bad[0] = 0x7b;
    room.deliverFrame(1, bad);
    room.deliverFrame(9, frame(0, 0.5));
    expect(players.malformedFrames).toBe(1);
    expect(players.unknownSenderFrames).toBe(1);
    expect(players.get(1)!.motion.framesAccepted).toBe(0);
  });

  it('keeps each player\'s portrait', () => {
    const { room, players } = setup();
    const changed: number[] = [];
    players.onPortrait.add((p) => changed.push(p.playerId));
    room.deliver(RelayMessage.playerJoined, { playerId: 3 });
    room.deliver(RelayMessage.portraitChoice, { playerId: 3, id: 'witch' });
    room.deliver(RelayMessage.portraitChoice, { playerId: 8, id: 'witch' });
    expect(players.get(3)!.portrait).toEqual({ kind: 'preset', playerId: 3, id: 'witch' });
    expect(changed).toEqual([3]);
  });

  it('dispose stops following the transport, is safe twice, and leaves the transport alive', () => {
    const { room, transport, players } = setup();
    room.deliver(RelayMessage.playerJoined, { playerId: 1 });
    players.dispose();
    players.dispose();
    expect(players.count).toBe(0);
    expect(transport.onRemoteFrame.count).toBe(0);
    room.deliver(RelayMessage.playerJoined, { playerId: 2 });
    expect(players.count).toBe(0);
    expect(transport.isConnected).toBe(true);
  });

  it('checks its arguments when built', () => {
    const { transport } = setup();
    expect(() => new RemotePlayers({} as never)).toThrow(/must be a MotionTransport/);
    expect(() => new RemotePlayers(transport, { jitterBuffer: { capacity: 1 } })).toThrow(RangeError);
    expect(() => new RemotePlayers(transport, { now: 5 as never })).toThrow(TypeError);
  });
});

import { describe, expect, it } from 'vitest';
import { FaceControls } from '../../../plugin/core/FaceControls';
import { Blendshape } from '../../../plugin/core/arkitBlendshapes';
import { SeededRandom } from '../../../plugin/core/SeededRandom';
import { decodeMotionFrameInto, type MotionFrameHeader } from '../../../plugin/net/decodeMotionFrame';
import { encodeMotionFrame } from '../../../plugin/net/encodeMotionFrame';
import { MotionJitterBuffer, type MotionJitterState } from '../../../plugin/net/MotionJitterBuffer';

const SEND_INTERVAL_MS = 1000 / 30;
const RENDER_INTERVAL_MS = 1000 / 60;
const STREAM_MS = 20_000;
const LOSS = 0.1;
const DUPLICATION = 0.05;
/** Network delay: BASE ± JITTER, uniform. */
const BASE_DELAY_MS = 80;
const JITTER_MS = 50;
/** Receiver clock minus sender clock: the buffer must find it without being told. */
const CLOCK_OFFSET_MS = 123_456;
const PLAYOUT_DELAY_MS = 100;
const NEUTRAL_EASE_MS = 300;
const STALE_AFTER_MS = 500;
/** Error is measured once the clock estimate has settled and the ease-in is over. */
const WARM_UP_MS = 2000;
const YAW_AMPLITUDE = 0.35;
const YAW_HZ = 0.5;
const JAW_MEAN = 0.5;
const JAW_AMPLITUDE = 0.4;
const JAW_HZ = 1.5;
/**
 * Bounds on the error against the motion sent, shown PLAYOUT_DELAY_MS behind its mean arrival. Measured with
 * seed 31: yaw max 0.0157 rad, mean 0.0035; jaw max 0.062, mean 0.013 (seeds 1-12: yaw max ≤ 0.0174, jaw max
 * ≤ 0.088). Their causes: the clock estimate wanders ±10 ms (jaw slope 3.8/s), and a lost frame leaves a 67 ms
 * chord to interpolate. Holding frames instead of interpolating would give yaw 0.037 and jaw 0.13: both fail.
 */
const YAW_ERROR_MAX = 0.03;
const YAW_ERROR_MEAN = 0.006;
const JAW_ERROR_MAX = 0.12;
const JAW_ERROR_MEAN = 0.02;
/** The clock estimate's end error, ms: about 4.6 ms standard deviation with clockSmoothing 0.05 and ±50 ms jitter. */
const CLOCK_ERROR_MAX_MS = 20;
/**
 * Largest yaw change between two rendered frames once settled. The motion itself changes at most
 * 2π × 0.5 Hz × 0.35 rad × 16.7 ms = 0.0183 rad a frame; playout speed adjustments add up to about 30 %.
 */
const YAW_STEP_MAX = 0.03;

function yawAt(senderMs: number): number {
  return YAW_AMPLITUDE * Math.sin((2 * Math.PI * YAW_HZ * senderMs) / 1000);
}

function jawAt(senderMs: number): number {
  return JAW_MEAN + JAW_AMPLITUDE * Math.sin((2 * Math.PI * JAW_HZ * senderMs) / 1000);
}

interface Packet { arrivalMs: number; sequence: number; bytes: Uint8Array }

/** Every packet the receiver gets, in arrival order, plus what the network did. */
function simulateNetwork(random: SeededRandom) {
  const packets: Packet[] = [];
  const controls = new FaceControls();
  let sent = 0;
  let duplicated = 0;
  for (let sequence = 0; sequence * SEND_INTERVAL_MS <= STREAM_MS; sequence++) {
    const timeMs = Math.round(sequence * SEND_INTERVAL_MS);
    controls.yaw = yawAt(timeMs);
    controls.weights[Blendshape.jawOpen] = jawAt(timeMs);
    const bytes = encodeMotionFrame(controls, sequence, timeMs);
    sent++;
    if (random.next() < LOSS) continue;
    const copies = random.next() < DUPLICATION ? 2 : 1;
    if (copies === 2) duplicated++;
    for (let copy = 0; copy < copies; copy++) {
      const delay = BASE_DELAY_MS + random.range(-JITTER_MS, JITTER_MS);
      packets.push({ arrivalMs: timeMs + CLOCK_OFFSET_MS + delay, sequence, bytes });
    }
  }
  packets.sort((a, b) => a.arrivalMs - b.arrivalMs);
  let reordered = 0;
  let highest = -1;
  for (const packet of packets) {
    if (packet.sequence < highest) reordered++;
    highest = Math.max(highest, packet.sequence);
  }
  return { packets, sent, duplicated, reordered };
}

/** Plays the whole stream through a fresh buffer, rendering at 60 fps, and measures it against the motion sent. */
function playStream(network: ReturnType<typeof simulateNetwork>) {
  const buffer = new MotionJitterBuffer({ playoutDelayMs: PLAYOUT_DELAY_MS, neutralEaseMs: NEUTRAL_EASE_MS, staleAfterMs: STALE_AFTER_MS });
  const out = new FaceControls();
  const decoded = new FaceControls();
  const header: MotionFrameHeader = { sequence: 0, timeMs: 0 };
  const states: Record<MotionJitterState, number> = { waiting: 0, playing: 0, extrapolating: 0, stale: 0 };
  let next = 0;
  let now = CLOCK_OFFSET_MS;
  let lastArrivalMs = NaN;
  let yawErrorMax = 0, yawErrorSum = 0, jawErrorMax = 0, jawErrorSum = 0, measured = 0;
  let largestYawStep = 0, previousYaw = 0, largestSize = 0;
  for (; next < network.packets.length; now += RENDER_INTERVAL_MS) {
    while (next < network.packets.length && network.packets[next].arrivalMs <= now) {
      const packet = network.packets[next++];
      decodeMotionFrameInto(packet.bytes, decoded, header);
      if (buffer.push(header.sequence, header.timeMs, decoded, packet.arrivalMs)) lastArrivalMs = packet.arrivalMs;
    }
    buffer.sample(now, out);
    states[buffer.state]++;
    largestSize = Math.max(largestSize, buffer.size);
    const yawStep = Math.abs(out.yaw - previousYaw);
    previousYaw = out.yaw;
    const shownSenderMs = now - CLOCK_OFFSET_MS - BASE_DELAY_MS - PLAYOUT_DELAY_MS;
    if (now - CLOCK_OFFSET_MS < WARM_UP_MS || shownSenderMs > STREAM_MS) continue;
    largestYawStep = Math.max(largestYawStep, yawStep);
    const yawError = Math.abs(out.yaw - yawAt(shownSenderMs));
    const jawError = Math.abs(out.weights[Blendshape.jawOpen] - jawAt(shownSenderMs));
    yawErrorMax = Math.max(yawErrorMax, yawError);
    jawErrorMax = Math.max(jawErrorMax, jawError);
    yawErrorSum += yawError;
    jawErrorSum += jawError;
    measured++;
  }
  return {
    buffer, out, now, lastArrivalMs, states, measured, largestSize, largestYawStep,
    yawErrorMax, yawErrorMean: yawErrorSum / measured, jawErrorMax, jawErrorMean: jawErrorSum / measured,
  };
}

describe('MotionJitterBuffer over a lossy, jittery network', () => {
  const network = simulateNetwork(new SeededRandom(31));

  it('follows a 30 frame/s stream closely at 60 fps through loss, reordering, duplicates and ±50 ms jitter', () => {
    const { buffer, states, measured, largestSize, largestYawStep, yawErrorMax, yawErrorMean, jawErrorMax, jawErrorMean } = playStream(network);
    // The network really was hostile.
    expect(network.reordered).toBeGreaterThan(network.packets.length * 0.1);
    expect(network.duplicated).toBeGreaterThan(network.sent * DUPLICATION * 0.5);
    expect(network.packets.length - network.duplicated).toBeLessThan(network.sent * (1 - LOSS * 0.5));
    // Every delivered packet was taken once or dropped as a duplicate or too late; no frame twice.
    expect(buffer.framesAccepted + buffer.duplicatesDropped + buffer.lateDropped).toBe(network.packets.length);
    expect(buffer.framesAccepted).toBeLessThanOrEqual(network.packets.length - network.duplicated);
    expect(buffer.duplicatesDropped + buffer.lateDropped).toBeGreaterThanOrEqual(network.duplicated);
    expect(buffer.framesAccepted).toBeGreaterThan((network.packets.length - network.duplicated) * 0.98);
    expect(largestSize).toBeLessThanOrEqual(buffer.capacity);
    // The clock estimate found the offset plus the mean delay, without being told either.
    expect(Math.abs(buffer.clockOffsetMs - CLOCK_OFFSET_MS - BASE_DELAY_MS)).toBeLessThan(CLOCK_ERROR_MAX_MS);
    expect(measured).toBeGreaterThan(1000);
    expect(states.playing).toBeGreaterThan(states.extrapolating * 20);
    expect(yawErrorMax).toBeLessThan(YAW_ERROR_MAX);
    expect(yawErrorMean).toBeLessThan(YAW_ERROR_MEAN);
    expect(jawErrorMax).toBeLessThan(JAW_ERROR_MAX);
    expect(jawErrorMean).toBeLessThan(JAW_ERROR_MEAN);
    expect(largestYawStep).toBeLessThan(YAW_STEP_MAX);
  });

  it('when the stream stops, extrapolates briefly, goes stale and eases to neutral without a jump', () => {
    const { buffer, out, lastArrivalMs, now: streamEndMs } = playStream(network);
    let now = streamEndMs;
    expect(buffer.state).not.toBe('stale');
    let staleAtMs = NaN;
    let sawExtrapolating = false;
    let previousYaw = out.yaw, previousJaw = out.weights[Blendshape.jawOpen];
    let heldYaw = 0, heldJaw = 0, largestYawStep = 0, largestJawStep = 0;
    for (; now <= lastArrivalMs + STALE_AFTER_MS + NEUTRAL_EASE_MS + 100; now += RENDER_INTERVAL_MS) {
      buffer.sample(now, out);
      const jaw = out.weights[Blendshape.jawOpen];
      if (buffer.state === 'extrapolating') sawExtrapolating = true;
      if (buffer.state === 'stale') {
        if (Number.isNaN(staleAtMs)) {
          staleAtMs = now;
          heldYaw = Math.abs(previousYaw);
          heldJaw = previousJaw;
        }
        largestYawStep = Math.max(largestYawStep, Math.abs(out.yaw - previousYaw));
        largestJawStep = Math.max(largestJawStep, Math.abs(jaw - previousJaw));
      }
      previousYaw = out.yaw;
      previousJaw = jaw;
    }
    expect(sawExtrapolating).toBe(true);
    expect(staleAtMs - lastArrivalMs).toBeGreaterThan(STALE_AFTER_MS);
    expect(staleAtMs - lastArrivalMs).toBeLessThanOrEqual(STALE_AFTER_MS + RENDER_INTERVAL_MS);
    expect(buffer.state).toBe('stale');
    expect(out.equals(new FaceControls())).toBe(true);
    // From the held pose, a smoothstep ease moves at most 1.5 × (frame / ease) of the way per frame: no jump.
    const easeStep = (1.5 * RENDER_INTERVAL_MS) / NEUTRAL_EASE_MS;
    expect(heldJaw).toBeGreaterThan(0.05);
    expect(largestYawStep).toBeLessThanOrEqual(easeStep * heldYaw + 1e-9);
    expect(largestJawStep).toBeLessThanOrEqual(easeStep * heldJaw + 1e-7);
  });
});

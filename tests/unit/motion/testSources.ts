// Test helper: a motion source that writes fixed values to chosen channels, for mixer tests.
import { FaceControls } from '../../../plugin/core/FaceControls';
import { channelMask, type ChannelSelection } from '../../../plugin/motion/channelMasks';
import { motionChannelIndex, writeChannel, type MotionChannelName } from '../../../plugin/motion/motionChannels';
import type { MotionSource } from '../../../plugin/motion/MotionSource';

/** Writes `values` (by channel name) every sample; drives exactly those channels. Counts its samples. */
export class ConstantSource implements MotionSource {
  readonly channels: Float32Array;
  readonly suppresses?: Float32Array;
  samples = 0;
  private readonly entries: [number, number][];

  constructor(values: Partial<Record<MotionChannelName, number>>, suppresses?: ChannelSelection) {
    this.entries = Object.entries(values).map(([name, value]) => [motionChannelIndex(name), value as number]);
    this.channels = channelMask(Object.keys(values) as MotionChannelName[]);
    if (suppresses !== undefined) {
      this.suppresses = suppresses instanceof Float32Array ? suppresses : channelMask(suppresses);
    }
  }

  sample(_timeMs: number, out: FaceControls): void {
    this.samples++;
    for (const [channel, value] of this.entries) writeChannel(out, channel, value);
  }
}

/** A fresh neutral pose sampled from `source` at `timeMs`. */
export function sampleAt(source: MotionSource, timeMs: number): FaceControls {
  const out = new FaceControls();
  source.sample(timeMs, out);
  return out;
}

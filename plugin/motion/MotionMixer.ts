// Layers motion sources by priority into one pose: masks, weights, crossfades and inhibition of lower layers.
import type { FaceControls } from '../core/FaceControls';
import { clamp01 } from '../core/mathUtils';
import { notFiniteError } from '../core/validation';
import { MixerLayer, type MixerLayerOptions } from './MixerLayer';
import { readChannel, writeChannel } from './motionChannels';
import { HEAD_CHANNEL_COUNT, MOTION_CHANNEL_COUNT, type MotionSource } from './MotionSource';

const byPriority = (a: MixerLayer, b: MixerLayer): number => a.priority - b.priority;
// Module-local copies for the hot loops: some module loaders turn every read of an imported binding into a property access.
const CHANNEL_COUNT = MOTION_CHANNEL_COUNT;
const HEAD_COUNT = HEAD_CHANNEL_COUNT;

/**
 * Blends layers of motion sources, from low to high priority, over the neutral pose. Each layer meets
 * what lies below by its share per channel: `source.channels[i] * layer.mask[i] * layer.weight`, less what
 * layers above hold off (their `suppresses`, and their source's own, times their weight; the strongest
 * wins). Override layers move toward the source's value by that share, additive ones add value × share.
 *
 * The mixer is itself a MotionSource: `channels[i]` is 1 where any layer drives channel i this frame and
 * 0 elsewhere; sample() writes the blend there and leaves the other channels of `out` as they are.
 * Nested in another mixer it therefore hands over its blend over neutral in full wherever it drives.
 */
export class MotionMixer implements MotionSource {
  /** 1 where a layer drove the channel at the last sample, else 0. */
  readonly channels = new Float32Array(MOTION_CHANNEL_COUNT);
  private readonly _layers: MixerLayer[] = [];
  private readonly blend = new Float32Array(MOTION_CHANNEL_COUNT);
  private readonly held = new Float32Array(MOTION_CHANNEL_COUNT);

  /** The layers from low to high priority. */
  get layers(): readonly MixerLayer[] { return this._layers; }

  /** Adds `source` as a new layer and returns its handle. A source may sit in several layers. */
  addLayer(source: MotionSource, options: MixerLayerOptions = {}): MixerLayer {
    checkSource(source);
    const layer = new MixerLayer(source, options);
    this._layers.push(layer);
    this._layers.sort(byPriority);
    return layer;
  }

  /** Removes a layer; false when it is not in this mixer. */
  removeLayer(layer: MixerLayer): boolean {
    const index = this._layers.indexOf(layer);
    if (index < 0) return false;
    this._layers.splice(index, 1);
    return true;
  }

  sample(timeMs: number, out: FaceControls): void {
    if (!Number.isFinite(timeMs)) throw notFiniteError(timeMs, 'MotionMixer.sample: timeMs');
    const layers = this._layers;
    // 1. Weights at this time, and each active source's pose (its `suppresses` is then current too).
    for (let k = 0; k < layers.length; k++) {
      const layer = layers[k];
      if (layer.advance(timeMs) > 0) {
        layer.scratch.reset();
        layer.source.sample(timeMs, layer.scratch);
      }
    }
    // 2. Inhibition, from the top down: each layer is held off by the strongest hold of the layers above.
    const held = this.held;
    held.fill(0);
    for (let k = layers.length - 1; k >= 0; k--) {
      const layer = layers[k];
      layer.heldOff.set(held);
      const weight = layer.weight;
      if (weight <= 0) continue;
      const own = layer.suppresses;
      const fromSource = layer.source.suppresses;
      for (let i = 0; i < CHANNEL_COUNT; i++) {
        const hold = Math.max(own[i], fromSource === undefined ? 0 : fromSource[i]) * weight;
        if (hold > held[i]) held[i] = hold;
      }
    }
    // 3. Blend from the bottom up over the neutral pose.
    const blend = this.blend;
    const channels = this.channels;
    blend.fill(0);
    channels.fill(0);
    for (let k = 0; k < layers.length; k++) {
      const layer = layers[k];
      const weight = layer.weight;
      if (weight <= 0) continue;
      const drive = layer.source.channels;
      const mask = layer.mask;
      const heldOff = layer.heldOff;
      const additive = layer.mode === 'additive';
      for (let i = 0; i < CHANNEL_COUNT; i++) {
        const share = drive[i] * mask[i] * weight * (1 - heldOff[i]);
        if (!(share > 0)) continue;
        channels[i] = 1;
        const value = readChannel(layer.scratch, i);
        const mixed = additive ? blend[i] + value * share : blend[i] + (value - blend[i]) * share;
        blend[i] = i < HEAD_COUNT ? mixed : clamp01(mixed);
      }
    }
    for (let i = 0; i < CHANNEL_COUNT; i++) {
      if (channels[i] > 0) writeChannel(out, i, blend[i]);
    }
  }
}

function checkSource(source: MotionSource): void {
  if (source === null || typeof source !== 'object' || typeof source.sample !== 'function') {
    throw new TypeError('MotionMixer.addLayer: source must be a MotionSource (an object with channels and sample(timeMs, out)).');
  }
  if (!(source.channels instanceof Float32Array) || source.channels.length !== MOTION_CHANNEL_COUNT) {
    throw new TypeError(`MotionMixer.addLayer: source.channels must be a Float32Array of ${MOTION_CHANNEL_COUNT} entries.`);
  }
  if (source.suppresses !== undefined && (!(source.suppresses instanceof Float32Array) || source.suppresses.length !== MOTION_CHANNEL_COUNT)) {
    throw new TypeError(`MotionMixer.addLayer: source.suppresses, when present, must be a Float32Array of ${MOTION_CHANNEL_COUNT} entries.`);
  }
}

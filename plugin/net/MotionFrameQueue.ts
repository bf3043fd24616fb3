// A fixed-capacity, time-ordered queue of preallocated motion frames (sequence, sender time, pose); no allocation after construction.
import { POSE_CHANNEL_COUNT } from './poseVector';

/**
 * Frames live in fixed slots of one Float64Array; a small index array keeps them ordered by sender time,
 * so inserting a late (reordered) frame moves a few integers, never a pose. Internal to MotionJitterBuffer.
 */
export class MotionFrameQueue {
  /** Every pose, POSE_CHANNEL_COUNT numbers per slot; read a frame's pose at poseOffset(i). */
  readonly poses: Float64Array;
  private readonly times: Float64Array;
  private readonly sequences: Uint32Array;
  /** Slot of the i-th oldest frame. */
  private readonly order: Int32Array;
  /** Slots not in use, as a stack. */
  private readonly freeSlots: Int32Array;
  private freeCount: number;
  private _size = 0;

  constructor(readonly capacity: number) {
    this.poses = new Float64Array(capacity * POSE_CHANNEL_COUNT);
    this.times = new Float64Array(capacity);
    this.sequences = new Uint32Array(capacity);
    this.order = new Int32Array(capacity);
    this.freeSlots = new Int32Array(capacity);
    this.freeCount = 0;
    this.clear();
  }

  /** Frames held. */
  get size(): number { return this._size; }

  /** Sender time of the i-th oldest frame. */
  timeAt(i: number): number { return this.times[this.order[i]]; }

  /** Offset in `poses` of the i-th oldest frame's pose. */
  poseOffset(i: number): number { return this.order[i] * POSE_CHANNEL_COUNT; }

  /** True when a frame with this sequence number or this sender time is held. */
  holds(sequence: number, timeMs: number): boolean {
    for (let i = 0; i < this._size; i++) {
      const slot = this.order[i];
      if (this.sequences[slot] === sequence || this.times[slot] === timeMs) return true;
    }
    return false;
  }

  /** Adds a frame in time order and returns the offset in `poses` where the caller writes its pose. The queue must not be full. */
  insert(sequence: number, timeMs: number): number {
    const slot = this.freeSlots[--this.freeCount];
    let position = this._size;
    while (position > 0 && this.times[this.order[position - 1]] > timeMs) position--;
    this.order.copyWithin(position + 1, position, this._size);
    this.order[position] = slot;
    this._size++;
    this.times[slot] = timeMs;
    this.sequences[slot] = sequence;
    return slot * POSE_CHANNEL_COUNT;
  }

  /** Forgets the oldest frame. */
  dropOldest(): void {
    if (this._size === 0) return;
    this.freeSlots[this.freeCount++] = this.order[0];
    this.order.copyWithin(0, 1, this._size);
    this._size--;
  }

  /** Forgets every frame. */
  clear(): void {
    this._size = 0;
    for (let slot = 0; slot < this.capacity; slot++) this.freeSlots[slot] = slot;
    this.freeCount = this.capacity;
  }
}

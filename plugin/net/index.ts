// The net room's public surface: the motion frame codec, sequence arithmetic and the jitter buffer.
export { encodeMotionFrame, encodeMotionFrameInto } from './encodeMotionFrame';
export { decodeMotionFrame, decodeMotionFrameInto, type DecodedMotionFrame, type MotionFrameHeader } from './decodeMotionFrame';
export {
  MOTION_FRAME_BYTES,
  MOTION_FRAME_TAG,
  MOTION_FRAME_FINE_WEIGHTS,
  MOTION_FRAME_FINE_WEIGHT_MAX_ERROR,
  MOTION_FRAME_COARSE_WEIGHT_MAX_ERROR,
} from './motionFrameLayout';
export { nextSequence, sequenceDelta, isSequenceNewer, wrappedTimeDeltaMs } from './sequenceMath';
export { MotionJitterBuffer, type MotionJitterState } from './MotionJitterBuffer';
export { DEFAULT_JITTER_BUFFER_OPTIONS, type MotionJitterBufferOptions } from './jitterBufferOptions';

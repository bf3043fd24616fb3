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
// Transport: the interface, the Colyseus adapter (typed structurally; the game joins the room)
// and the receiving side that gives each remote player a jitter buffer.
export { ColyseusMotionTransport, type ColyseusMotionTransportOptions } from './ColyseusMotionTransport';
export type { ColyseusRoomLike, ColyseusSignalLike } from './colyseusRoomLike';
export type { MotionTransport, RemoteMotionFrame, RemotePlayerEvent, PortraitChoice, RemotePortrait, TransportDisconnect } from './MotionTransport';
export { RemotePlayers, RemotePlayer, type RemotePlayersOptions } from './RemotePlayers';
export { readImageHeader, type ImageHeader } from './readImageHeader';
export { checkPortraitImage, resolvePortraitImageLimits, DEFAULT_PORTRAIT_IMAGE_LIMITS, PORTRAIT_ID_PATTERN, type PortraitImageLimits } from './portraitImageLimits';
export { RelayMessage, RELAY_KICK_CLOSE_CODE } from './relayProtocol';

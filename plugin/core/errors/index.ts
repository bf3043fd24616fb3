export { TalkingPortraitError } from './TalkingPortraitError';
export { NoFaceError, ModelLoadError, RigFormatError, ClipFormatError, MotionCodecError, type ModelLoadErrorOptions } from './dataErrors';
export { CameraError, type CameraErrorReason } from './CameraError';
export { GpuDeviceLostError, UnsupportedEngineError } from './gpuErrors';
export { PortraitImageError } from './PortraitImageError';
export { AudioCaptureError } from './AudioCaptureError';

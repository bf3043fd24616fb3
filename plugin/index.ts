// babylon-talking-portraits: the one public door. Games and the demo import only from here.
// Nothing in this module graph may touch browser globals at import time: importing the
// package in Node must not fail (tests/unit/package checks it).

// core: face controls, ARKit blendshape names, landmark index sets, errors, filters, math.
export * from './core/index';

// capture: landmarks from images and video.
export { FaceTracker, type FaceTrackerOptions, type TrackerRunningMode } from './capture/FaceTracker';
export { FACE_LANDMARK_COUNT, type FaceDetection } from './capture/FaceDetection';
export type { TrackableImage } from './capture/imageSources';
// capture: the webcam, and the solver from landmarks to face controls.
export { LandmarkSolver, LANDMARK_SOLVED_WEIGHTS, type LandmarkSolverOptions } from './capture/LandmarkSolver';
export { FaceCaptureSource, type FaceCaptureState, type FaceCaptureEvent, type FaceCaptureSourceOptions } from './capture/FaceCaptureSource';
export { VideoFaceLoop, type DetectionSink } from './capture/VideoFaceLoop';
export { WebcamCapture, type WebcamCaptureOptions, type WebcamState } from './capture/WebcamCapture';
export { headTurnBetween, type HeadAngles } from './capture/headTurn';
// capture, direct: a performer's landmark motion transferred onto a portrait (beside the solver).
export { LandmarkTransfer, TRANSFER_OFFSET_STRIDE, type LandmarkTransferOptions, type TransferPortrait, type PerformerFrame } from './capture/LandmarkTransfer';
export { LandmarkDrivenRig, LANDMARK_OFFSET_STRIDE } from './rig/LandmarkDrivenRig';
export type { HeadPoseLike } from './rig/PortraitRig';

// rig: built once per portrait from landmarks, posed per frame; bake and load rigs.
export * from './rig/index';

// render: the generators (most games use them through TalkingPortrait).
export { WarpGenerator, type GeneratorShot } from './render/WarpGenerator';
export type { PortraitGenerator, PortraitGeneratorKind } from './render/PortraitGenerator';
// render/onnx: learned generators on onnxruntime-web's WebGPU EP, on Babylon's own device.
export { OnnxGenerator, type OnnxGeneratorOptions } from './render/onnx/OnnxGenerator';
export { OnnxContractError } from './render/onnx/OnnxContractError';
export { ONNX_INPUT, ONNX_OUTPUT_IMAGE, CONTROL_VERTICES_KEY } from './render/onnx/onnxContract';

// motion: idle life, blinks, gaze and look-at, emotions, and the mixer that layers them.
export { HEAD_CHANNEL_COUNT, MOTION_CHANNEL_COUNT, type MotionSource } from './motion/MotionSource';
export { HEAD_CHANNEL_NAMES, MOTION_CHANNEL_NAMES, HeadChannelIndex, motionChannelIndex, type MotionChannelName } from './motion/motionChannels';
export {
  channelMask, channelMaskExcept, HEAD_CHANNELS, EYE_CHANNELS, BLINK_CHANNELS, GAZE_CHANNELS, MOUTH_CHANNELS, BROW_CHANNELS, ALL_CHANNELS,
  type ChannelSelection,
} from './motion/channelMasks';
export { MotionMixer } from './motion/MotionMixer';
export { MixerLayer, type MixerLayerOptions, type LayerBlendMode } from './motion/MixerLayer';
export { BreathingSway, type BreathingSwayOptions } from './motion/BreathingSway';
export { BlinkSource, type BlinkSourceOptions } from './motion/BlinkSource';
export { GazeSource, type GazeSourceOptions } from './motion/GazeSource';
export { lookAtAngles, type LookAngles } from './motion/lookAtAngles';
export { EmotionSource, DEFAULT_EMOTION_FADE_MS, type EmotionSourceOptions } from './motion/EmotionSource';
export { EMOTION_PRESETS, EMOTION_NAMES, type EmotionName, type EmotionPreset } from './motion/emotionPresets';
export { IdleMotion, IDLE_PRIORITY, type IdleMotionOptions } from './motion/IdleMotion';
// motion/speech: speech from text; the CMU dictionary is imported only by LoadAsync/CreateAsync.
export {
  SpeechSource, TextToVisemes, PhonemeDictionary, alignToWordTimes, letterToSound, VISEME_NAMES, VISEME_SHAPES, SPEECH_BLENDSHAPES,
  MIN_SPEECH_RATE, MAX_SPEECH_RATE,
  type VisemeName, type VisemeTimeline, type VisemeSegment, type TimelineWord, type SpeechSourceOptions, type SayOptions,
  type SpeechOverlap, type PhonemeDictionaryOptions, type PronunciationEntries, type TimelineOptions,
} from './motion/speech/index';
// motion/audio: speech from audio (an AudioWorklet, or an AnalyserNode, → spectrum → visemes → mouth).
export {
  AudioLipSync, AudioMouthAnalyser, AudioMouthSource, createAudioFeatures,
  type AudioFeatures, type AudioLipSyncMode, type AudioLipSyncOptions, type AudioLipSyncTransport, type AudioMouthOptions,
  type AudioMouthSourceOptions, type AudioWindowFeed,
} from './motion/audio/index';
// motion/clips: record face controls at a fixed rate, save them compactly, play them back.
export { MotionClip, type MotionClipInit } from './motion/clips/MotionClip';
export { MotionClipRecorder, type MotionClipRecorderOptions } from './motion/clips/MotionClipRecorder';
export { MotionClipPlayer, type MotionClipPlayerOptions, type MotionClipPlayerState } from './motion/clips/MotionClipPlayer';
export { encodeMotionClip, type MotionClipEncodeOptions } from './motion/clips/encodeMotionClip';
export { decodeMotionClip } from './motion/clips/decodeMotionClip';
export { motionClipToJSON, MOTION_CLIP_JSON_FORMAT, type MotionClipJSON } from './motion/clips/motionClipToJSON';
export { motionClipFromJSON } from './motion/clips/motionClipFromJSON';
export { MAX_CLIP_FRAMES, MAX_CLIP_FRAME_RATE, MIN_CLIP_FRAME_RATE } from './motion/clips/clipLimits';
// Landmark clips: a performer's landmarks over time (npm run video-to-clip makes one from a video).
export { LandmarkClip, type LandmarkClipData, type LandmarkClipFrames } from './motion/clips/LandmarkClip';
export { LandmarkClipPlayer, type LandmarkFrame } from './motion/clips/LandmarkClipPlayer';
export { encodeLandmarkClip } from './motion/clips/encodeLandmarkClip';
export { decodeLandmarkClip } from './motion/clips/decodeLandmarkClip';

// net: motion frames on the wire (codec, sequence arithmetic), the receiving jitter buffer, and
// the transport to a game server (a Colyseus adapter; the relay room itself is in server/).
export {
  encodeMotionFrame, encodeMotionFrameInto, decodeMotionFrame, decodeMotionFrameInto,
  MOTION_FRAME_BYTES, MOTION_FRAME_TAG, MOTION_FRAME_FINE_WEIGHT_MAX_ERROR, MOTION_FRAME_COARSE_WEIGHT_MAX_ERROR,
  isSequenceNewer, MotionJitterBuffer, DEFAULT_JITTER_BUFFER_OPTIONS,
  type DecodedMotionFrame, type MotionFrameHeader, type MotionJitterState, type MotionJitterBufferOptions,
  ColyseusMotionTransport, RemotePlayers, RemotePlayer, readImageHeader, checkPortraitImage, DEFAULT_PORTRAIT_IMAGE_LIMITS,
  RelayMessage, RELAY_KICK_CLOSE_CODE,
  type MotionTransport, type ColyseusRoomLike, type ColyseusSignalLike, type ColyseusMotionTransportOptions, type RemotePlayersOptions,
  type RemotePortrait, type RemotePlayerEvent, type PortraitChoice, type RemoteMotionFrame, type TransportDisconnect,
  type PortraitImageLimits, type ImageHeader,
} from './net/index';

// budget: what portraits cost and who updates this frame, at which size and rate.
export * from './budget/index';

// babylon: what a game touches.
export * from './babylon/index';
export { WebcamFace, type WebcamFaceOptions } from './babylon/WebcamFace';

// Speech from audio: spectral analysis of playing audio → OVR viseme shapes → mouth controls, and the Web Audio source that runs it live.
export { AnalyserNodeReader } from './AnalyserNodeReader';
export { createAudioFeatures, HISS_BAND_HZ, SILENCE_DB, type AudioFeatures } from './audioFeatures';
export { AudioLipSync } from './AudioLipSync';
export type { AudioLipSyncMode, AudioLipSyncOptions, AudioLipSyncTransport } from './audioLipSyncOptions';
export { AudioMouthAnalyser } from './AudioMouthAnalyser';
export type { AudioMouthOptions } from './audioMouthOptions';
export { AudioMouthSource, type AudioMouthSourceOptions, type AudioWindowFeed } from './AudioMouthSource';
export { CAPTURE_PROCESSOR_NAME } from './captureWorklet';
export { HopReader, MAX_WINDOWS_PER_PUMP } from './HopReader';
export { SampleRing } from './SampleRing';
export { VOWEL_FORMANTS_HZ } from './visemesFromFeatures';

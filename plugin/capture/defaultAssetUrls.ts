/**
 * Where the embedded face model and MediaPipe's wasm are found when the game configures
 * nothing: beside this module, never on the network. The paths are variables on purpose:
 * the library build (vite.lib.config.ts) rewrites them to the copies it puts in dist/assets.
 */
const EMBEDDED_FACE_MODEL_PATH = '../../models/face_landmarker.task';
const VISION_WASM_DIR_PATH = '../../node_modules/@mediapipe/tasks-vision/wasm';

export function defaultFaceModelUrl(): string {
  return new URL(EMBEDDED_FACE_MODEL_PATH, import.meta.url).href;
}

export function defaultVisionWasmBaseUrl(): string {
  return new URL(VISION_WASM_DIR_PATH, import.meta.url).href;
}

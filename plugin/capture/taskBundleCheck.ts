import { ModelLoadError } from '../core/errors';

const ZIP_LOCAL_HEADER = 0x04034b50;
const ZIP_END_OF_CENTRAL_DIRECTORY = 0x06054b50;
/** The end record is 22 bytes plus a comment of at most 65535. */
const ZIP_END_SEARCH_SPAN = 22 + 0xffff;
const ZIP_METHOD_STORED = 0;

/**
 * Checks that bytes look like a MediaPipe Tasks bundle before MediaPipe sees them, so a
 * truncated or wrong file gets a clear ModelLoadError instead of a wasm abort: a zip whose
 * end record is present and whose entries are stored uncompressed, as Tasks requires.
 */
export function checkTaskBundle(bytes: Uint8Array, source: string): TaskBundleFacts {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 30 || view.getUint32(0, true) !== ZIP_LOCAL_HEADER) {
    throw new ModelLoadError(`${source} is not a MediaPipe .task bundle (not a zip archive).`, { source });
  }
  const end = findEndOfCentralDirectory(view);
  if (end < 0) {
    throw new ModelLoadError(`${source} is truncated or corrupt: the zip archive has no end record.`, { source });
  }
  const entryCount = view.getUint16(end + 10, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (entryCount === 0 || directoryOffset >= end) {
    throw new ModelLoadError(`${source} is corrupt: its zip directory is empty or out of place.`, { source });
  }
  const method = view.getUint16(8, true);
  if (method !== ZIP_METHOD_STORED) {
    throw new ModelLoadError(
      `${source} is a compressed zip; MediaPipe needs the bundle's entries stored uncompressed (zip -0).`,
      { source },
    );
  }
  return { hasBlendshapes: containsAscii(bytes, BLENDSHAPES_ENTRY) };
}

/** The entry (possibly inside a nested bundle) that gives a FaceLandmarker its blendshapes. */
const BLENDSHAPES_ENTRY = 'face_blendshapes.tflite';

export interface TaskBundleFacts {
  /** Whether the bundle carries a blendshape model, so blendshapes can be asked for. */
  readonly hasBlendshapes: boolean;
}

function containsAscii(bytes: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  const last = bytes.byteLength - text.length;
  outer: for (let i = 0; i <= last; i++) {
    if (bytes[i] !== first) continue;
    for (let k = 1; k < text.length; k++) if (bytes[i + k] !== text.charCodeAt(k)) continue outer;
    return true;
  }
  return false;
}

function findEndOfCentralDirectory(view: DataView): number {
  const lowest = Math.max(0, view.byteLength - ZIP_END_SEARCH_SPAN);
  for (let offset = view.byteLength - 22; offset >= lowest; offset--) {
    if (view.getUint32(offset, true) === ZIP_END_OF_CENTRAL_DIRECTORY) return offset;
  }
  return -1;
}

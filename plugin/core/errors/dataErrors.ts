import { sentence } from './sentence';
import { TalkingPortraitError } from './TalkingPortraitError';

/** No face was found in an image meant to become a portrait. */
export class NoFaceError extends TalkingPortraitError {
  override name = 'NoFaceError';
  /** What the image was, e.g. "HTMLImageElement hero.png (512×512)". */
  readonly image: string;

  constructor(image: string, options?: ErrorOptions) {
    super(
      `No face was found in ${image}. Use an image with one face seen roughly from the front, ` +
        'at least a fifth of the image tall and not cut off by the border.',
      options,
    );
    this.image = image;
  }
}

export interface ModelLoadErrorOptions extends ErrorOptions {
  /** Where the model came from: a URL, a path or a description. */
  source: string;
}

/** A model file is missing, corrupt or not the model expected. `detail` says what was wrong. */
export class ModelLoadError extends TalkingPortraitError {
  override name = 'ModelLoadError';
  readonly source: string;

  constructor(detail: string, options: ModelLoadErrorOptions) {
    super(`${sentence(detail)} Check that ${options.source} is the model the plugin expects and that the file is complete.`, options);
    this.source = options.source;
  }
}

/** A serialized rig is corrupt or from an incompatible version. */
export class RigFormatError extends TalkingPortraitError {
  override name = 'RigFormatError';

  constructor(detail: string, options?: ErrorOptions) {
    super(`The saved rig cannot be read: ${sentence(detail)} Rebake it from the portrait with this version of the plugin.`, options);
  }
}

/** A recorded motion clip is corrupt or from an incompatible version. */
export class ClipFormatError extends TalkingPortraitError {
  override name = 'ClipFormatError';

  constructor(detail: string, options?: ErrorOptions) {
    super(`The motion clip cannot be read: ${sentence(detail)} Re-export the clip with this version of the plugin.`, options);
  }
}

/** A motion frame from the network could not be decoded; the frame is dropped. */
export class MotionCodecError extends TalkingPortraitError {
  override name = 'MotionCodecError';

  constructor(detail: string, options?: ErrorOptions) {
    super(`A motion frame could not be decoded: ${sentence(detail)} The frame was dropped; check that both ends run the same plugin version.`, options);
  }
}

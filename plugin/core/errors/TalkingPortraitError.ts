/**
 * Base of every error this plugin throws for bad data from the outside world (images, models,
 * files, network frames, cameras, the GPU). Catch this to handle all of them at once.
 * `name` is set per class as a string, so it survives minification.
 */
export class TalkingPortraitError extends Error {
  override name = 'TalkingPortraitError';

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
  }
}

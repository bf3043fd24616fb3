// The error for a portrait image that is not a PNG, JPEG or WebP of an accepted size.
import { TalkingPortraitError } from './TalkingPortraitError';
import { sentence } from './sentence';

/** A portrait image to be sent to other players is malformed, of an unsupported type, too large or too small. */
export class PortraitImageError extends TalkingPortraitError {
  override name = 'PortraitImageError';

  constructor(detail: string, options?: ErrorOptions) {
    super(`The portrait image cannot be sent: ${sentence(detail)} Use a PNG, JPEG or WebP within the room's size limits, or choose a portrait from the game's set.`, options);
  }
}

// Reads a relayed portrait message ([sender id][image bytes]) into a RemotePortrait, checking the image against the limits.
import type { RemotePortrait } from './MotionTransport';
import { PortraitImageError } from '../core/errors/PortraitImageError';
import { checkPortraitImage, type PortraitImageLimits } from './portraitImageLimits';
import { RELAY_SENDER_BYTES } from './relayProtocol';

/** The portrait in `message`, its bytes copied out; undefined when it is not bytes or the image breaks the limits. */
export function readRelayedPortrait(message: unknown, limits: Required<PortraitImageLimits>): RemotePortrait | undefined {
  if (!(message instanceof Uint8Array) || message.length <= RELAY_SENDER_BYTES) return undefined;
  const bytes = message.slice(RELAY_SENDER_BYTES);
  try {
    return { kind: 'image', playerId: message[0], bytes, header: checkPortraitImage(bytes, limits) };
  } catch (error) {
    if (error instanceof PortraitImageError) return undefined;
    throw error;
  }
}

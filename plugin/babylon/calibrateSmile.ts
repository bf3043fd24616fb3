import { detectionFeatures } from '../capture/detectionFeatures';
import type { FaceTracker } from '../capture/FaceTracker';
import { Feature } from '../capture/faceFeatures';
import { capSmileGains } from '../rig/capSmileGains';
import { detectRendered } from './detectTurned';
import { SMILE_RISE_TARGET, SMILE_RISE_TOLERANCE, bestSmileRead, nextSmileGain, type SmileRead } from './smileGainSearch';
import type { TalkingPortrait } from './TalkingPortrait';

/** Gains tried after the authored one. */
const SMILE_ROUNDS = 2;

type Side = 'left' | 'right';
const SIDES: readonly Side[] = ['left', 'right'];
const CORNER: Record<Side, number> = { left: Feature.cornerLeft, right: Feature.cornerRight };

/**
 * The same authored smile raises painted mouth corners by very different amounts to a face
 * detector (babylon/smileGainSearch): a smile too small reads as none, one too large folds the
 * cheek. This finds, with the detector in the loop, the gain on each side's authored smile at
 * which mouthSmile = 1 reads as SMILE_RISE_TARGET, never past where the cheek would tear
 * (rig/capSmileGains), and keeps each side's best read (the authored smile when the detector
 * loses the face). A few renders and detections, once per portrait, at creation or bake time.
 */
export async function calibrateSmile(portrait: TalkingPortrait, tracker: FaceTracker): Promise<void> {
  portrait.controls.reset();
  const neutral = await detectRendered(portrait, tracker);
  const reads: Record<Side, SmileRead[]> = { left: [], right: [] };
  if (neutral) {
    const rest = detectionFeatures(neutral);
    let gains = { left: 1, right: 1 };
    for (let round = 0; round <= SMILE_ROUNDS; round++) {
      portrait.rig.setSmileGains(gains.left, gains.right);
      portrait.controls.reset();
      portrait.controls.set('mouthSmileLeft', 1).set('mouthSmileRight', 1);
      const seen = await detectRendered(portrait, tracker);
      if (!seen) break;
      const heights = detectionFeatures(seen);
      for (const side of SIDES) reads[side].push({ gain: gains[side], read: heights[CORNER[side]] - rest[CORNER[side]] });
      const done = SIDES.every((s) => Math.abs(last(reads[s]).read - SMILE_RISE_TARGET) <= SMILE_RISE_TOLERANCE);
      if (done || round === SMILE_ROUNDS) break;
      portrait.rig.setSmileGains(nextSmileGain(reads.left), nextSmileGain(reads.right));
      capSmileGains(portrait.rig);
      const next = portrait.rig.data.smileGains ?? gains;
      const tried = (side: Side) => reads[side].some((r) => r.gain === next[side]);
      if (tried('left') && tried('right')) break;
      gains = { left: next.left, right: next.right };
    }
  }
  portrait.rig.setSmileGains(bestSmileRead(reads.left)?.gain ?? 1, bestSmileRead(reads.right)?.gain ?? 1);
  portrait.controls.reset();
  portrait.renderNow();
}

const last = <T>(items: readonly T[]): T => items[items.length - 1];


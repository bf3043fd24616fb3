import { landmarksInPixels } from '../capture/FaceDetection';
import type { FaceTracker } from '../capture/FaceTracker';
import { lipsOverOpeningLuma } from '../capture/mouthContrast';
import { detectRenderedFrame } from './detectTurned';
import type { TalkingPortrait } from './TalkingPortrait';

/** Open-teeth shares tried, most teeth first (render/teethShow); the last is the fewest a mouth shows. */
const OPEN_TEETH_SHARES = [1, 0.8, 0.6, 0.45] as const;
/**
 * How much darker than the lips (Rec. 601 luma levels) a fully open mouth's opening must read at
 * the calibration's render size, so that it still does at other sizes. Over the 36 test
 * portraits, the ten it gave fewer teeth read 10.9 to 21.8 levels darker at QUALITY.md's 512-pixel
 * probes (five of them had read lighter than their lips, by up to 10.3).
 */
export const OPENING_DARKER_BY = 6;

/**
 * Teeth are made bright (rig/rigColors), and in a wide-open mouth under dark lips they outshine
 * them: the opening then reads as something lighter than the lips, not as an open mouth (QUALITY.md's
 * jaw probe; 5 of the 36 test portraits, by up to 10 luma levels). This keeps the most teeth at
 * which a fully open jaw's opening, between the lips the detector finds, reads OPENING_DARKER_BY
 * darker than them; else the share that read darkest. Run after calibrateJaw (the opening's size
 * matters); a portrait whose opening already reads that much darker keeps all its teeth after one
 * render and detection. Once per portrait, at creation or bake time; never per frame.
 */
export async function calibrateTeeth(portrait: TalkingPortrait, tracker: FaceTracker): Promise<void> {
  let kept = 1, keptContrast = -Infinity;
  for (const share of OPEN_TEETH_SHARES) {
    portrait.rig.setOpenTeethShare(share);
    portrait.controls.reset();
    portrait.controls.set('jawOpen', 1);
    const found = await detectRenderedFrame(portrait, tracker);
    if (!found) break;
    const contrast = lipsOverOpeningLuma(found.frame, landmarksInPixels(found.seen));
    if (contrast > keptContrast) {
      kept = share;
      keptContrast = contrast;
    }
    if (contrast >= OPENING_DARKER_BY) break;
  }
  portrait.rig.setOpenTeethShare(kept);
  portrait.controls.reset();
  portrait.renderNow();
}

import type { FaceFrame } from './PortraitRigData';
import type { LandmarkPixels } from './landmarkPixels';

const FOREHEAD_TOP = 10;
const CHIN = 152;
/** The head turns about a point this far (face heights) behind the mean depth of the face outline. */
const PIVOT_BEHIND_OUTLINE = 0.1;

/** The face's own axes and unit, from the forehead-to-chin line. */
export function computeFaceFrame(points: LandmarkPixels, outline: readonly number[]): FaceFrame {
  const dx = points.x(FOREHEAD_TOP) - points.x(CHIN);
  const dy = points.y(FOREHEAD_TOP) - points.y(CHIN);
  const faceHeight = Math.hypot(dx, dy);
  let cx = 0, cy = 0, depth = 0;
  for (const i of outline) {
    cx += points.x(i);
    cy += points.y(i);
    depth += points.depth(i);
  }
  const n = outline.length;
  return {
    centerX: cx / n,
    centerY: cy / n,
    pivotDepth: depth / n - PIVOT_BEHIND_OUTLINE * faceHeight,
    upX: dx / faceHeight,
    upY: dy / faceHeight,
    faceHeight,
  };
}

/** Right (the viewer's right on an upright face) is `up` turned a quarter clockwise on screen. */
export function rightX(frame: FaceFrame): number {
  return -frame.upY;
}

export function rightY(frame: FaceFrame): number {
  return frame.upX;
}

// The studio portrait looks at the mouse: the pointer's place over the page becomes a look-at direction (eyes, and the head part of the way) over idle life.
import { lookAtAngles, type LookAngles } from '../../../plugin/index';

/** How far the viewer's eye is in front of the portrait, in portrait widths: about arm's length from a 512 px picture. */
const EYE_DISTANCE = 1.5;
/** The portrait sits at the origin facing the viewer (-z in Babylon's left-handed frame), upright. */
const PORTRAIT_CENTRE = [0, 0, 0] as const;
const PORTRAIT_FORWARD = [0, 0, -1] as const;
const UP = [0, 1, 0] as const;

/**
 * Follows the pointer anywhere over the page; angles are measured from the portrait's centre on the
 * `stage` element. Calls `onLook` with the angles on each move and null when the pointer leaves.
 * Writes the latest yaw and pitch (degrees) as data-look on the stage, for people inspecting it and tests.
 */
export function followPointer(stage: HTMLElement, onLook: (angles: LookAngles | null) => void): () => void {
  const angles: LookAngles = { yaw: 0, pitch: 0 };
  const target = [0, 0, -EYE_DISTANCE];
  const move = (event: PointerEvent) => {
    const box = stage.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return;
    target[0] = (event.clientX - (box.left + box.width / 2)) / box.width;
    target[1] = -(event.clientY - (box.top + box.height / 2)) / box.width;
    lookAtAngles(PORTRAIT_CENTRE, PORTRAIT_FORWARD, UP, target, angles, true);
    stage.dataset.look = `${((angles.yaw * 180) / Math.PI).toFixed(1)} ${((angles.pitch * 180) / Math.PI).toFixed(1)}`;
    onLook(angles);
  };
  const leave = () => {
    delete stage.dataset.look;
    onLook(null);
  };
  window.addEventListener('pointermove', move);
  document.documentElement.addEventListener('pointerleave', leave);
  return () => {
    window.removeEventListener('pointermove', move);
    document.documentElement.removeEventListener('pointerleave', leave);
  };
}

import { describe, expect, it } from 'vitest';
import { irisShift, upAxis } from '../../../plugin/capture/faceFeatures';
import { CHIN, FOREHEAD_TOP, SUBJECT_LEFT_EYE, SUBJECT_LEFT_IRIS } from '../../../plugin/core/landmarkIndices';

const POINTS = 478;

/** A face whose forehead and chin, eye corners and iris sit where given (pixels); every other point at the origin. */
function face(at: Record<number, [number, number]>): Float32Array {
  const p = new Float32Array(POINTS * 3);
  for (const [i, [x, y]] of Object.entries(at)) {
    p[+i * 3] = x;
    p[+i * 3 + 1] = y;
  }
  return p;
}

/** An upright face turned by `angle` (radians, clockwise on screen) about the origin, its iris `shift` px toward the viewer's right in the face's own frame. */
function turned(angle: number, shift: number): Float32Array {
  const c = Math.cos(angle), s = Math.sin(angle);
  const turn = ([x, y]: [number, number]): [number, number] => [x * c - y * s, x * s + y * c];
  return face({
    [FOREHEAD_TOP]: turn([0, -100]),
    [CHIN]: turn([0, 100]),
    [SUBJECT_LEFT_EYE.outerCorner]: turn([60, -20]),
    [SUBJECT_LEFT_EYE.innerCorner]: turn([20, -20]),
    [SUBJECT_LEFT_IRIS.centre]: turn([40 + shift, -20]),
  });
}

describe('irisShift (QUALITY.md\'s gaze figure)', () => {
  it('counts an iris moved toward the viewer\'s right in the neutral eye\'s widths, upright or rolled', () => {
    for (const angle of [0, 0.35, -0.5]) {
      expect(irisShift(turned(angle, 0), turned(angle, 10), SUBJECT_LEFT_IRIS, SUBJECT_LEFT_EYE)).toBeCloseTo(0.25, 5);
      expect(irisShift(turned(angle, 0), turned(angle, -8), SUBJECT_LEFT_IRIS, SUBJECT_LEFT_EYE)).toBeCloseTo(-0.2, 5);
    }
  });

  it('ignores an iris moved along the face\'s up', () => {
    const neutral = turned(0.3, 0);
    const raised = Float32Array.from(neutral);
    const [ux, uy] = upAxis(neutral);
    raised[SUBJECT_LEFT_IRIS.centre * 3] += 12 * ux;
    raised[SUBJECT_LEFT_IRIS.centre * 3 + 1] += 12 * uy;
    expect(irisShift(neutral, raised, SUBJECT_LEFT_IRIS, SUBJECT_LEFT_EYE)).toBeCloseTo(0, 6);
  });
});

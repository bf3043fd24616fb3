import { describe, expect, it } from 'vitest';
import { buildPortraitRig } from '../../../plugin/rig';
import { EYE_HEIGHT_SHADE_OFFSET } from '../../../plugin/rig/eyeLayers';
import { RigLayer, SHADE_STRIDE } from '../../../plugin/rig/PortraitRigData';
import { faceFixtures, flatLandmarks } from './rigFixtures';

describe('the eye back\'s heights in the eye (the lid shadow on eye white painted behind a look)', () => {
  it.each(faceFixtures().slice(0, 4).map((f) => [f.portrait, f] as const))('%s: 1 at the upper lid\'s top, negative along the lower lid', (_name, fixture) => {
    const rig = buildPortraitRig({ landmarks: flatLandmarks(fixture), imageWidth: fixture.width, imageHeight: fixture.height });
    for (const side of [0, 1]) {
      // The centre and the outline's copy carry an edge weight of 1; the grown ring 0.
      const onOutline: { y: number; height: number }[] = [];
      for (let v = 0; v < rig.rest.length / 3; v++) {
        const at = v * SHADE_STRIDE;
        if (rig.shade[at] !== RigLayer.EyeBack || rig.shade[at + 3] !== side || rig.shade[at + 1] !== 1) continue;
        onOutline.push({ y: rig.rest[v * 3 + 1], height: rig.shade[at + EYE_HEIGHT_SHADE_OFFSET] });
      }
      expect(onOutline.length).toBe(17);
      const heights = onOutline.map((p) => p.height);
      expect(Math.max(...heights)).toBeCloseTo(1, 6);
      expect(Math.min(...heights)).toBeLessThan(-0.3);
      // Image y grows down: the highest in the eye lies highest in the image.
      const top = onOutline.reduce((a, b) => (b.height > a.height ? b : a));
      const bottom = onOutline.reduce((a, b) => (b.height < a.height ? b : a));
      expect(top.y).toBeLessThan(bottom.y);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { FaceControls } from '../../../plugin/core/FaceControls';
import { PortraitRig, buildPortraitRig } from '../../../plugin/rig';
import { capSmileGains } from '../../../plugin/rig/capSmileGains';
import { MeshTearingCheck } from '../../../tools/eval/meshTearing';
import { faceFixtures, flatLandmarks } from './rigFixtures';

const rigOf = (name: RegExp) => {
  const fixture = faceFixtures().find((f) => name.test(f.portrait))!;
  return new PortraitRig(buildPortraitRig({ landmarks: flatLandmarks(fixture), imageWidth: fixture.width, imageHeight: fixture.height }));
};

function posed(rig: PortraitRig, smile: number): Float32Array {
  const out = new Float32Array(rig.positionsLength);
  rig.deform(new FaceControls().set('mouthSmileLeft', smile).set('mouthSmileRight', smile), out);
  return out;
}

describe('capSmileGains', () => {
  it('lowers gains whose full smile would tear the cheek, down to a smile that tears no more than the authored one', () => {
    // The authored smile squeezes one cheek triangle to 0.22 of its area already; more folds it.
    const rig = rigOf(/flare-female07/);
    const check = new MeshTearingCheck(rig.data);
    const rest = posed(rig, 0);
    const authored = check.measure(rest, posed(rig, 1));
    rig.setSmileGains(1.5, 1.5);
    const wanted = check.measure(rest, posed(rig, 1));
    expect(wanted.foldOvers + wanted.overStretched).toBeGreaterThan(authored.foldOvers + authored.overStretched);
    capSmileGains(rig);
    const { left, right } = rig.data.smileGains!;
    expect(Math.max(left, right)).toBeLessThan(1.5);
    expect(Math.min(left, right)).toBeGreaterThanOrEqual(1);
    const capped = check.measure(rest, posed(rig, 1));
    expect(capped.foldOvers).toBeLessThanOrEqual(authored.foldOvers);
    expect(capped.overStretched).toBeLessThanOrEqual(authored.overStretched);
  });

  it('keeps gains where the cheek has room, and never touches a gain at or below 1', () => {
    const roomy = rigOf(/flare-female03/);
    roomy.setSmileGains(1.2, 0.8);
    capSmileGains(roomy);
    expect(roomy.data.smileGains).toEqual({ left: 1.2, right: 0.8 });
    const tight = rigOf(/flare-female07/);
    tight.setSmileGains(0.7, 1.5);
    capSmileGains(tight);
    expect(tight.data.smileGains!.left).toBe(0.7);
    expect(tight.data.smileGains!.right).toBeLessThan(1.5);
  });
});

import { describe, expect, it } from 'vitest';
import { LandmarkTransfer } from '../../../plugin/capture/LandmarkTransfer';
import { FaceControls } from '../../../plugin/core/FaceControls';
import { LIPS } from '../../../plugin/core/landmarkIndices';
import { buildPortraitRig, PortraitRig } from '../../../plugin/rig';
import { LandmarkDrivenRig } from '../../../plugin/rig/LandmarkDrivenRig';
import { RigLayer } from '../../../plugin/rig/PortraitRigData';
import { MeshTearingCheck } from '../../../tools/eval/meshTearing';
import { recordedDetections, ry, turnedRigidly } from '../capture/detectionFixtures';
import { jawDropped, LOWER_LIP_MIDDLE } from '../capture/performerEdits';

const all = recordedDetections();
const humans = all.filter((r) => !/cat|dog|goblin/.test(r.portrait));
const performer = all.find((r) => r.portrait.startsWith('flare-male01'))!.detection;
const DEG = Math.PI / 180;
/** A moderate jaw drop: an eighth of the performer's face height (about 20 px on the 512-px recording). */
const MODERATE_DROP_PX = 20;

function driven(portrait: typeof performer) {
  const rig = new PortraitRig(buildPortraitRig({ landmarks: portrait.landmarks, imageWidth: portrait.imageWidth, imageHeight: portrait.imageHeight }));
  const transfer = new LandmarkTransfer();
  transfer.setPortrait(portrait);
  transfer.setNeutral(performer);
  return { rig, transfer, drivenRig: new LandmarkDrivenRig(rig) };
}

function pose(setup: ReturnType<typeof driven>, frame: typeof performer): Float32Array {
  const offsets = new Float32Array(956), head = new FaceControls(), out = new Float32Array(setup.drivenRig.positionsLength);
  setup.transfer.transfer(frame, offsets, head);
  setup.drivenRig.deform(offsets, head, out);
  return out;
}

function restOf(rig: PortraitRig): Float32Array {
  const out = new Float32Array(rig.positionsLength);
  rig.deform(new FaceControls(), out);
  return out;
}

describe('LandmarkDrivenRig', () => {
  it.each(humans.slice(0, 6).map((r) => [r.portrait, r.detection] as const))('is the rest pose exactly with no offsets on %s', (_name, portrait) => {
    const { rig, drivenRig } = driven(portrait);
    const out = new Float32Array(rig.positionsLength);
    drivenRig.deform(new Float32Array(956), new FaceControls(), out);
    expect(out).toEqual(restOf(rig));
  });

  it('poses the rest for the performer\'s own neutral, up to the rounding of the head transform', () => {
    const setup = driven(all.find((r) => r.portrait.startsWith('astronaut'))!.detection);
    const rest = restOf(setup.rig), posed = pose(setup, performer);
    let worst = 0;
    for (let i = 0; i < rest.length; i++) worst = Math.max(worst, Math.abs(rest[i] - posed[i]));
    expect(worst).toBeLessThan(1e-5);
  });

  it('opens the portrait\'s mouth when the performer drops their jaw, and the mouth interior follows', () => {
    const portrait = all.find((r) => r.portrait.startsWith('astronaut'))!.detection;
    const setup = driven(portrait);
    const rest = restOf(setup.rig), posed = pose(setup, jawDropped(performer, MODERATE_DROP_PX));
    const h = portrait.imageHeight;
    const lipDrop = (posed[LOWER_LIP_MIDDLE * 3 + 1] - rest[LOWER_LIP_MIDDLE * 3 + 1]) * h;
    const upper = LIPS.outer.upper[(LIPS.outer.upper.length - 1) / 2];
    expect(lipDrop).toBeGreaterThan(5);
    expect(Math.abs(posed[upper * 3 + 1] - rest[upper * 3 + 1]) * h).toBeLessThan(0.5);
    const { shade } = setup.rig.data;
    let interiorMoved = 0;
    for (let v = 0; v < setup.rig.vertexCount; v++) {
      if (shade[v * 4] === RigLayer.MouthInterior && (posed[v * 3 + 1] - rest[v * 3 + 1]) * h > 1) interiorMoved++;
    }
    expect(interiorMoved).toBeGreaterThan(0);
  });

  it('keeps the image border still and moves the iris disks with the iris', () => {
    const setup = driven(all.find((r) => r.portrait.startsWith('flare-female01'))!.detection);
    const offsets = new Float32Array(956);
    offsets[468 * 2] = 3; // subject right iris centre, 3 px right
    const out = new Float32Array(setup.rig.positionsLength), rest = restOf(setup.rig);
    setup.drivenRig.deform(offsets, new FaceControls(), out);
    const { shade, headWeight, imageWidth } = setup.rig.data;
    for (let v = 478; v < setup.rig.vertexCount; v++) {
      const moved = (out[v * 3] - rest[v * 3]) * imageWidth;
      if (shade[v * 4] === RigLayer.Iris && shade[v * 4 + 3] === 0) expect(moved).toBeCloseTo(3, 3);
      if (headWeight[v] === 0) expect(moved).toBe(0);
    }
  });

  it.each(humans.map((r) => [r.portrait, r.detection] as const))('folds no face triangle for a moderate jaw drop and head turn on %s', (_name, portrait) => {
    const setup = driven(portrait);
    const check = new MeshTearingCheck(setup.rig.data);
    const rest = restOf(setup.rig);
    expect(check.measure(rest, pose(setup, jawDropped(performer, MODERATE_DROP_PX))).foldOvers, 'jaw').toBe(0);
    expect(check.measure(rest, pose(setup, turnedRigidly(performer, ry(15 * DEG)))).foldOvers, 'turn').toBe(0);
  });

  it('refuses offsets of the wrong length', () => {
    const { drivenRig } = driven(performer);
    expect(() => drivenRig.deform(new Float32Array(3), new FaceControls(), new Float32Array(drivenRig.positionsLength))).toThrow(/956/);
    expect(() => new LandmarkDrivenRig({} as PortraitRig)).toThrow(TypeError);
  });
});

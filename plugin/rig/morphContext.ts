import { insidePolygon, type Polygon2 } from '../core/polygon';
import type { EyeOutline } from '../core/landmarkTypes';
import type { FaceFrame } from './PortraitRigData';
import type { RigMeshBuilder } from './RigMeshBuilder';
import { rightX, rightY } from './faceFrame';

/** Geometry the morph authors need, in pixels, with face-unit helpers. */
export class MorphContext {
  constructor(
    readonly mesh: RigMeshBuilder,
    readonly frame: FaceFrame,
  ) {}

  get faceHeight(): number {
    return this.frame.faceHeight;
  }

  /** A displacement given in face heights along the face's own right and up. */
  face(right: number, up: number, toward = 0): [number, number, number] {
    const h = this.frame.faceHeight;
    return [
      h * (right * rightX(this.frame) + up * this.frame.upX),
      h * (right * rightY(this.frame) + up * this.frame.upY),
      h * toward,
    ];
  }

  /** From vertex a to vertex b, times k. */
  between(a: number, b: number, k: number): [number, number, number] {
    const m = this.mesh;
    return [(m.x(b) - m.x(a)) * k, (m.y(b) - m.y(a)) * k, (m.depth(b) - m.depth(a)) * k];
  }

  /** Signed distance of a vertex along the face's right from a point, in face heights. */
  lateral(vertex: number, fromX: number, fromY: number): number {
    const dx = this.mesh.x(vertex) - fromX, dy = this.mesh.y(vertex) - fromY;
    return (dx * rightX(this.frame) + dy * rightY(this.frame)) / this.frame.faceHeight;
  }

  /** Signed distance of a vertex along the face's up from a point, in face heights. */
  height(vertex: number, fromX: number, fromY: number): number {
    const dx = this.mesh.x(vertex) - fromX, dy = this.mesh.y(vertex) - fromY;
    return (dx * this.frame.upX + dy * this.frame.upY) / this.frame.faceHeight;
  }

  eyeWidth(eye: EyeOutline): number {
    const m = this.mesh;
    return Math.hypot(m.x(eye.outerCorner) - m.x(eye.innerCorner), m.y(eye.outerCorner) - m.y(eye.innerCorner));
  }

  /** Landmark vertices inside a closed loop of vertices, or on it (at rest). */
  within(loop: readonly number[], candidates: number): number[] {
    const m = this.mesh;
    const on = new Set(loop);
    const polygon: Polygon2 = loop.map((v) => [m.x(v), m.y(v)] as const);
    const out: number[] = [];
    for (let v = 0; v < candidates; v++) if (on.has(v) || insidePolygon(m.x(v), m.y(v), polygon)) out.push(v);
    return out;
  }

  midpoint(a: number, b: number): [number, number] {
    return [(this.mesh.x(a) + this.mesh.x(b)) / 2, (this.mesh.y(a) + this.mesh.y(b)) / 2];
  }
}

export const scaled = (v: readonly number[], k: number): [number, number, number] => [v[0] * k, v[1] * k, v[2] * k];
export const added = (a: readonly number[], b: readonly number[]): [number, number, number] => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];

import { RigLayer } from './PortraitRigData';

/** Grows a rig's vertex and triangle lists while it is built (build time only, not per frame). */
export class RigMeshBuilder {
  readonly rest: number[] = [];
  readonly shade: number[] = [];
  readonly headWeight: number[] = [];
  readonly indices: number[] = [];

  get vertexCount(): number {
    return this.headWeight.length;
  }

  add(x: number, y: number, depth: number, layer: RigLayer, a = 0, b = 0, side = 0, headWeight = 1): number {
    this.rest.push(x, y, depth);
    this.shade.push(layer, a, b, side);
    this.headWeight.push(headWeight);
    return this.headWeight.length - 1;
  }

  x(i: number): number {
    return this.rest[i * 3];
  }

  y(i: number): number {
    return this.rest[i * 3 + 1];
  }

  depth(i: number): number {
    return this.rest[i * 3 + 2];
  }

  triangle(a: number, b: number, c: number): void {
    this.indices.push(a, b, c);
  }

  /** Triangles between two loops of equal length (closed), as quads split in two. */
  strip(inner: readonly number[], outer: readonly number[], closed: boolean): void {
    const n = inner.length;
    const last = closed ? n : n - 1;
    for (let i = 0; i < last; i++) {
      const j = (i + 1) % n;
      this.triangle(inner[i], outer[i], outer[j]);
      this.triangle(inner[i], outer[j], inner[j]);
    }
  }

  /** Triangles from a centre to a closed loop. */
  fan(center: number, loop: readonly number[]): void {
    for (let i = 0; i < loop.length; i++) this.triangle(center, loop[i], loop[(i + 1) % loop.length]);
  }
}

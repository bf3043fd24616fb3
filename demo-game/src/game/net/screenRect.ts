// Where a mesh lies on the page, in CSS pixels, for the HUD (and tests that look at it): not per frame.
import { Matrix, Vector3 } from '@babylonjs/core/Maths/math.vector.js';
import type { AbstractMesh } from '@babylonjs/core/Meshes/abstractMesh.js';
import type { Scene } from '@babylonjs/core/scene.js';

const corner = new Vector3();
const projected = new Vector3();

/** The mesh's bounding box projected on the canvas, "left top width height" in CSS pixels; '' when not wholly in front of the camera. */
export function screenRect(scene: Scene, mesh: AbstractMesh): string {
  const camera = scene.activeCamera;
  const engine = scene.getEngine();
  const canvas = engine.getRenderingCanvas();
  if (!camera || !canvas || !camera.isInFrustum(mesh)) return '';
  const viewport = camera.viewport.toGlobal(engine.getRenderWidth(), engine.getRenderHeight());
  const transform = scene.getTransformMatrix();
  let left = Infinity, top = Infinity, right = -Infinity, bottom = -Infinity;
  for (const point of mesh.getBoundingInfo().boundingBox.vectorsWorld) {
    corner.copyFrom(point);
    Vector3.ProjectToRef(corner, Matrix.IdentityReadOnly, transform, viewport, projected);
    if (projected.z < 0 || projected.z > 1) return '';
    left = Math.min(left, projected.x);
    right = Math.max(right, projected.x);
    top = Math.min(top, projected.y);
    bottom = Math.max(bottom, projected.y);
  }
  const css = canvas.clientWidth / engine.getRenderWidth();
  return [left, top, right - left, bottom - top].map((value) => Math.round(value * css)).join(' ');
}

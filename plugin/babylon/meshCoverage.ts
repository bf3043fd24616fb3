// How much of the screen a mesh covers, and whether it is on screen at all: the scheduler's size and visibility inputs.
import type { AbstractMesh } from '@babylonjs/core/Meshes/abstractMesh.js';
import type { Scene } from '@babylonjs/core/scene.js';
import type { ScheduledPortrait } from '../budget/ScheduledPortrait';

/** Corners of a bounding box. */
const CORNERS = 8;
/** Normalized device coordinates span [-1, 1]: an extent of 2 per axis, 4 in area. */
const NDC_AREA = 4;

/**
 * Measures `mesh` as the scene's active camera sees it (world matrices as of the last render) into the
 * portrait's schedule: `visible` when enabled, visible and inside the camera's frustum; while visible,
 * `screenShare` the area of its projected bounding box clipped to the screen, as a fraction of the screen
 * (1 when a corner is behind the camera, i.e. the mesh is in the viewer's face). Allocates nothing.
 */
export function applyMeshCoverage(mesh: AbstractMesh, scene: Scene, schedule: ScheduledPortrait): void {
  const camera = scene.activeCamera;
  if (!camera || mesh.isDisposed() || !mesh.isEnabled() || !mesh.isVisible || !camera.isInFrustum(mesh)) {
    schedule.visible = false;
    return;
  }
  schedule.visible = true;
  const m = scene.getTransformMatrix().m;
  const corners = mesh.getBoundingInfo().boundingBox.vectorsWorld;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < CORNERS; i++) {
    const c = corners[i];
    const w = c.x * m[3] + c.y * m[7] + c.z * m[11] + m[15];
    if (w <= 0) {
      schedule.screenShare = 1;
      return;
    }
    const x = (c.x * m[0] + c.y * m[4] + c.z * m[8] + m[12]) / w;
    const y = (c.x * m[1] + c.y * m[5] + c.z * m[9] + m[13]) / w;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  const width = Math.min(maxX, 1) - Math.max(minX, -1);
  const height = Math.min(maxY, 1) - Math.max(minY, -1);
  // Math.max rather than a ternary with 0: V8 boxes a double joined with a constant, an allocation per frame.
  // Written past the checking setter for the same reason; clipped to the screen, it is finite and within [0, 1].
  schedule._screenShare = Math.min(1, Math.max(0, width) * Math.max(0, height) / NDC_AREA);
}

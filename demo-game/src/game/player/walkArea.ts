// Where the player may stand: inside the courtyard wall, outside the fountain and the paintings' stands. Pure math.

/** A round obstacle on the ground. */
export interface GroundCircle {
  readonly x: number;
  readonly z: number;
  readonly radius: number;
}

/** A point on the ground, moved in place. */
export interface GroundPoint {
  x: number;
  z: number;
}

/** How close the player's centre may come to anything: half a body's width, metres. */
export const PLAYER_RADIUS = 0.35;

/** The walkable ground: a disc minus round obstacles. */
export class WalkArea {
  private readonly _boundary: number;
  private readonly _obstacles: readonly GroundCircle[];

  constructor(boundaryRadius: number, obstacles: readonly GroundCircle[]) {
    if (!(boundaryRadius > PLAYER_RADIUS)) throw new RangeError(`WalkArea: boundaryRadius must exceed ${PLAYER_RADIUS} m, got ${boundaryRadius}.`);
    this._boundary = boundaryRadius - PLAYER_RADIUS;
    this._obstacles = obstacles;
  }

  /** Moves `point` to the nearest place the player may stand (slides along walls instead of stopping). */
  confine(point: GroundPoint): void {
    for (const obstacle of this._obstacles) {
      const dx = point.x - obstacle.x;
      const dz = point.z - obstacle.z;
      const distance = Math.hypot(dx, dz);
      const least = obstacle.radius + PLAYER_RADIUS;
      if (distance >= least) continue;
      // Straight on the centre: push out along +x rather than divide by zero.
      const scale = distance > 0 ? least / distance : 0;
      point.x = distance > 0 ? obstacle.x + dx * scale : obstacle.x + least;
      point.z = distance > 0 ? obstacle.z + dz * scale : obstacle.z;
    }
    const fromCentre = Math.hypot(point.x, point.z);
    if (fromCentre > this._boundary) {
      point.x *= this._boundary / fromCentre;
      point.z *= this._boundary / fromCentre;
    }
  }
}

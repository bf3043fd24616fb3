/** A closed loop of 2-D points (pixels or any plane units); the last joins the first. */
export type Polygon2 = readonly (readonly [number, number])[];

/** Whether (x, y) lies inside the loop, by the even-odd rule. */
export function insidePolygon(x: number, y: number, polygon: Polygon2): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i];
    const [xj, yj] = polygon[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

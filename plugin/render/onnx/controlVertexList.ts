// Parses a model's list of control vertices ("0-477,500,510-589") into rig vertex indices.

const RANGE = /^(\d+)(?:-(\d+))?$/;

/** The indices the list names, in order; throws RangeError naming the bad entry. */
export function parseControlVertexList(text: string): number[] {
  const out: number[] = [];
  for (const part of text.split(',')) {
    const match = RANGE.exec(part.trim());
    if (!match) throw new RangeError(`"${part.trim()}" is not an index or a range like 0-477`);
    const first = Number(match[1]);
    const last = match[2] === undefined ? first : Number(match[2]);
    if (last < first) throw new RangeError(`the range ${first}-${last} runs backwards`);
    for (let i = first; i <= last; i++) out.push(i);
  }
  return out;
}

// Reads onnxruntime's verbose session log for where each node was placed: "All nodes placed
// on [WebGpuExecutionProvider]", or per provider " Node(s) placed on [X]" then "  Op (name)".

/** Nodes placed on a provider other than the wanted one, as "Op (name)"; null if the log says nothing about placement. */
export function nodesPlacedElsewhere(log: string, wanted: string): string[] | null {
  const all = /All nodes placed on \[(\w+)\]/.exec(log);
  if (all) return all[1] === wanted ? [] : [`every node (on ${all[1]})`];
  const lines = log.split('\n');
  const elsewhere: string[] = [];
  let provider: string | null = null;
  let seen = false;
  for (const line of lines) {
    const header = /Node\(s\) placed on \[(\w+)\]/.exec(line);
    if (header) {
      provider = header[1];
      seen = true;
      continue;
    }
    const node = /^\s+(\S+ \(.*\))\s*$/.exec(line);
    if (node && provider && provider !== wanted) elsewhere.push(`${node[1]} on ${provider}`);
    else if (!node) provider = null;
  }
  return seen ? elsewhere : null;
}

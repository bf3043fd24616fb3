// Names what a wrongly-typed argument was, for misuse messages (called only when about to throw).

/** "null", "undefined", "number", or the class name of an object ("ArrayBuffer"). */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value;
  const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === 'string' ? name : 'object';
}

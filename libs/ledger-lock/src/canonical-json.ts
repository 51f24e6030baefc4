/**
 * The one serialisation the seal hashes: object keys sorted recursively (by UTF-16 code units), no
 * whitespace, `undefined` members dropped as JSON.stringify does. PostgreSQL jsonb reorders keys, so
 * sorting is what makes a payload read back from the journal hash to the same digest it was sealed with.
 * Numbers must be finite; money and quantities belong in payloads as decimal strings (jsonb would
 * otherwise be free to print them differently).
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} is not a JSON number`);
      return JSON.stringify(value);
    case 'object':
      if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
      return canonicalObject(value as Record<string, unknown>);
    default:
      throw new TypeError(`canonicalJson: a ${typeof value} cannot be sealed`);
  }
}

function canonicalObject(object: Record<string, unknown>): string {
  if (object instanceof Date) throw new TypeError('canonicalJson: give dates as ISO strings');
  const members = Object.keys(object)
    .filter((key) => object[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key])}`);
  return `{${members.join(',')}}`;
}

/**
 * Path of the first place two JSON values differ ("customer.name", "lines[2].unitPrice"), in key order
 * then index order; null when they are equal. '' names the root itself.
 */
export function firstDifference(sealed: unknown, current: unknown, path = ''): string | null {
  if (Array.isArray(sealed) && Array.isArray(current)) {
    for (let i = 0; i < Math.max(sealed.length, current.length); i++) {
      if (i >= sealed.length || i >= current.length) return `${path}[${i}]`;
      const found = firstDifference(sealed[i], current[i], `${path}[${i}]`);
      if (found !== null) return found;
    }
    return null;
  }
  if (isObject(sealed) && isObject(current)) {
    for (const key of [...new Set([...Object.keys(sealed), ...Object.keys(current)])].sort()) {
      const child = path ? `${path}.${key}` : key;
      if (!(key in sealed) || !(key in current)) return child;
      const found = firstDifference(sealed[key], current[key], child);
      if (found !== null) return found;
    }
    return null;
  }
  return sealed === current ? null : path;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Canonical decimal string with exactly `scale` decimals, rounded half away from zero. */
export function formatAmount(_value: string, _scale: 2 | 4): string {
  throw new Error('not implemented');
}

import { createHash } from 'node:crypto';
import { ChainVerifier, StoredEntry } from './chain-verifier';
import { chainLinks, entryHash, genesisHash } from './seal-chain';
import { firstDifference } from './first-difference';

const KEY = 'k'.repeat(40);
const COMPANY = '01934567-89ab-7cde-8f01-23456789abcd';

function chain(count: number): StoredEntry[] {
  const entries = Array.from({ length: count }, (_, i) => ({
    kind: 'invoice',
    recordType: 'invoice',
    recordId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    recordDate: '2026-03-14',
    payload: { number: `FA2026-${String(i + 1).padStart(5, '0')}`, totals: { net: '100.00', gross: '120.00' } },
  }));
  return chainLinks(KEY, { lastSeq: 0, lastHash: genesisHash(KEY, COMPANY) }, entries).map((l, i) => ({ ...l, id: `id-${i}` }));
}

function verify(entries: StoredEntry[], head = { lastSeq: entries.length, lastHash: entries[entries.length - 1]?.hash ?? '' }) {
  const verifier = new ChainVerifier(KEY, COMPANY);
  for (const entry of entries) {
    const found = verifier.check(entry);
    if (found) return { seq: entry.seq, reason: found.reason };
  }
  const found = verifier.checkHead(head);
  return found ? { seq: null, reason: found.reason } : null;
}

describe('hash chain', () => {
  it('hashes every covered field: changing any one changes the hash', () => {
    const link = { prevHash: '0'.repeat(64), seq: 1, kind: 'invoice', recordType: 'invoice', recordId: 'r', recordDate: '2026-03-14', payload: { a: '1' } };
    const base = entryHash(KEY, link);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    for (const change of [{ prevHash: '1'.repeat(64) }, { seq: 2 }, { kind: 'deposit' }, { recordType: 'x' }, { recordId: 's' }, { recordDate: '2026-03-15' }, { payload: { a: '2' } }]) {
      expect(entryHash(KEY, { ...link, ...change })).not.toBe(base);
    }
    expect(entryHash('other'.repeat(8), link)).not.toBe(base);
    expect(entryHash(KEY, { ...link, payload: { a: '1' } })).toBe(base);
  });

  it('starts each company chain from its own genesis', () => {
    expect(genesisHash(KEY, COMPANY)).not.toBe(genesisHash(KEY, '01934567-89ab-7cde-8f01-23456789abce'));
  });

  it('verifies an intact chain, and the head', () => {
    expect(verify(chain(5))).toBeNull();
    expect(verify([], { lastSeq: 0, lastHash: genesisHash(KEY, COMPANY) })).toBeNull();
  });

  it('names the first broken entry and why', () => {
    const edited = chain(5);
    edited[2] = { ...edited[2]!, payload: { ...edited[2]!.payload, totals: { net: '1.00', gross: '120.00' } } };
    expect(verify(edited)).toEqual({ seq: 3, reason: 'hash_mismatch' });

    const gap = chain(5);
    expect(verify([...gap.slice(0, 2), ...gap.slice(3)], { lastSeq: 5, lastHash: gap[4]!.hash })).toEqual({ seq: 4, reason: 'sequence_gap' });
    expect(verify(gap.slice(0, 4), { lastSeq: 5, lastHash: gap[4]!.hash })).toEqual({ seq: null, reason: 'head_mismatch' });

    const relinked = chain(5);
    relinked[3] = { ...relinked[3]!, prevHash: 'f'.repeat(64) };
    expect(verify(relinked)).toEqual({ seq: 4, reason: 'prev_hash_mismatch' });

    // Rewritten with plain SHA-256 from entry 2 on, every later link recomputed: still caught at entry 2.
    const rewritten = chain(5);
    for (let i = 1; i < rewritten.length; i++) {
      const e = rewritten[i]!;
      e.prevHash = rewritten[i - 1]!.hash;
      e.hash = createHash('sha256').update([e.prevHash, e.seq, e.kind, e.recordType, e.recordId, e.recordDate, JSON.stringify(e.payload)].join('\n')).digest('hex');
    }
    expect(verify(rewritten, { lastSeq: 5, lastHash: rewritten[4]!.hash })).toEqual({ seq: 2, reason: 'hash_mismatch' });
  });
});

describe('firstDifference', () => {
  it('names the path of the first differing field', () => {
    expect(firstDifference({ a: 1, b: { c: 'x' } }, { a: 1, b: { c: 'x' } })).toBeNull();
    expect(firstDifference({ customer: { name: 'A' }, number: '1' }, { customer: { name: 'B' }, number: '2' })).toBe('customer.name');
    expect(firstDifference({ lines: [{ q: '1' }, { q: '2' }] }, { lines: [{ q: '1' }, { q: '3' }] })).toBe('lines[1].q');
    expect(firstDifference({ lines: [1] }, { lines: [1, 2] })).toBe('lines[1]');
    expect(firstDifference({ a: 1 }, { a: 1, b: 2 })).toBe('b');
  });
});

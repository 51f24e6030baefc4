import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig } from '@comptoir/platform/config';
import { NotFoundError, ValidationFailedError } from '@comptoir/platform/kernel';
import { FileConflictError, FileStore } from './file-store';

describe('FileStore', () => {
  let root: string;
  let store: FileStore;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'comptoir-file-store-'));
    store = new FileStore(Object.assign(new AppConfig(), { fileStoreDir: root }));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  const pdf = Buffer.from('%PDF-1.7 original');

  it('stores bytes under a nested key and returns their sha256 and size', async () => {
    const stored = await store.put('org1/company1/invoices/FA2026-00001.pdf', pdf, 'application/pdf');
    expect(stored).toEqual({ key: 'org1/company1/invoices/FA2026-00001.pdf', sha256: createHash('sha256').update(pdf).digest('hex'), size: pdf.length });
    expect(await store.get('org1/company1/invoices/FA2026-00001.pdf')).toEqual(pdf);
    expect(await store.exists('org1/company1/invoices/FA2026-00001.pdf')).toBe(true);
    expect((await stat(join(root, 'org1/company1/invoices/FA2026-00001.pdf'))).size).toBe(pdf.length);
  });

  it('accepts the same bytes again under the same key (idempotent) and leaves no temporary file', async () => {
    const first = await store.put('a/b.pdf', pdf, 'application/pdf');
    await expect(store.put('a/b.pdf', Buffer.from(pdf), 'application/pdf')).resolves.toEqual(first);
    expect(await readdir(join(root, 'a'))).toEqual(['b.pdf']);
  });

  it('refuses different bytes under an existing key and keeps the original', async () => {
    await store.put('a/b.pdf', pdf, 'application/pdf');
    await expect(store.put('a/b.pdf', Buffer.from('%PDF-1.7 forged'), 'application/pdf')).rejects.toMatchObject({ code: 'file_exists', status: 409 });
    expect(await store.get('a/b.pdf')).toEqual(pdf);
    expect(await readdir(join(root, 'a'))).toEqual(['b.pdf']);
  });

  it('lets exactly one of two concurrent writers of different bytes win', async () => {
    const results = await Promise.allSettled([store.put('race.pdf', Buffer.from('one'), 'application/pdf'), store.put('race.pdf', Buffer.from('two'), 'application/pdf')]);
    const [won, lost] = [results.filter((r) => r.status === 'fulfilled'), results.filter((r) => r.status === 'rejected')];
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason).toBeInstanceOf(FileConflictError);
    expect(['one', 'two']).toContain((await store.get('race.pdf')).toString());
    expect(await readdir(root)).toEqual(['race.pdf']);
  });

  it('reports a missing key as not found', async () => {
    expect(await store.exists('nope.pdf')).toBe(false);
    await expect(store.get('nope.pdf')).rejects.toBeInstanceOf(NotFoundError);
  });

  it.each(['../escape.pdf', 'a/../../escape.pdf', '/etc/passwd', 'a//b.pdf', 'a/./b.pdf', 'a\\b.pdf', '', 'trailing/', 'a/b c.pdf'])('rejects the unsafe key %j', async (key) => {
    await expect(store.put(key, pdf, 'application/pdf')).rejects.toBeInstanceOf(ValidationFailedError);
    await expect(store.get(key)).rejects.toBeInstanceOf(ValidationFailedError);
    await expect(store.exists(key)).rejects.toBeInstanceOf(ValidationFailedError);
  });
});

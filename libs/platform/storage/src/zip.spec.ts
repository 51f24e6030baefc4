import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipFiles } from './zip';

describe('zipFiles', () => {
  it('writes archives unzip reads back, byte for byte, and the same bytes every time', async () => {
    const files = [
      { path: 'data.json', bytes: Buffer.from('{"a":"é"}\n') },
      { path: 'originals/pdf/facture.pdf', bytes: Buffer.alloc(70_000, 7) },
      { path: 'empty.txt', bytes: Buffer.alloc(0) },
    ];
    const date = new Date('2026-11-02T08:00:00Z');
    const zip = await zipFiles(files, date);
    expect((await zipFiles(files, date)).equals(zip)).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'zip-'));
    writeFileSync(join(dir, 'a.zip'), zip);
    execFileSync('unzip', ['-tq', join(dir, 'a.zip')]);
    for (const file of files) expect(execFileSync('unzip', ['-p', join(dir, 'a.zip'), file.path]).equals(file.bytes)).toBe(true);
  });
});

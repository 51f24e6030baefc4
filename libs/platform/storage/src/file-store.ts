import { createHash, randomBytes } from 'node:crypto';
import { link, mkdir, open, readFile, stat, unlink } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@comptoir/platform/config';
import { ConflictError, NotFoundError } from '@comptoir/platform/kernel';
import { parseFileKey } from './file-key';

export interface StoredFile {
  key: string;
  sha256: string;
  size: number;
}

/** A key already holds different bytes: stored originals are never overwritten. */
export class FileConflictError extends ConflictError {
  constructor(key: string) {
    super('file_exists', `A different file is already stored under "${key}"`);
  }
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * Write-once local file store (PDF originals, closing archives) rooted at AppConfig.fileStoreDir.
 * A file is written to a temporary name, fsynced, then published with link(2), which fails if the key exists:
 * readers never see a partial file and two concurrent writers cannot both win. The same bytes under the same key
 * is a no-op (retried jobs are idempotent); different bytes is a 409 conflict.
 * The content type is part of the caller's record (e.g. the sealed 'original' entry), not stored beside the file.
 */
@Injectable()
export class FileStore {
  private readonly root: string;

  constructor(config: AppConfig) {
    this.root = resolve(config.fileStoreDir);
  }

  async put(key: string, bytes: Buffer, _contentType: string): Promise<StoredFile> {
    const path = this.pathOf(key);
    const stored: StoredFile = { key, sha256: sha256(bytes), size: bytes.length };
    if (await this.sameAsStored(key, path, stored.sha256)) return stored;
    await mkdir(dirname(path), { recursive: true });
    const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    await writeDurably(temp, bytes);
    try {
      await link(temp, path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // Lost a race against another writer of the same key: fine if it wrote the same bytes.
      if (!(await this.sameAsStored(key, path, stored.sha256))) throw new FileConflictError(key);
    } finally {
      await unlink(temp);
    }
    await fsyncDirectory(dirname(path));
    return stored;
  }

  async get(key: string): Promise<Buffer> {
    try {
      return await readFile(this.pathOf(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new NotFoundError('File');
      throw error;
    }
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(key))).isFile();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  }

  private pathOf(key: string): string {
    return join(this.root, ...parseFileKey(key));
  }

  /** true when the key holds these bytes, false when it is free; throws when it holds other bytes. */
  private async sameAsStored(key: string, path: string, expectedSha256: string): Promise<boolean> {
    let current: Buffer;
    try {
      current = await readFile(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
    if (sha256(current) !== expectedSha256) throw new FileConflictError(key);
    return true;
  }
}

async function writeDurably(path: string, bytes: Buffer): Promise<void> {
  const handle = await open(path, 'wx', 0o640);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes the new directory entry itself durable (a crash right after put must not lose the file). */
async function fsyncDirectory(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

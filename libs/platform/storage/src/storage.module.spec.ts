import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig, ConfigModule } from '@comptoir/platform/config';
import { FileStore } from './file-store';
import { StorageModule } from './storage.module';

describe('StorageModule', () => {
  it('provides FileStore globally, rooted at AppConfig.fileStoreDir', async () => {
    const root = await mkdtemp(join(tmpdir(), 'comptoir-storage-module-'));
    @Module({ imports: [ConfigModule.forRoot(Object.assign(new AppConfig(), { fileStoreDir: root })), StorageModule] })
    class HostModule {}
    const app = await NestFactory.createApplicationContext(HostModule, { logger: false });
    try {
      const store = app.get(FileStore);
      await store.put('k/doc.pdf', Buffer.from('x'), 'application/pdf');
      expect(await new FileStore(Object.assign(new AppConfig(), { fileStoreDir: root })).get('k/doc.pdf')).toEqual(Buffer.from('x'));
    } finally {
      await app.close();
      await rm(root, { recursive: true, force: true });
    }
  });
});

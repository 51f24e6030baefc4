import { Global, Module } from '@nestjs/common';
import { FileStore } from './file-store';

/** Global provider of FileStore (reads AppConfig.fileStoreDir from the global ConfigModule). */
@Global()
@Module({ providers: [FileStore], exports: [FileStore] })
export class StorageModule {}

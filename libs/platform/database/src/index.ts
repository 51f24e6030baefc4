export * from './snake-naming.strategy';
export * from './tenant-owned.entity';
export * from './outbox-event.entity';
export * from './processed-event.entity';
export * from './audit-entry.entity';
export * from './audit-diff';
export * from './tenant-repository';
export * from './tenant-tx';
export * from './tenant-db.service';
export * from './pg-errors';
export * from './data-source';
export * from './database.module';

import { AuditEntryEntity } from './audit-entry.entity';
import { OutboxEventEntity } from './outbox-event.entity';
import { ProcessedEventEntity } from './processed-event.entity';
export const DATABASE_LIB_ENTITIES = [OutboxEventEntity, ProcessedEventEntity, AuditEntryEntity];
export * from './embedded-postgres';

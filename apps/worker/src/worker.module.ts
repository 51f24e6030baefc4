import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, ConfigModule } from '@comptoir/platform/config';
import { DatabaseModule } from '@comptoir/platform/database';
import { RelayOptions, QueueModule } from '@comptoir/platform/queue';
import { NotifyModule } from '@comptoir/platform/notify';
import { loggerModule } from '@comptoir/platform/observability';
import { CrmWorkerModule } from '@comptoir/crm';
import { LedgerLockWorkerModule } from '@comptoir/ledger-lock';
import { BillingWorkerModule } from '@comptoir/billing';
import { BankingWorkerModule } from '@comptoir/banking';
import { EInvoicingWorkerModule } from '@comptoir/einvoicing';
import { StorageModule } from '@comptoir/platform/storage';
import { ENTITIES } from '@comptoir/runtime';

/** Composition root of the worker: the outbox relay, the BullMQ consumers and every module's handlers. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, relay: Partial<RelayOptions> = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        loggerModule(config, 'comptoir-worker'),
        DatabaseModule.forRoot({ entities: ENTITIES, applicationName: 'comptoir-worker', poolSize: 10 }),
        QueueModule.forWorker(relay),
        NotifyModule.forWorker(),
        CrmWorkerModule,
        LedgerLockWorkerModule,
        StorageModule,
        BillingWorkerModule,
        BankingWorkerModule,
        EInvoicingWorkerModule,
      ],
    };
  }
}

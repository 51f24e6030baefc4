import { DynamicModule, Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig, ConfigModule } from '@comptoir/platform/config';
import { DatabaseModule } from '@comptoir/platform/database';
import { QueueModule } from '@comptoir/platform/queue';
import { NotifyModule } from '@comptoir/platform/notify';
import { AuditModule } from '@comptoir/platform/audit';
import { loggerModule, ObservabilityModule } from '@comptoir/platform/observability';
import { OrgModule } from '@comptoir/org';
import { CrmModule } from '@comptoir/crm';
import { CatalogModule } from '@comptoir/catalog';
import { LedgerLockModule } from '@comptoir/ledger-lock';
import { BillingModule } from '@comptoir/billing';
import { BankingModule } from '@comptoir/banking';
import { AccountingModule } from '@comptoir/accounting';
import { EInvoicingModule } from '@comptoir/einvoicing';
import { StorageModule } from '@comptoir/platform/storage';
import { ENTITIES } from '@comptoir/runtime';

/** Composition root of the HTTP API: platform services, then every domain module's HTTP side. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        loggerModule(config),
        DatabaseModule.forRoot({ entities: ENTITIES, applicationName: 'comptoir-api' }),
        QueueModule.forApi(),
        NotifyModule.forApi(),
        ThrottlerModule.forRoot([{ name: 'default', ttl: 60_000, limit: 10 }]),
        ObservabilityModule,
        AuditModule,
        OrgModule,
        CrmModule,
        CatalogModule,
        LedgerLockModule,
        StorageModule,
        BillingModule,
        BankingModule,
        AccountingModule,
        EInvoicingModule,
      ],
    };
  }
}

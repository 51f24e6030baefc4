import { DynamicModule, Global, Module, Type } from '@nestjs/common';
import { NumberingService } from './numbering/numbering.service';
import { PeriodGuard } from './closing/period-guard';
import { SealService } from './seal/seal.service';
import { SEAL_SOURCES, SealSource } from './seal/seal-source';
import { SealSourceRegistry } from './seal/seal-source.registry';

const SERVICES = [NumberingService, SealService, PeriodGuard, SealSourceRegistry];

/** The services other modules call inside their transactions; global so that API and worker share one set. */
@Global()
@Module({
  providers: [...SERVICES, { provide: SEAL_SOURCES, useExisting: SealSourceRegistry }],
  exports: [...SERVICES, SEAL_SOURCES],
})
export class LedgerLockCoreModule {}

/**
 * HTTP side of the ledger: numbering settings, journal, verification, closings.
 *
 * Modules whose records are sealed register their SealSource with
 * `imports: [LedgerLockModule.forSources([InvoiceSealSource])]` (the classes become providers of that
 * module and are registered when it starts).
 */
@Module({ imports: [LedgerLockCoreModule] })
export class LedgerLockModule {
  static forSources(sources: Type<SealSource>[]): DynamicModule {
    const registration = {
      provide: Symbol('SEAL_SOURCE_REGISTRATION'),
      inject: [SealSourceRegistry, ...sources],
      useFactory: (registry: SealSourceRegistry, ...instances: SealSource[]) => instances.forEach((source) => registry.register(source)),
    };
    return { module: LedgerLockSourcesModule, imports: [LedgerLockCoreModule], providers: [...sources, registration], exports: sources };
  }
}

@Module({})
class LedgerLockSourcesModule {}

/** Worker side: the same services (the worker seals stored originals), no controllers. */
@Module({ imports: [LedgerLockCoreModule] })
export class LedgerLockWorkerModule {}

import { DynamicModule, Global, Module, Type } from '@nestjs/common';
import { StorageModule } from '@comptoir/platform/storage';
import { ClosingArchiveService } from './closing/closing-archive.service';
import { ClosingController } from './closing/closing.controller';
import { ClosingSealSource } from './closing/closing-seal-source';
import { ClosingService } from './closing/closing.service';
import { PeriodGuard } from './closing/period-guard';
import { NumberingController } from './numbering/numbering.controller';
import { NumberingService } from './numbering/numbering.service';
import { SequenceService } from './numbering/sequence.service';
import { LedgerController } from './seal/ledger.controller';
import { LedgerVerifier } from './seal/ledger-verifier.service';
import { SealKey } from './seal/seal-key';
import { SEAL_SOURCES, SealSource } from './seal/seal-source';
import { SealSourceRegistry } from './seal/seal-source.registry';
import { SealService } from './seal/seal.service';

const SERVICES = [SealKey, NumberingService, SealService, PeriodGuard, SealSourceRegistry, LedgerVerifier];

/**
 * The services other modules call inside their transactions; global so that the API and the worker
 * each hold one set. SealKey fails the boot when LEDGER_SEAL_KEY is missing.
 */
@Global()
@Module({
  imports: [StorageModule],
  providers: [...SERVICES, ClosingSealSource, { provide: SEAL_SOURCES, useExisting: SealSourceRegistry }],
  exports: [...SERVICES, SEAL_SOURCES],
})
export class LedgerLockCoreModule {}

/**
 * HTTP side of the ledger: numbering settings, journal and verification, closings and archives.
 *
 * A module whose records are sealed registers its SealSource with
 * `imports: [LedgerLockModule.forSources([InvoiceSealSource])]`: the classes become providers of that
 * import (injectable with the caller's module providers they need only if those are global or passed
 * the usual Nest way) and are registered when the application starts. Equivalently, inject
 * SealSourceRegistry (or SEAL_SOURCES) and call `register(this)` in onModuleInit.
 */
@Module({
  imports: [LedgerLockCoreModule],
  controllers: [NumberingController, LedgerController, ClosingController],
  providers: [SequenceService, ClosingService, ClosingArchiveService],
})
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

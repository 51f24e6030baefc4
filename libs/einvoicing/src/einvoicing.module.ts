import { Module } from '@nestjs/common';
import { BillingModule } from '@comptoir/billing';
import { BankingModule } from '@comptoir/banking';
import { EInvoicingSettingsService } from './settings/einvoicing-settings.service';
import { EInvoicingSettingsController } from './settings/einvoicing-settings.controller';
import { PlatformRegistry } from './platform/platform-registry';
import { EInvoiceSnapshotExtension } from './completeness/einvoice-snapshot.extension';

/**
 * E-invoicing for the French reform: the data an e-invoice needs, checked and frozen at validation;
 * CII, UBL and Factur-X originals made by the worker, stored and sealed; their validation against the
 * official schematrons; transmission through an approved platform (EInvoicingPlatform) and its
 * lifecycle statuses; the e-reporting of B2C and international sales.
 */
@Module({
  imports: [BillingModule, BankingModule],
  controllers: [EInvoicingSettingsController],
  providers: [EInvoiceSnapshotExtension, EInvoicingSettingsService, PlatformRegistry],
  exports: [PlatformRegistry],
})
export class EInvoicingModule {}

/** The worker's side: the handlers that make the originals and submit them. */
@Module({
  imports: [BillingModule, BankingModule],
  providers: [],
})
export class EInvoicingWorkerModule {}

import { Module } from '@nestjs/common';
import { BillingModule, BillingWorkerModule } from '@comptoir/billing';
import { BankingModule } from '@comptoir/banking';
import { EInvoicingSettingsService } from './settings/einvoicing-settings.service';
import { EInvoicingSettingsController } from './settings/einvoicing-settings.controller';
import { PlatformRegistry } from './platform/platform-registry';
import { EInvoiceSnapshotExtension } from './completeness/einvoice-snapshot.extension';
import { PLATFORM_CONTROLLERS, PLATFORM_PROVIDERS, PLATFORM_WORKER_PROVIDERS } from './platform/platform.providers';
import { TransmissionService } from './platform/transmission.service';
import { EInvoiceController } from './originals/einvoice.controller';
import { EInvoiceOriginals } from './originals/einvoice-originals.service';
import { EInvoiceOriginalsHandler } from './originals/einvoice-originals.handler';
import { EInvoiceStatusReader } from './originals/einvoice-status.reader';
import { AutoTransmitHandler } from './originals/auto-transmit.handler';
import { EInvoiceCheckController } from './validation/einvoice-check.controller';
import { VALIDATION_PROVIDERS } from './validation/validation.providers';

/**
 * E-invoicing for the French reform: the data an e-invoice needs, checked and frozen at validation;
 * CII, UBL and Factur-X originals made by the worker, stored and sealed; their validation against the
 * official schematrons; transmission through an approved platform (EInvoicingPlatform) and its
 * lifecycle statuses; the e-reporting of B2C and international sales.
 */
@Module({
  imports: [BillingModule, BankingModule],
  controllers: [EInvoiceController, EInvoicingSettingsController, EInvoiceCheckController, ...PLATFORM_CONTROLLERS],
  providers: [EInvoiceSnapshotExtension, EInvoicingSettingsService, EInvoiceOriginals, EInvoiceStatusReader, PlatformRegistry, ...VALIDATION_PROVIDERS, ...PLATFORM_PROVIDERS],
  exports: [EInvoiceOriginals, PlatformRegistry, TransmissionService],
})
export class EInvoicingModule {}

/**
 * The worker's side: the handlers that make the originals and submit them. It imports billing's
 * worker module (the PDF original), not the HTTP modules: their controllers' services need the API's
 * providers (the mailer), which the worker does not have.
 */
@Module({
  imports: [BillingWorkerModule],
  providers: [PlatformRegistry, EInvoiceOriginals, EInvoiceOriginalsHandler, AutoTransmitHandler, ...PLATFORM_WORKER_PROVIDERS],
})
export class EInvoicingWorkerModule {}

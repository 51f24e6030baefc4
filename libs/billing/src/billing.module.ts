import { Module } from '@nestjs/common';
import { CatalogModule } from '@comptoir/catalog';
import { LedgerLockCoreModule, LedgerLockModule } from '@comptoir/ledger-lock';
import { PdfModule } from '@comptoir/platform/pdf';
import { BatchValidationService } from './batch/batch-validation.service';
import { DeliveryNotesController, DocumentMapController, InvoiceBatchController, InvoicesController, OrdersController, QuotesController } from './document/document-controllers';
import { DEPOSIT_CONTROLLERS, DEPOSIT_PROVIDERS } from './deposits/deposits.providers';
import { DocumentDrafting } from './document/document-drafting';
import { DocumentLineFactory } from './document/document-lines';
import { DocumentValidationService } from './document/document-validation.service';
import { SalesDocumentService } from './document/sales-document.service';
import { SnapshotExtensions } from './document/snapshot-extensions';
import { DocumentPdfService } from './pdf/document-pdf.service';
import { DunningPlanner } from './dunning/dunning-planner';
import { DUNNING_CONTROLLERS, DUNNING_PROVIDERS, DUNNING_WORKER_PROVIDERS } from './dunning/dunning.providers';
import { OriginalPdfHandler } from './pdf/original-pdf.handler';
import { PAYMENT_CONTROLLERS, PAYMENT_PROVIDERS, PAYMENT_SEAL_SOURCES } from './payments/payments.providers';
import { CashFlowForecastService } from './receivables/cash-flow/cash-flow-forecast.service';
import { CashFlowSourceRegistry } from './receivables/cash-flow/cash-flow-source.registry';
import { InvoiceCashFlowSource } from './receivables/cash-flow/invoice-cash-flow-source';
import { ReceivablesController } from './receivables/receivables.controller';
import { ReceivablesService } from './receivables/receivables.service';
import { SalesDocumentSealSource } from './seal/sales-document-seal-source';
import { BillingSettingsController } from './settings/billing-settings.controller';
import { BillingSettingsService } from './settings/billing-settings.service';

/**
 * HTTP side of billing: the four document types, batch validation, the document map and settings.
 * Sales documents are registered as a seal source, so that /ledger/verify rechecks them; PDFs render
 * in this process too (drafts on demand, originals when first asked before the worker stored them).
 */
@Module({
  imports: [CatalogModule, PdfModule, LedgerLockModule.forSources([...PAYMENT_SEAL_SOURCES, SalesDocumentSealSource])],
  controllers: [...PAYMENT_CONTROLLERS, InvoiceBatchController, QuotesController, OrdersController, DeliveryNotesController, InvoicesController, DocumentMapController, BillingSettingsController, ...DEPOSIT_CONTROLLERS, ReceivablesController, ...DUNNING_CONTROLLERS],
  providers: [...DEPOSIT_PROVIDERS, ...PAYMENT_PROVIDERS, SalesDocumentService, DocumentDrafting, DocumentLineFactory, SnapshotExtensions, DocumentValidationService, BatchValidationService, BillingSettingsService, DocumentPdfService, ReceivablesService, CashFlowSourceRegistry, CashFlowForecastService, InvoiceCashFlowSource, ...DUNNING_PROVIDERS],
  exports: [...PAYMENT_PROVIDERS, SnapshotExtensions, SalesDocumentService, DocumentValidationService, BatchValidationService, BillingSettingsService, DocumentPdfService, ReceivablesService, CashFlowSourceRegistry, DunningPlanner],
})
export class BillingModule {}

/** Worker side of billing: the job that renders, stores and seals original PDFs; the daily dunning digest. */
@Module({
  imports: [PdfModule, LedgerLockCoreModule],
  providers: [OriginalPdfHandler, DocumentPdfService, BillingSettingsService, ...DUNNING_WORKER_PROVIDERS],
  exports: [DocumentPdfService],
})
export class BillingWorkerModule {}

import { Module } from '@nestjs/common';
import { BillingModule } from '@comptoir/billing';
import { FecExportController } from './export/fec-export.controller';
import { FecExportService } from './export/fec-export.service';
import { AccountingSettingsController } from './settings/accounting-settings.controller';
import { AccountingSettingsService } from './settings/accounting-settings.service';

/**
 * Accounting exports that span modules: the FEC of the sales journal (billing) and the bank journal
 * (payments), with the company's accounting settings (accounts, journals, VAT regime).
 */
@Module({
  imports: [BillingModule],
  controllers: [AccountingSettingsController, FecExportController],
  providers: [AccountingSettingsService, FecExportService],
  exports: [FecExportService],
})
export class AccountingModule {}

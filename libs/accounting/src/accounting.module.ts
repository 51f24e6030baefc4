import { Module } from '@nestjs/common';

/**
 * Accounting exports that span modules: the FEC of the sales journal (billing) and the bank journal
 * (payments), with the company's accounting settings (accounts, journals, VAT regime).
 */
@Module({
  imports: [],
  controllers: [],
  providers: [],
})
export class AccountingModule {}

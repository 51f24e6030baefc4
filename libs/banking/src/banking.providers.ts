import { BankAccountController } from './bank-accounts/bank-account.controller';
import { BankAccountService } from './bank-accounts/bank-account.service';
import { MandateController } from './mandates/mandate.controller';
import { MandateService } from './mandates/mandate.service';
import { SepaBatchController } from './sepa/sepa-batch.controller';
import { SepaBatchQueries } from './sepa/sepa-batch-queries';
import { SepaBatchService } from './sepa/sepa-batch.service';
import { SepaSettlementService } from './sepa/sepa-settlement.service';

/** Bank accounts, mandates and SEPA direct-debit batches (the Stripe side has its own list). */
export const BANKING_CONTROLLERS = [BankAccountController, MandateController, SepaBatchController];
export const BANKING_PROVIDERS = [BankAccountService, MandateService, SepaBatchService, SepaSettlementService, SepaBatchQueries];

export * from './banking.module';
export * from './bank-accounts/bank-account.entity';

import { BankAccountEntity } from './bank-accounts/bank-account.entity';
export const BANKING_ENTITIES = [BankAccountEntity];

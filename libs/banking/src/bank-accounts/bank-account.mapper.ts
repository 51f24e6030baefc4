import { BankAccountEntity } from './bank-account.entity';
import { BankAccountResponseDto } from './bank-account.dto';

export const toBankAccountDto = (b: BankAccountEntity): BankAccountResponseDto => ({
  id: b.id,
  accountId: b.accountId,
  iban: b.iban,
  bic: b.bic,
  holder: b.holder,
  label: b.label,
  isDefault: b.isDefault,
  createdAt: b.createdAt.toISOString(),
  updatedAt: b.updatedAt.toISOString(),
});

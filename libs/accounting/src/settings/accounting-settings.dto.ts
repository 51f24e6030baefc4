import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { IsPercent, OptionalNestedArray, RequiredNested } from '@comptoir/platform/http';
import { VAT_REGIMES, VatRegime } from './accounting-defaults';

/** A French chart-of-accounts number: digits only, so its first three are the PCG class the FEC requires. */
const ACCOUNT = /^[0-9]{3,12}$/;
const ACCOUNT_MESSAGE = 'must be an account number of 3 to 12 digits, e.g. "706000"';
const AccountNumber = (example: string, description?: string) => (target: object, key: string) => {
  ApiProperty({ example, pattern: ACCOUNT.source, ...(description ? { description } : {}) })(target, key);
  IsString()(target, key);
  Matches(ACCOUNT, { message: `${key} ${ACCOUNT_MESSAGE}` })(target, key);
};
const OptionalAccountNumber = (example: string) => (target: object, key: string) => {
  ApiProperty({ example, pattern: ACCOUNT.source, nullable: true, type: String, required: false, description: 'null: the default account' })(target, key);
  IsOptional()(target, key);
  IsString()(target, key);
  Matches(ACCOUNT, { message: `${key} ${ACCOUNT_MESSAGE}` })(target, key);
};

export class JournalDto {
  @ApiProperty({ example: 'VT', pattern: '^[A-Z0-9]{1,10}$', description: 'JournalCode of the FEC' })
  @IsString()
  @Matches(/^[A-Z0-9]{1,10}$/, { message: 'code must be 1 to 10 capital letters or digits' })
  code: string;

  @ApiProperty({ example: 'Ventes', maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  label: string;
}

export class RateAccountsDto {
  @ApiProperty({ example: '20.00', description: 'VAT rate, percent' })
  @IsPercent(2)
  rate: string;

  @OptionalAccountNumber('707200') salesGoods?: string | null;
  @OptionalAccountNumber('706200') salesServices?: string | null;
  @OptionalAccountNumber('445720') vatCollected?: string | null;
}

export class BankAccountCodeDto {
  @ApiProperty({ example: '0190c1a2-3b4c-7d5e-8f60-718293a4b5c6', format: 'uuid', description: "One of the company's own bank accounts" })
  @IsUUID()
  bankAccountId: string;

  @AccountNumber('512100') account: string;
}

export class AccountingSettingsDto {
  @ApiProperty({ enum: VAT_REGIMES, example: 'receipts', description: 'receipts: VAT on services is posted to the pending account and moved when paid; debits: due on invoicing' })
  @IsIn(VAT_REGIMES)
  vatRegime: VatRegime;

  @RequiredNested(JournalDto)
  salesJournal: JournalDto;

  @RequiredNested(JournalDto)
  bankJournal: JournalDto;

  @AccountNumber('411000', 'Customers (each customer as an auxiliary account)') customersAccount: string;
  @AccountNumber('707000', 'Sales of goods') salesGoodsAccount: string;
  @AccountNumber('706000', 'Sales of services (and lines without a product type)') salesServicesAccount: string;
  @AccountNumber('445710', 'VAT collected') vatCollectedAccount: string;
  @AccountNumber('445740', 'VAT pending (VAT on receipts)') vatPendingAccount: string;
  @AccountNumber('419100', 'Deposits received') depositsAccount: string;
  @AccountNumber('512000', 'Bank, for bank accounts without their own account') bankAccount: string;
  @AccountNumber('658000', 'Rounding cents on the debit side') roundingDebitAccount: string;
  @AccountNumber('758000', 'Rounding cents on the credit side') roundingCreditAccount: string;

  @OptionalNestedArray(RateAccountsDto, { max: 20, description: 'Accounts of the VAT rates that differ from the defaults' })
  rateAccounts?: RateAccountsDto[];

  @OptionalNestedArray(BankAccountCodeDto, { max: 50, description: "Accounts of the company's bank accounts that have their own" })
  bankAccounts?: BankAccountCodeDto[];
}

export class AccountingSettingsResponseDto extends AccountingSettingsDto {
  @ApiProperty({ type: [RateAccountsDto], required: true }) declare rateAccounts: RateAccountsDto[];
  @ApiProperty({ type: [BankAccountCodeDto], required: true }) declare bankAccounts: BankAccountCodeDto[];
  @ApiProperty({ example: null, nullable: true, type: String, description: 'null until first changed' }) updatedAt: string | null;
}


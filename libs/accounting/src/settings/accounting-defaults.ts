/** VAT on receipts: VAT on services waits in the pending account until paid. On debits: due on invoicing. */
export const VAT_REGIMES = ['receipts', 'debits'] as const;
export type VatRegime = (typeof VAT_REGIMES)[number];

export interface JournalSetting {
  code: string;
  label: string;
}

/** Accounts of one VAT rate when they differ from the defaults (null: the default). */
export interface RateAccounts {
  /** "20.00" */
  rate: string;
  salesGoods: string | null;
  salesServices: string | null;
  vatCollected: string | null;
}

/** The general-ledger account of one of the company's own bank accounts. */
export interface BankAccountCode {
  bankAccountId: string;
  account: string;
}

/** What the FEC export posts to, per company (DOMAIN §5: "sales and receipt accounts differ per company"). */
export interface AccountingSettings {
  vatRegime: VatRegime;
  salesJournal: JournalSetting;
  bankJournal: JournalSetting;
  customersAccount: string;
  salesGoodsAccount: string;
  salesServicesAccount: string;
  vatCollectedAccount: string;
  vatPendingAccount: string;
  depositsAccount: string;
  bankAccount: string;
  roundingDebitAccount: string;
  roundingCreditAccount: string;
  rateAccounts: RateAccounts[];
  bankAccounts: BankAccountCode[];
  updatedAt: Date | null;
}

/**
 * The French chart of accounts (PCG) defaults: 411 customers, 707 goods, 706 services, 44571 VAT
 * collected, 44574 VAT pending (VAT on receipts), 4191 deposits received, 512 bank, 658/758 rounding.
 * The regime follows the billing setting printed on invoices ("TVA acquittée sur les débits") until
 * the accountant sets it here.
 */
export function defaultAccountingSettings(vatOnDebits: boolean): AccountingSettings {
  return {
    vatRegime: vatOnDebits ? 'debits' : 'receipts',
    salesJournal: { code: 'VT', label: 'Ventes' },
    bankJournal: { code: 'BQ', label: 'Banque' },
    customersAccount: '411000',
    salesGoodsAccount: '707000',
    salesServicesAccount: '706000',
    vatCollectedAccount: '445710',
    vatPendingAccount: '445740',
    depositsAccount: '419100',
    bankAccount: '512000',
    roundingDebitAccount: '658000',
    roundingCreditAccount: '758000',
    rateAccounts: [],
    bankAccounts: [],
    updatedAt: null,
  };
}

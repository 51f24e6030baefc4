import { Dec } from '@comptoir/platform/kernel';
import type { AccountingSettings, VatRegime } from '../settings/accounting-defaults';
import type { LedgerAccount } from './journal-entry';

export type ProductType = 'goods' | 'service';

/**
 * The accounts an export posts to, resolved once from the company's settings: which account a sale,
 * its VAT, a deposit or a bank movement goes to. Labels are fixed per role (CompteLib).
 */
export class AccountPlan {
  private readonly byRate: Map<string, AccountingSettings['rateAccounts'][number]>;
  private readonly banks: Map<string, string>;

  constructor(readonly settings: AccountingSettings) {
    this.byRate = new Map(settings.rateAccounts.map((r) => [rateKey(r.rate), r]));
    this.banks = new Map(settings.bankAccounts.map((b) => [b.bankAccountId, b.account]));
  }

  get vatRegime(): VatRegime {
    return this.settings.vatRegime;
  }

  customers(): LedgerAccount {
    return { num: this.settings.customersAccount, label: 'Clients' };
  }

  /** A product's own sales account (catalog) wins over the company's account for its rate and type. */
  sales(rate: string, type: ProductType | null, productAccount: string | null): LedgerAccount {
    const goods = type === 'goods';
    const num = productAccount ?? (goods ? this.byRate.get(rateKey(rate))?.salesGoods : this.byRate.get(rateKey(rate))?.salesServices) ?? (goods ? this.settings.salesGoodsAccount : this.settings.salesServicesAccount);
    return { num, label: goods ? 'Ventes de marchandises' : 'Prestations de services' };
  }

  vatCollected(rate: string): LedgerAccount {
    return { num: this.byRate.get(rateKey(rate))?.vatCollected ?? this.settings.vatCollectedAccount, label: 'TVA collectée' };
  }

  vatPending(): LedgerAccount {
    return { num: this.settings.vatPendingAccount, label: 'TVA collectée en attente' };
  }

  /**
   * Where the VAT of a sale goes when invoiced: goods always owe VAT on delivery (debits); services on
   * the receipts regime wait in the pending account until paid. Lines without a product type count as
   * services, the regime's own subject.
   */
  vatOnInvoice(rate: string, type: ProductType | null): LedgerAccount {
    return this.vatRegime === 'receipts' && type !== 'goods' ? this.vatPending() : this.vatCollected(rate);
  }

  deposits(): LedgerAccount {
    return { num: this.settings.depositsAccount, label: 'Clients - avances et acomptes reçus' };
  }

  bank(bankAccountId: string | null, bankLabel: string | null): LedgerAccount {
    const own = bankAccountId ? this.banks.get(bankAccountId) : undefined;
    return { num: own ?? this.settings.bankAccount, label: own && bankLabel ? `Banque ${bankLabel}` : 'Banque' };
  }

  roundingDebit(): LedgerAccount {
    return { num: this.settings.roundingDebitAccount, label: 'Charges diverses de gestion courante' };
  }

  roundingCredit(): LedgerAccount {
    return { num: this.settings.roundingCreditAccount, label: 'Produits divers de gestion courante' };
  }
}

const RATE_KEYS = new Map<string, string>();

/** "20", "20.0" and "20.00" are the same rate (memoised: a handful of rates, looked up for every line of every entry). */
export function rateKey(rate: string): string {
  let key = RATE_KEYS.get(rate);
  if (key === undefined) {
    key = new Dec(rate).toFixed(2);
    if (RATE_KEYS.size < 1000) RATE_KEYS.set(rate, key);
  }
  return key;
}

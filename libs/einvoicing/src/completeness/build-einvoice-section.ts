import { earlyPaymentMention, EInvoicePaymentMeans, FRANCHISE_293B, latePenaltyMention, RECOVERY_INDEMNITY, REVERSE_CHARGE, VAT_ON_DEBITS } from '@comptoir/documents';
import type { BillingSnapshotView } from './billing-snapshot-view';
import type { CompletenessFacts } from './einvoice-problems';
import type { EInvoiceFacts } from './einvoice-facts';
import type { EInvoiceFlow, EInvoiceSnapshotSection } from './einvoice-section';
import { resolveElectronicAddress } from './electronic-address';

const CATEGORY_LETTER = { goods: 'B', services: 'S', mixed: 'M' } as const;

/** The section and the raw facts its completeness is judged on. */
export interface BuiltSection {
  section: Omit<EInvoiceSnapshotSection, 'warnings'>;
  facts: CompletenessFacts;
}

/**
 * `snapshot.einvoice` of one validated invoice, credit note or deposit invoice, from its billing
 * snapshot and the facts read for the batch. Nothing is judged here (see einvoiceProblems).
 */
export function buildEInvoiceSection(snapshot: BillingSnapshotView, all: EInvoiceFacts): BuiltSection {
  const account = all.accounts.get(snapshot.buyer.accountId);
  // A document without a country in its address follows the account's, else France (the app's home).
  const sellerCountry = snapshot.seller.address?.country || all.company.country || 'FR';
  const buyerCountry = snapshot.buyer.address?.country || account?.country || 'FR';
  const flow: EInvoiceFlow = !snapshot.legal.buyerIsBusiness ? 'B2C' : buyerCountry === 'FR' ? 'B2B' : 'B2BINT';
  const mandate = all.mandates.get(snapshot.buyer.accountId) ?? null;
  const deductsDeposits = snapshot.lines.some((l) => l.depositInvoiceId);
  // A deposit invoice pays for what its order or quote supplies (goods deposits are not taxed like services ones).
  const category = (snapshot.kind === 'deposit' ? all.depositSources.get(snapshot.id) : undefined) ?? snapshot.legal.operationCategory;
  const section: BuiltSection['section'] = {
    version: 1,
    inScope: all.settings.enabled && sellerCountry === 'FR' && flow === 'B2B',
    flow,
    billingMode: `${CATEGORY_LETTER[category]}${deductsDeposits ? '4' : '1'}`,
    profile: all.settings.profile,
    seller: {
      electronicAddress: resolveElectronicAddress(all.settings.electronicAddress, all.settings.electronicAddressScheme, snapshot.seller.siren ?? all.company.siren),
      vatNumber: snapshot.seller.vatNumber ?? all.company.vatNumber,
      country: sellerCountry,
    },
    buyer: {
      electronicAddress: snapshot.legal.buyerIsBusiness ? resolveElectronicAddress(account?.electronicAddress, account?.electronicAddressScheme, snapshot.buyer.siren) : null,
      vatNumber: snapshot.buyer.vatNumber ?? account?.vatNumber ?? null,
      country: buyerCountry,
    },
    paymentMeans: paymentMeans(snapshot, all, mandate),
    notes: {
      PMD: latePenaltyMention(snapshot.legal),
      PMT: flow === 'B2C' ? null : RECOVERY_INDEMNITY,
      AAB: earlyPaymentMention({ legal: { earlyPaymentDiscount: snapshot.earlyPaymentDiscount, earlyPaymentText: snapshot.legal.earlyPaymentText } }),
      TXD: taxWording(snapshot, all.company.vatRegime === 'franchise'),
    },
    precedingInvoices: precedingInvoices(snapshot, all),
  };
  return {
    section,
    facts: { vatFranchise: all.company.vatRegime === 'franchise', companyIban: all.bankAccount?.iban ?? null, creditorId: all.company.sepaCreditorId, mandateReference: mandate?.reference ?? null },
  };
}

/**
 * BG-16 from the document's payment method: transfer (and no method stated) → the company's default
 * account; direct debit → the buyer's mandate, the company's ICS and the debited account. Means whose
 * data is missing are left out (the completeness rules name what is missing).
 */
function paymentMeans(snapshot: BillingSnapshotView, all: EInvoiceFacts, mandate: { reference: string; iban: string } | null): EInvoicePaymentMeans[] {
  const remittance = snapshot.number;
  const means = (code: EInvoicePaymentMeans['code'], text: string, extra: Partial<EInvoicePaymentMeans> = {}): EInvoicePaymentMeans[] => [
    { code, text, remittance, creditTransfer: null, directDebit: null, ...extra },
  ];
  switch (snapshot.paymentMethod) {
    case null:
    case 'transfer': {
      const account = all.bankAccount;
      return account ? means('58', 'Virement SEPA', { creditTransfer: { iban: account.iban, accountName: account.holder, bic: account.bic } }) : [];
    }
    case 'direct_debit':
      return mandate && all.company.sepaCreditorId
        ? means('59', 'Prélèvement SEPA', { directDebit: { mandateReference: mandate.reference, creditorId: all.company.sepaCreditorId, debitedIban: mandate.iban } })
        : [];
    case 'card':
    case 'stripe':
      return means('48', 'Carte bancaire');
    case 'cheque':
      return means('20', 'Chèque');
    case 'cash':
      return means('10', 'Espèces');
    default:
      return [];
  }
}

/** TXD: the VAT wording the invoice carries (franchise en base, reverse charge, VAT on debits), one note. */
function taxWording(snapshot: BillingSnapshotView, franchise: boolean): string | null {
  const wording: string[] = [];
  if (franchise) wording.push(FRANCHISE_293B);
  const categories = new Set([...snapshot.lines.filter((l) => l.kind === 'item').map((l) => l.vatCategory), ...snapshot.totals.vat.map((g) => g.category)]);
  if (categories.has('AE')) wording.push(REVERSE_CHARGE);
  if (snapshot.legal.vatOnDebits) wording.push(VAT_ON_DEBITS);
  return wording.length ? wording.join(' ; ') : null;
}

/** BG-3: a credit note's invoice; a final invoice's deposit invoices, in the order of their deduction lines. */
function precedingInvoices(snapshot: BillingSnapshotView, all: EInvoiceFacts): EInvoiceSnapshotSection['precedingInvoices'] {
  const credited = snapshot.legal.precedingInvoice;
  if (snapshot.kind === 'credit_note') return credited?.number ? [{ id: credited.id, number: credited.number, issueDate: credited.date }] : [];
  const ids = [...new Set(snapshot.lines.map((l) => l.depositInvoiceId).filter((id): id is string => id !== null))];
  return ids.flatMap((id) => {
    const deposit = all.depositInvoices.get(id);
    return deposit?.number ? [{ id, number: deposit.number, issueDate: deposit.date }] : [];
  });
}

// Pure TypeScript + decimal.js: bundled by the API and by the SPA, so live totals equal the server's.
export { VAT_CATEGORY_CODES, type VatCategoryCode } from './vat-category';
export type {
  OtherTaxInput,
  LineInput,
  GeneralDiscountInput,
  ShippingInput,
  DocumentInput,
  AllowanceCharge,
  VatBreakdown,
  DocumentTotals,
} from './totals/totals.types';
export { TotalsInputError } from './totals/totals-input-error';
export { computeTotals } from './totals/compute-totals';
export { spreadByLargestRemainder } from './totals/largest-remainder';

export type { InstallmentRule, InstallmentInput, TermsProblem, ScheduledInstallment, EarlyPaymentDiscount } from './terms/terms.types';
export { validatePaymentTerms, earlyPaymentDiscountProblems } from './terms/validate-payment-terms';
export { computeSchedule } from './terms/compute-schedule';
export { openInstallments, type InstallmentAmount, type OpenInstallment } from './terms/open-installments';
export { PaymentTermsError } from './terms/payment-terms-error';
export { PAYMENT_TERMS_PRESETS, type PaymentTermsPreset } from './terms/payment-terms-presets';

export { formatAmount } from './format-amount';

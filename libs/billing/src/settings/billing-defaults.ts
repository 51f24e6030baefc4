import type { PdfOptions } from '@comptoir/documents';
import type { BillingSettingsEntity } from './billing-settings.entity';

export const DEFAULT_LATE_PENALTY_TEXT = "Taux des pénalités de retard : trois fois le taux d'intérêt légal";
export const DEFAULT_EARLY_PAYMENT_TEXT = "Pas d'escompte pour paiement anticipé";

export const DEFAULT_PDF_OPTIONS: PdfOptions = {
  showDiscountColumn: true,
  showUnitPrice: true,
  showProductCodes: true,
  showImages: false,
  showBarcodes: false,
  showTitle: true,
  showSeller: true,
  showDeliveryAddress: true,
  repeatTotalsOnEachPage: false,
  showDepositsAndPayments: true,
};

export type BillingSettings = Pick<
  BillingSettingsEntity,
  'latePenaltyText' | 'earlyPaymentText' | 'termsOfSale' | 'paymentTerms' | 'pdfOptions' | 'vatOnDebits' | 'quoteValidityDays'
> & { updatedAt: Date | null };

/** What a company that never changed its settings gets. */
export function defaultBillingSettings(): BillingSettings {
  return {
    latePenaltyText: DEFAULT_LATE_PENALTY_TEXT,
    earlyPaymentText: DEFAULT_EARLY_PAYMENT_TEXT,
    termsOfSale: null,
    paymentTerms: [],
    pdfOptions: { ...DEFAULT_PDF_OPTIONS },
    vatOnDebits: false,
    quoteValidityDays: 30,
    updatedAt: null,
  };
}

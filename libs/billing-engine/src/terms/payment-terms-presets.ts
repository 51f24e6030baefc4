import type { InstallmentInput } from './terms.types';

export interface PaymentTermsPreset {
  id: string;
  /** French label, as printed on documents. */
  label: string;
  installments: InstallmentInput[];
}

/** Common French payment terms, offered as starting points in forms. */
export const PAYMENT_TERMS_PRESETS: readonly PaymentTermsPreset[] = [
  { id: 'on_receipt', label: 'À réception', installments: [{ percent: '100', kind: 'payment', rule: { type: 'on_order' } }] },
  { id: 'days_30', label: '30 jours', installments: [{ percent: '100', kind: 'payment', rule: { type: 'days', days: 30 } }] },
  {
    id: 'days_45_end_of_month',
    label: '45 jours fin de mois',
    installments: [{ percent: '100', kind: 'payment', rule: { type: 'days_end_of_month', days: 45 } }],
  },
  {
    id: 'deposit_30_balance_30_end_of_month',
    label: '30 % à la commande, solde à 30 jours fin de mois',
    installments: [
      { percent: '30', kind: 'deposit', rule: { type: 'on_order' }, label: 'Acompte' },
      { percent: '70', kind: 'payment', rule: { type: 'days_end_of_month', days: 30 }, label: 'Solde' },
    ],
  },
];

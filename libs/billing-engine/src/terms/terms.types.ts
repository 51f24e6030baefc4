export type InstallmentRule =
  | { type: 'on_order' }
  | { type: 'days'; days: number }
  /** "N jours fin de mois": previous date + N days, then end of that month. */
  | { type: 'days_end_of_month'; days: number }
  /** "fin de mois + N jours": end of the previous date's month, then + N days. */
  | { type: 'end_of_month_plus_days'; days: number };

export interface InstallmentInput {
  percent: string;
  kind: 'deposit' | 'payment';
  rule: InstallmentRule;
  method?: string | null;
  label?: string | null;
}

export interface TermsProblem {
  path: string;
  message: string;
  code: 'terms_not_100' | 'invalid_installment';
}

export interface ScheduledInstallment {
  index: number;
  dueDate: string;
  percent: string;
  amount: string;
  kind: 'deposit' | 'payment';
  method?: string | null;
  label?: string | null;
}

/** "Escompte": `percent` off when paid within `withinDays` of the invoice date (DOMAIN §6). */
export interface EarlyPaymentDiscount {
  percent: string;
  withinDays: number;
}

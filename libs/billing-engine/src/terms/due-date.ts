import { addDays, endOfMonth } from './calendar-date';
import type { InstallmentRule } from './terms.types';

/** The due date a rule gives from its base date (the previous installment's due date, or the start date). */
export function dueDateFrom(base: Date, rule: InstallmentRule): Date {
  switch (rule.type) {
    case 'on_order':
      return base;
    case 'days':
      return addDays(base, rule.days);
    case 'days_end_of_month': // "N jours fin de mois"
      return endOfMonth(addDays(base, rule.days));
    case 'end_of_month_plus_days': // "fin de mois + N jours"
      return addDays(endOfMonth(base), rule.days);
  }
}

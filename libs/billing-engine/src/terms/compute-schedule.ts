import type { InstallmentInput, ScheduledInstallment } from './terms.types';

/** Due dates and amounts of each installment; amounts sum to gross exactly. */
export function computeSchedule(_installments: InstallmentInput[], _opts: { startDate: string; gross: string }): ScheduledInstallment[] {
  throw new Error('not implemented');
}

import type { PlannedInvoice } from './dunning-planner';
import { skipReason } from './dunning-run.service';

const plan = (over: Partial<PlannedInvoice>): PlannedInvoice => ({
  invoiceId: 'i',
  number: 'F-1',
  accountId: 'a',
  customerName: 'C',
  due: '10.00',
  currency: 'EUR',
  dueOn: '2026-10-01',
  daysOverdue: 10,
  dueState: 'overdue',
  recoveryStatus: null,
  collectionPending: false,
  lastStep: null,
  nextStep: { id: 's1', name: 'Relance 1', dueOn: '2026-10-20' },
  toDun: false,
  ...over,
});

describe('skipReason: why an open invoice gets no mail', () => {
  it('names the first reason that applies, suspension before review before progress', () => {
    expect(skipReason(plan({ recoveryStatus: 'disputed', collectionPending: true }))).toBe('recovery_suspended');
    expect(skipReason(plan({ collectionPending: true }))).toBe('collection_pending');
    expect(skipReason(plan({ lastStep: { id: 's1', name: 'Relance 1', status: 'uncertain', sentOn: null } }))).toBe('awaiting_review');
    expect(skipReason(plan({ lastStep: { id: 's1', name: 'Relance 1', status: 'sending', sentOn: null } }))).toBe('already_planned');
    expect(skipReason(plan({ lastStep: { id: 's3', name: 'Mise en demeure', status: 'sent', sentOn: '2026-11-01' }, nextStep: null }))).toBe('no_more_steps');
    expect(skipReason(plan({}))).toBe('not_due');
  });
});

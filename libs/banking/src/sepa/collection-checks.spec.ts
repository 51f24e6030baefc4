import { amountToCollect, CollectableInvoice, collectionProblem, CollectionContext } from './collection-checks';

const invoice: CollectableInvoice = {
  id: 'inv',
  number: 'F-2026-000001',
  type: 'invoice',
  kind: 'invoice',
  status: 'validated',
  testMode: false,
  currency: 'EUR',
  accountId: 'acc',
  date: '2026-11-01',
  dueDate: '2026-12-01',
  due: '1200.00',
  balanceDue: '1200.00',
  collectionStatus: null,
  recoveryStatus: null,
  schedule: [],
};
const ctx: CollectionContext = {
  today: '2026-11-24',
  collectionDate: '2026-12-10',
  mandate: { reference: 'RUM-1', status: 'active', signedOn: '2026-01-15', lastCollectionOn: null, preNotificationDays: 14 },
  debtorIban: 'FR1420041010050500013M02606',
};

describe('collectionProblem', () => {
  it('accepts a validated open EUR invoice of a customer with an active mandate, far enough ahead', () => {
    expect(collectionProblem(invoice, ctx)).toBeNull();
  });

  it.each<[string, Partial<CollectableInvoice>, Partial<CollectionContext>, RegExp]>([
    ['draft', { status: 'draft' }, {}, /draft/],
    ['TEST mode', { testMode: true }, {}, /TEST/],
    ['another currency', { currency: 'USD' }, {}, /euros only/],
    ['paid', { balanceDue: '0.00' }, {}, /nothing left/],
    ['pending collection', { collectionStatus: 'pending' }, {}, /already has a collection pending/],
    ['disputed', { recoveryStatus: 'disputed' }, {}, /disputed/],
    ['credit note', { kind: 'credit_note' }, {}, /not an invoice/],
    ['no mandate', {}, { mandate: null }, /no SEPA mandate/],
    ['revoked mandate', {}, { mandate: { ...ctx.mandate!, status: 'revoked' } }, /RUM-1 is revoked/],
    ['lapsed mandate', {}, { mandate: { ...ctx.mandate!, signedOn: '2023-01-10' } }, /lapsed on 2026-01-10/],
    ['bad IBAN', {}, { debtorIban: 'FR1520041010050500013M02606' }, /IBAN of mandate RUM-1 is not valid/],
    ['too soon for the pre-notification', {}, { collectionDate: '2026-12-07' }, /on or after 2026-12-08 \(pre-notification of 14 days/],
  ])('refuses an invoice that is %s', (_name, over, overCtx, reason) => {
    expect(collectionProblem({ ...invoice, ...over }, { ...ctx, ...overCtx })).toMatch(reason);
  });

  it('honours a shorter pre-notification agreed on the mandate', () => {
    expect(collectionProblem(invoice, { ...ctx, collectionDate: '2026-11-29', mandate: { ...ctx.mandate!, preNotificationDays: 5 } })).toBeNull();
  });
});

describe('amountToCollect', () => {
  const schedule = [
    { dueDate: '2026-12-01', amount: '400.00' },
    { dueDate: '2027-01-01', amount: '400.00' },
    { dueDate: '2027-02-01', amount: '400.00' },
  ];

  it('collects the whole open balance of an invoice without schedule', () => {
    expect(amountToCollect({ ...invoice, balanceDue: '700.00' }, '2026-12-10')).toBe('700.00');
  });

  it('collects what is open on the installments due by the collection date, oldest paid first', () => {
    expect(amountToCollect({ ...invoice, schedule, balanceDue: '1100.00' }, '2026-12-10')).toBe('300.00');
    expect(amountToCollect({ ...invoice, schedule, balanceDue: '1100.00' }, '2027-01-05')).toBe('700.00');
  });

  it('collects the next installment when none is due yet', () => {
    expect(amountToCollect({ ...invoice, schedule, balanceDue: '1200.00' }, '2026-11-30')).toBe('400.00');
    expect(amountToCollect({ ...invoice, schedule, balanceDue: '500.00' }, '2026-11-30')).toBe('100.00');
  });
});

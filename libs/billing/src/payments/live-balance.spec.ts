import { Dec } from '@comptoir/platform/kernel';
import { openedBalance } from './live-balance';

describe('openedBalance', () => {
  const base = { type: 'invoice' as const, testMode: false, due: '120.00', gross: '120.00' };

  it('an invoice or deposit invoice opens unpaid for its amount due', () => {
    expect(openedBalance({ ...base, kind: 'invoice' }, new Dec(0))).toMatchObject({ balanceDue: '120.00', paymentStatus: 'unpaid', paid: '0.00', credited: '0.00' });
    expect(openedBalance({ ...base, kind: 'deposit', due: '36.00' }, new Dec(0))).toMatchObject({ balanceDue: '36.00', paymentStatus: 'unpaid' });
  });

  it('a credit note offers its gross less what was spent on its invoice, with no payment status', () => {
    expect(openedBalance({ ...base, kind: 'credit_note' }, new Dec('20'))).toMatchObject({ balanceDue: '100.00', paymentStatus: null });
  });

  it('TEST mode and other types owe nothing', () => {
    expect(openedBalance({ ...base, kind: 'invoice', testMode: true }, new Dec(0))).toMatchObject({ balanceDue: null, paymentStatus: null });
    expect(openedBalance({ ...base, type: 'quote' as never, kind: null }, new Dec(0))).toMatchObject({ balanceDue: null });
  });
});

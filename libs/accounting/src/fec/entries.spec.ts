import fc from 'fast-check';
import { Dec } from '@comptoir/platform/kernel';
import { defaultAccountingSettings } from '../settings/accounting-defaults';
import { AccountPlan } from './account-plan';
import { bankEntry, BankMovement, vatOnReceipt } from './bank-entry';
import { EntryBuilder, JournalEntry, UnbalancedEntryError } from './journal-entry';
import { letterCode } from './lettering';
import { Sale, saleEntry, vatPostings } from './sales-entry';

const receipts = new AccountPlan(defaultAccountingSettings(false));
const debits = new AccountPlan(defaultAccountingSettings(true));
const customer = { num: 'C0001', label: 'Dupont SARL' };

/** "411000 D 1200.00" per line, to read entries at a glance. */
const show = (entry: JournalEntry) => entry.lines.map((l) => `${l.account.num} ${l.debit.isZero() ? 'C' : 'D'} ${(l.debit.isZero() ? l.credit : l.debit).toFixed(2)}${l.lettering ? ` ${l.lettering.code}` : ''}`);

const sale = (overrides: Partial<Sale> = {}): Sale => ({
  kind: 'invoice',
  creditsDeposit: false,
  number: 'FA-2026-0001',
  date: '2026-03-10',
  validDate: '2026-03-10',
  customer,
  gross: '1420.00',
  vat: [
    { rate: '20.00', base: '1000.00', amount: '200.00' },
    { rate: '10.00', base: '200.00', amount: '20.00' },
  ],
  lines: [
    { rate: '20.00', type: 'service', productAccount: null, deposit: false, net: '600.00' },
    { rate: '20.00', type: 'goods', productAccount: null, deposit: false, net: '400.00' },
    { rate: '10.00', type: null, productAccount: '706100', deposit: false, net: '200.00' },
  ],
  lettering: null,
  ...overrides,
});

describe('EntryBuilder', () => {
  it('refuses to build an unbalanced entry and drops zero movements', () => {
    const header = { date: '2026-01-01', pieceRef: 'X', pieceDate: '2026-01-01', label: 'x', validDate: '2026-01-01' };
    expect(() => new EntryBuilder(header).debit(receipts.customers(), new Dec('10')).credit(receipts.deposits(), new Dec('9.99')).build()).toThrow(UnbalancedEntryError);
    const entry = new EntryBuilder(header).debit(receipts.customers(), new Dec('10')).credit(receipts.deposits(), new Dec('10')).credit(receipts.vatPending(), new Dec(0)).build();
    expect(entry.lines).toHaveLength(2);
  });

  it('puts a negative amount on the other side', () => {
    const header = { date: '2026-01-01', pieceRef: 'X', pieceDate: '2026-01-01', label: 'x', validDate: '2026-01-01' };
    expect(show(new EntryBuilder(header).debit(receipts.customers(), new Dec('-5')).debit(receipts.deposits(), new Dec(5)).build())).toEqual(['411000 C 5.00', '419100 D 5.00']);
  });
});

describe('saleEntry', () => {
  it('on debits: customer for the gross, sales per rate and product type (the product account first), VAT collected per rate', () => {
    expect(show(saleEntry(sale(), debits))).toEqual(['411000 D 1420.00', '706000 C 600.00', '707000 C 400.00', '706100 C 200.00', '445710 C 200.00', '445710 C 20.00']);
  });

  it('on receipts: the VAT of services waits in 44574, the VAT of goods is collected at once', () => {
    expect(show(saleEntry(sale(), receipts))).toEqual(['411000 D 1420.00', '706000 C 600.00', '707000 C 400.00', '706100 C 200.00', '445740 C 120.00', '445710 C 80.00', '445740 C 20.00']);
    expect(vatPostings(sale(), receipts).filter((p) => p.pending).map((p) => p.amount.toFixed(2))).toEqual(['120.00', '20.00']);
  });

  it('mirrors a credit note and carries the lettering on the customer line only', () => {
    const entry = saleEntry(sale({ kind: 'credit_note', number: 'AV-1', lettering: { code: 'AB', date: '2026-04-01' } }), debits);
    expect(show(entry)[0]).toBe('411000 C 1420.00 AB');
    expect(entry.lines.filter((l) => l.lettering)).toHaveLength(1);
    expect(entry.label).toBe('Avoir AV-1 Dupont SARL');
  });

  it('posts a deposit invoice to 4191, and a final invoice debits 4191 back for its deposit deduction', () => {
    const deposit = sale({ kind: 'deposit', gross: '360.00', vat: [{ rate: '20.00', base: '300.00', amount: '60.00' }], lines: [{ rate: '20.00', type: null, productAccount: null, deposit: false, net: '300.00' }] });
    expect(show(saleEntry(deposit, debits))).toEqual(['411000 D 360.00', '419100 C 300.00', '445710 C 60.00']);
    const final = sale({
      gross: '840.00',
      vat: [{ rate: '20.00', base: '700.00', amount: '140.00' }],
      lines: [
        { rate: '20.00', type: 'service', productAccount: null, deposit: false, net: '1000.00' },
        { rate: '20.00', type: null, productAccount: null, deposit: true, net: '-300.00' },
      ],
    });
    expect(show(saleEntry(final, debits))).toEqual(['411000 D 840.00', '706000 C 1000.00', '419100 D 300.00', '445710 C 140.00']);
  });

  it('splits a general discount over product types by largest remainder and balances any sealed rounding cent', () => {
    const discounted = sale({
      gross: '120.01',
      vat: [{ rate: '20.00', base: '100.00', amount: '20.00' }],
      lines: [
        { rate: '20.00', type: 'service', productAccount: null, deposit: false, net: '33.34' },
        { rate: '20.00', type: 'goods', productAccount: null, deposit: false, net: '66.67' },
      ],
    });
    expect(show(saleEntry(discounted, debits))).toEqual(['411000 D 120.01', '706000 C 33.34', '707000 C 66.66', '445710 C 20.00', '758000 C 0.01']);
    expect(() => saleEntry(sale({ gross: '1520.00' }), debits)).toThrow(UnbalancedEntryError);
  });

  it('always balances (property)', () => {
    const cents = fc.integer({ min: -500_000, max: 5_000_000 }).map((c) => new Dec(c).dividedBy(100));
    fc.assert(
      fc.property(
        fc.array(fc.record({ rate: fc.constantFrom('20.00', '10.00', '5.50'), type: fc.constantFrom('goods', 'service', null), net: cents, deposit: fc.boolean() }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom('invoice', 'deposit', 'credit_note'),
        fc.boolean(),
        (lines, kind, onDebits) => {
          const rates = [...new Set(lines.map((l) => l.rate))];
          const vat = rates.map((rate) => {
            const base = lines.filter((l) => l.rate === rate).reduce((t, l) => t.plus(l.net), new Dec(0));
            return { rate, base: base.toFixed(2), amount: base.times(rate).dividedBy(100).toDecimalPlaces(2).toFixed(2) };
          });
          const gross = vat.reduce((t, v) => t.plus(v.base).plus(v.amount), new Dec(0));
          const input = sale({ kind: kind as Sale['kind'], gross: gross.toFixed(2), vat, lines: lines.map((l) => ({ ...l, type: l.type as 'goods' | null, productAccount: null, net: l.net.toFixed(2) })) });
          const entry = saleEntry(input, onDebits ? debits : receipts);
          const debit = entry.lines.reduce((t, l) => t.plus(l.debit), new Dec(0));
          const credit = entry.lines.reduce((t, l) => t.plus(l.credit), new Dec(0));
          expect(debit.eq(credit)).toBe(true);
          expect(entry.lines.every((l) => l.debit.isZero() !== l.credit.isZero())).toBe(true);
        },
      ),
    );
  });
});

describe('vatOnReceipt', () => {
  it('moves exactly the pending VAT once paid in full, whatever the instalments (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 8 }), (grossCents, weights) => {
        const gross = new Dec(grossCents).dividedBy(100);
        const pending = [{ rate: '20.00', account: receipts.vatPending(), pending: true, amount: gross.times(20).dividedBy(120).toDecimalPlaces(2) }];
        const total = weights.reduce((a, b) => a + b, 0);
        let paid = new Dec(0);
        let moved = new Dec(0);
        weights.forEach((w, i) => {
          const next = i === weights.length - 1 ? gross : paid.plus(gross.times(w).dividedBy(total).toDecimalPlaces(2, Dec.ROUND_DOWN));
          moved = vatOnReceipt(pending, gross, paid, next).reduce((t, m) => t.plus(m.amount), moved);
          paid = next;
        });
        expect(moved.eq(pending[0]!.amount)).toBe(true);
      }),
    );
  });

  it('moves back what a cancelled payment had moved', () => {
    const pending = vatPostings(sale(), receipts);
    const there = vatOnReceipt(pending, new Dec('1420.00'), new Dec(0), new Dec('500.00'));
    const back = vatOnReceipt(pending, new Dec('1420.00'), new Dec('500.00'), new Dec(0));
    expect(there.map((m) => m.amount.toFixed(2))).toEqual(['42.25', '7.04']);
    expect(back.map((m) => m.amount.toFixed(2))).toEqual(['-42.25', '-7.04']);
  });
});

describe('bankEntry', () => {
  const movement = (overrides: Partial<BankMovement> = {}): BankMovement => ({
    event: 'payment',
    direction: 'in',
    date: '2026-04-01',
    validDate: '2026-04-01',
    pieceRef: 'VIR-1',
    pieceDate: '2026-04-01',
    amount: '1500.00',
    bank: receipts.bank(null, null),
    customer,
    invoiceNumbers: ['FA-1'],
    lettered: [{ amount: '1320.00', lettering: { code: 'AA', date: '2026-04-01' } }],
    vatMoves: [{ rate: '20.00', amount: new Dec('120.00') }],
    ...overrides,
  });

  it('debits the bank, credits the customer (the lettered part on its own line) and moves the VAT on receipts', () => {
    expect(show(bankEntry(movement(), receipts)!)).toEqual(['512000 D 1500.00', '411000 C 1320.00 AA', '411000 C 180.00', '445740 D 120.00', '445710 C 120.00']);
  });

  it('reverses a cancelled payment without lettering, and pays a refund out of the bank', () => {
    expect(show(bankEntry(movement({ event: 'cancellation', lettered: [], vatMoves: [{ rate: '20.00', amount: new Dec('-120.00') }] }), receipts)!)).toEqual([
      '411000 D 1500.00',
      '512000 C 1500.00',
      '445740 C 120.00',
      '445710 D 120.00',
    ]);
    expect(show(bankEntry(movement({ direction: 'out', lettered: [], vatMoves: [] }), receipts)!)).toEqual(['411000 D 1500.00', '512000 C 1500.00']);
    expect(show(bankEntry(movement({ direction: 'out', event: 'cancellation', lettered: [], vatMoves: [] }), receipts)!)).toEqual(['411000 C 1500.00', '512000 D 1500.00']);
  });

  it('posts a later allocation of customer credit as a VAT move only, or nothing', () => {
    expect(show(bankEntry(movement({ event: 'allocation', lettered: [] }), receipts)!)).toEqual(['445740 D 120.00', '445710 C 120.00']);
    expect(bankEntry(movement({ event: 'allocation', lettered: [], vatMoves: [] }), receipts)).toBeNull();
  });
});

describe('letterCode', () => {
  it('counts AA, AB … ZZ, then AAA', () => {
    expect([0, 1, 25, 26, 675, 676, 677].map(letterCode)).toEqual(['AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA', 'AAB']);
  });
});

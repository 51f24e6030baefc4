import { Dec } from '@comptoir/platform/kernel';
import { splitByVatRate, VatShare } from './vat-split';

/** A validated B2C or B2BINT document of the period, as its sealed snapshot says. */
export interface ReportedSale {
  id: string;
  number: string;
  date: string;
  kind: string;
  flow: 'B2C' | 'B2BINT';
  buyerName: string;
  buyerCountry: string | null;
  buyerVatNumber: string | null;
  currency: string;
  vat: VatShare[];
}

/** Cash received on a service invoice (a reversal is negative), on the day it was received. */
export interface ReportedPayment {
  date: string;
  amount: string;
  vat: VatShare[];
}

export interface DailyB2CSales { date: string; rate: string; count: number; net: string; vat: string; gross: string }
export interface InternationalSale { id: string; number: string; date: string; kind: string; buyerName: string; buyerCountry: string | null; buyerVatNumber: string | null; currency: string; net: string; vat: string; gross: string }
export interface ServicePayments { date: string; rate: string; received: string; vat: string }

export interface EReport {
  from: string;
  to: string;
  b2cSales: DailyB2CSales[];
  internationalSales: InternationalSale[];
  servicePayments: ServicePayments[];
}

/** Credit notes reduce sales: their snapshots keep positive amounts, the kind gives the sign. */
const sign = (kind: string) => (kind === 'credit_note' ? -1 : 1);
const sum = (values: Dec[]) => values.reduce((a, b) => a.plus(b), new Dec(0));
const money = (d: Dec) => d.toFixed(2);
const rateOf = (rate: string) => new Dec(rate).toFixed(2);

/**
 * The e-reporting of a period (the reform's flux 10): B2C sales per day and VAT rate, international
 * B2B sales per invoice, and cash received on service invoices per day and VAT rate. Pure: the caller
 * reads the snapshots and payments.
 */
export function eReport(from: string, to: string, sales: readonly ReportedSale[], payments: readonly ReportedPayment[]): EReport {
  const daily = new Map<string, { date: string; rate: string; ids: Set<string>; net: Dec[]; vat: Dec[] }>();
  for (const sale of sales.filter((s) => s.flow === 'B2C')) {
    for (const line of sale.vat) {
      const key = `${sale.date}|${rateOf(line.rate)}`;
      const row = daily.get(key) ?? { date: sale.date, rate: rateOf(line.rate), ids: new Set<string>(), net: [], vat: [] };
      row.ids.add(sale.id);
      row.net.push(new Dec(line.base).times(sign(sale.kind)));
      row.vat.push(new Dec(line.amount).times(sign(sale.kind)));
      daily.set(key, row);
    }
  }
  const paid = new Map<string, { date: string; rate: string; received: Dec[]; vat: Dec[] }>();
  for (const payment of payments) {
    for (const share of splitByVatRate(payment.amount, payment.vat)) {
      const key = `${payment.date}|${share.rate}`;
      const row = paid.get(key) ?? { date: payment.date, rate: share.rate, received: [], vat: [] };
      row.received.push(new Dec(share.received));
      row.vat.push(new Dec(share.vat));
      paid.set(key, row);
    }
  }
  const byDateThenRate = <T extends { date: string; rate: string }>(a: T, b: T) => a.date.localeCompare(b.date) || new Dec(b.rate).comparedTo(a.rate);
  return {
    from,
    to,
    b2cSales: [...daily.values()]
      .map((r) => ({ date: r.date, rate: r.rate, count: r.ids.size, net: money(sum(r.net)), vat: money(sum(r.vat)), gross: money(sum(r.net).plus(sum(r.vat))) }))
      .sort(byDateThenRate),
    internationalSales: sales
      .filter((s) => s.flow === 'B2BINT')
      .map((s) => {
        const net = sum(s.vat.map((l) => new Dec(l.base))).times(sign(s.kind));
        const vat = sum(s.vat.map((l) => new Dec(l.amount))).times(sign(s.kind));
        return { id: s.id, number: s.number, date: s.date, kind: s.kind, buyerName: s.buyerName, buyerCountry: s.buyerCountry, buyerVatNumber: s.buyerVatNumber, currency: s.currency, net: money(net), vat: money(vat), gross: money(net.plus(vat)) };
      })
      .sort((a, b) => a.date.localeCompare(b.date) || a.number.localeCompare(b.number)),
    servicePayments: [...paid.values()].map((r) => ({ date: r.date, rate: r.rate, received: money(sum(r.received)), vat: money(sum(r.vat)) })).sort(byDateThenRate),
  };
}

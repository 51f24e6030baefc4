import request from 'supertest';
import { randomSiren } from '../support/fixtures';

type Auth = Record<string, string>;
type Http = () => request.Agent;

/** A business customer (SIREN, billing address) of the caller's company. */
export async function createCustomer(http: Http, auth: Auth, name = 'Boulangerie Martin'): Promise<{ id: string; name: string }> {
  const res = await http()
    .post('/api/v1/accounts')
    .set(auth)
    .send({ name, roles: ['customer'], kind: 'company', siren: randomSiren(), billingAddress: { line1: '3 rue des Lilas', postalCode: '69003', city: 'Lyon', country: 'FR' } })
    .expect(201);
  return { id: res.body.id, name };
}

export async function createProduct(http: Http, auth: Auth, body: { reference: string; name: string; unit: string; unitPrice: string; vatRate: string; type?: 'goods' | 'service' }): Promise<string> {
  const res = await http().post('/api/v1/products').set(auth).send(body).expect(201);
  return res.body.id as string;
}

/** A draft invoice of one free line (`amount` net at 20 %), dated `date` (default today). */
export async function draftInvoice(http: Http, auth: Auth, accountId: string, opts: { date?: string; amount?: string } = {}): Promise<{ id: string; gross: string }> {
  const res = await http()
    .post('/api/v1/invoices')
    .set(auth)
    .send({ accountId, ...(opts.date ? { date: opts.date } : {}), lines: [{ description: 'Prestation', quantity: '1', unitPrice: opts.amount ?? '100.00', vatRate: '20.00' }] });
  if (res.status !== 201) throw new Error(`draft invoice: ${res.status} ${res.text}`);
  return { id: res.body.id, gross: res.body.totals.gross };
}

/** Today in Europe/Paris (the companies' default zone), as the API dates documents. */
export function parisToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

export function addDaysTo(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** "2026-11-24" → "2026-10". */
export function previousMonth(date: string): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

import request from 'supertest';
import { randomSiren } from '../support/fixtures';
import { addDaysTo, parisToday } from '../billing/billing-fixtures';

type Http = () => request.Agent;
type Auth = Record<string, string>;

/** A business customer with an email address (dunning mails go there). */
export async function customerWithEmail(http: Http, auth: Auth, name = 'Garage Durand', email = 'compta@garage-durand.example'): Promise<string> {
  const res = await http()
    .post('/api/v1/accounts')
    .set(auth)
    .send({ name, roles: ['customer'], kind: 'company', siren: randomSiren(), email, billingAddress: { line1: '3 rue des Lilas', postalCode: '69003', city: 'Lyon', country: 'FR' } })
    .expect(201);
  return res.body.id as string;
}

/** A validated invoice dated 40 days ago, due 30 days ago, for `amount` net + 20 % VAT. */
export async function overdueInvoice(http: Http, auth: Auth, accountId: string, amount = '100.00'): Promise<{ id: string; number: string }> {
  const today = parisToday();
  const draft = await http()
    .post('/api/v1/invoices')
    .set(auth)
    .send({ accountId, date: addDaysTo(today, -40), dueDate: addDaysTo(today, -30), lines: [{ description: 'Prestation', quantity: '1', unitPrice: amount, vatRate: '20.00' }] })
    .expect(201);
  const validated = await http().post(`/api/v1/invoices/${draft.body.id}/validate`).set(auth);
  if (validated.status !== 200) throw new Error(`validate: ${validated.status} ${validated.text}`);
  return { id: validated.body.id, number: validated.body.number };
}

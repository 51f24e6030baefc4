import { createTestApp, TestApp } from '../support/test-app';
import { signupOrganization, SignedUpOrg } from '../support/fixtures';
import { createCustomer } from './billing-fixtures';

/**
 * Quote versions (one accepted, the others closed) and what deleting a draft conversion gives back to its
 * parent: a quote accepted or an order invoiced only by that draft is validated again.
 */
describe('Quote revisions and undone conversions', () => {
  let t: TestApp;
  let org: SignedUpOrg;
  let customer: { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    org = await signupOrganization(t.http(), 'Versions');
    customer = await createCustomer(() => t.http(), org.auth);
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  const post = (path: string, body: object = {}) => t.http().post(path).set(org.auth).send(body);
  const status = async (path: string) => (await t.http().get(path).set(org.auth).expect(200)).body.status as string;
  const remove = (path: string) => t.http().delete(path).set(org.auth);
  const line = { description: 'Prestation', quantity: '1', unitPrice: '100.00', vatRate: '20.00' };

  it('accepting one revision refuses the other offered versions and cancels the draft ones', async () => {
    const v1 = await post('/api/v1/quotes', { accountId: customer.id, lines: [line] }).expect(201);
    await post(`/api/v1/quotes/${v1.body.id}/validate`).expect(200);
    const v2 = await post(`/api/v1/quotes/${v1.body.id}/revise`).expect(201);
    await post(`/api/v1/quotes/${v2.body.id}/validate`).expect(200);
    const v3 = await post(`/api/v1/quotes/${v2.body.id}/revise`).expect(201);
    const other = await post('/api/v1/quotes', { accountId: customer.id, lines: [line] }).expect(201);

    const order = await post(`/api/v1/quotes/${v2.body.id}/convert`, { to: 'order' }).expect(201);

    expect(await status(`/api/v1/quotes/${v2.body.id}`)).toBe('done');
    expect(await status(`/api/v1/quotes/${v1.body.id}`)).toBe('refused');
    expect(await status(`/api/v1/quotes/${v3.body.id}`)).toBe('cancelled');
    expect(await status(`/api/v1/quotes/${other.body.id}`)).toBe('draft'); // another quote, not a version of this one
    const accepted = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM sales_documents WHERE (id = $1 OR revision_of = $1) AND status = 'done'`, [v1.body.id]);
    expect(accepted[0]!.n).toBe(1);

    // Undoing the acceptance gives back the accepted version only: the others stay closed.
    await remove(`/api/v1/orders/${order.body.id}`).expect(204);
    expect(await status(`/api/v1/quotes/${v2.body.id}`)).toBe('validated');
    expect(await status(`/api/v1/quotes/${v1.body.id}`)).toBe('refused');
  });

  it('a converted parent goes back to validated when its last draft child that made it done is deleted', async () => {
    const quote = await post('/api/v1/quotes', { accountId: customer.id, lines: [line] }).expect(201);
    await post(`/api/v1/quotes/${quote.body.id}/validate`).expect(200);
    const order = await post(`/api/v1/quotes/${quote.body.id}/convert`, { to: 'order' }).expect(201);
    const invoice = await post(`/api/v1/quotes/${quote.body.id}/convert`, { to: 'invoice' }).expect(201);
    await remove(`/api/v1/invoices/${invoice.body.id}`).expect(204);
    expect(await status(`/api/v1/quotes/${quote.body.id}`)).toBe('done'); // the order still accepts it

    await post(`/api/v1/orders/${order.body.id}/validate`).expect(200);
    const note = await post(`/api/v1/orders/${order.body.id}/convert`, { to: 'delivery_note' }).expect(201);
    expect(await status(`/api/v1/orders/${order.body.id}`)).toBe('validated');
    const orderInvoice = await post(`/api/v1/orders/${order.body.id}/convert`, { to: 'invoice' }).expect(201);
    expect(await status(`/api/v1/orders/${order.body.id}`)).toBe('done');
    await remove(`/api/v1/invoices/${orderInvoice.body.id}`).expect(204);
    // The delivery note left does not make an order done: only its invoicing did.
    expect(await status(`/api/v1/orders/${order.body.id}`)).toBe('validated');
    expect(await status(`/api/v1/delivery-notes/${note.body.id}`)).toBe('draft');
  });
});

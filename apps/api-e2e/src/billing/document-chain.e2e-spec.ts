import { Dec } from '@comptoir/platform/kernel';
import { createTestApp, TestApp } from '../support/test-app';
import { signupOrganization, SignedUpOrg } from '../support/fixtures';
import { createCustomer, createProduct } from './billing-fixtures';

/**
 * The whole chain through the API: a 3-line quote with a discount on the gross total → order →
 * delivery note → invoice → partial credit note, each validated, linked both ways; locks, remaining
 * amounts and payment terms enforced.
 */
describe('Sales documents: quote → order → delivery note → invoice → credit note', () => {
  let t: TestApp;
  let org: SignedUpOrg;
  let customer: { id: string; name: string };
  let service: string;
  let goods: string;

  beforeAll(async () => {
    t = await createTestApp();
    org = await signupOrganization(t.http(), 'Chaine');
    customer = await createCustomer(() => t.http(), org.auth);
    service = await createProduct(() => t.http(), org.auth, { reference: 'MEN-H', name: 'Heure de ménage', unit: 'hour', unitPrice: '100.0000', vatRate: '20.00', type: 'service' });
    goods = await createProduct(() => t.http(), org.auth, { reference: 'SAV-1', name: 'Savon noir 1 L', unit: 'piece', unitPrice: '25.5000', vatRate: '5.50', type: 'goods' });
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  const post = (path: string, body: object = {}) => t.http().post(path).set(org.auth).send(body);
  const get = (path: string) => t.http().get(path).set(org.auth);

  it('runs the chain, keeps the totals, numbers each document and links them both ways', async () => {
    const quote = await post('/api/v1/quotes', {
      accountId: customer.id,
      title: 'Entretien des locaux',
      lines: [
        { productId: service, quantity: '2' },
        { description: 'Déplacement', quantity: '1', unitPrice: '45.00', vatRate: '10.00' },
        { productId: goods, quantity: '3', discountPercent: '10' },
      ],
      generalDiscount: { mode: 'amount', base: 'gross', value: '10.00' },
    }).expect(201);
    expect(quote.body).toMatchObject({ type: 'quote', status: 'draft', number: null, kind: null, revision: 1 });
    expect(quote.body.lines.map((l: { net: string; description: string }) => [l.description, l.net])).toEqual([
      ['Heure de ménage', '200.00'],
      ['Déplacement', '45.00'],
      ['Savon noir 1 L', '68.85'],
    ]);
    const totals = quote.body.totals;
    expect(totals.lineNetTotal).toBe('313.85');
    // The 10.00 discount on the gross is spread over the three rates as net allowances (VAT recomputed
    // per rate, EN 16931): the gross falls by 10.00 give or take the rounding of each rate's VAT.
    const undiscountedGross = new Dec('240.00').plus('49.50').plus('72.64');
    expect(totals.allowances).toHaveLength(3);
    expect(undiscountedGross.minus(10).minus(totals.gross).abs().lte('0.03')).toBe(true);
    expect(new Dec(totals.net).plus(totals.vatTotal).toFixed(2)).toBe(totals.gross);
    expect(totals.vat.map((v: { rate: string }) => v.rate)).toEqual(['20.00', '10.00', '5.50']);

    const validatedQuote = await post(`/api/v1/quotes/${quote.body.id}/validate`).expect(200);
    expect(validatedQuote.body.status).toBe('validated');
    expect(validatedQuote.body.number).toMatch(/^DE\d{4}-\d{5}$/);

    const order = await post(`/api/v1/quotes/${quote.body.id}/convert`, { to: 'order' }).expect(201);
    expect(order.body).toMatchObject({ type: 'order', status: 'draft', accountId: customer.id, title: 'Entretien des locaux' });
    expect(order.body.lines.map((l: { sourceLineId: string }) => l.sourceLineId)).toEqual(quote.body.lines.map((l: { id: string }) => l.id));
    expect(order.body.totals.gross).toBe(totals.gross);
    expect((await get(`/api/v1/quotes/${quote.body.id}`).expect(200)).body.status).toBe('done');
    await post(`/api/v1/orders/${order.body.id}/validate`).expect(200);

    const note = await post(`/api/v1/orders/${order.body.id}/convert`, { to: 'delivery_note' }).expect(201);
    expect(note.body.type).toBe('delivery_note');
    const validatedNote = await post(`/api/v1/delivery-notes/${note.body.id}/validate`).expect(200);
    expect(validatedNote.body.number).toMatch(/^BL\d{4}-\d{5}$/);

    const invoice = await post(`/api/v1/delivery-notes/${note.body.id}/convert`, { to: 'invoice' }).expect(201);
    expect(invoice.body).toMatchObject({ type: 'invoice', kind: 'invoice', status: 'draft' });
    // Prices come from the order lines the delivery note was made from.
    expect(invoice.body.lines.map((l: { unitPrice: string }) => l.unitPrice)).toEqual(order.body.lines.map((l: { unitPrice: string }) => l.unitPrice));
    expect(invoice.body.totals.gross).toBe(totals.gross);
    const validatedInvoice = await post(`/api/v1/invoices/${invoice.body.id}/validate`).expect(200);
    expect(validatedInvoice.body).toMatchObject({ status: 'validated', kind: 'invoice' });
    expect(validatedInvoice.body.number).toMatch(/^FA\d{4}-00001$/);
    expect(validatedInvoice.body.validatedAt).not.toBeNull();

    // Partial credit note: one hour of the two.
    const hourLine = invoice.body.lines[0];
    const credit = await post(`/api/v1/invoices/${invoice.body.id}/credit-note`, { lines: [{ sourceLineId: hourLine.id, quantity: '1' }] }).expect(201);
    expect(credit.body).toMatchObject({ type: 'invoice', kind: 'credit_note', status: 'draft', creditedInvoiceId: invoice.body.id });
    expect(credit.body.lines).toHaveLength(1);
    expect(credit.body.lines[0]).toMatchObject({ sourceLineId: hourLine.id, quantity: '1.0000', unitPrice: '100.0000', net: '100.00' });
    expect(new Dec(credit.body.totals.gross).gt(0)).toBe(true); // credit notes carry positive amounts
    const validatedCredit = await post(`/api/v1/invoices/${credit.body.id}/validate`).expect(200);
    expect(validatedCredit.body.number).toMatch(/^AV\d{4}-00001$/);

    // One hour remains: two more is too much, at creation...
    const tooMuch = await post(`/api/v1/invoices/${invoice.body.id}/credit-note`, { lines: [{ sourceLineId: hourLine.id, quantity: '2' }] }).expect(422);
    expect(tooMuch.body.code).toBe('credit_exceeds_remaining');
    expect(tooMuch.body.errors[0].path).toBe('lines[0].quantity');

    // The map shows the five documents and four links, from either end.
    for (const from of [quote.body.id, credit.body.id, note.body.id]) {
      const map = await get(`/api/v1/documents/${from}/map`).expect(200);
      expect(map.body.nodes.map((n: { id: string }) => n.id).sort()).toEqual([quote.body.id, order.body.id, note.body.id, invoice.body.id, credit.body.id].sort());
      expect(map.body.edges).toEqual(
        expect.arrayContaining([
          { parentId: quote.body.id, childId: order.body.id, relation: 'converted' },
          { parentId: order.body.id, childId: note.body.id, relation: 'converted' },
          { parentId: note.body.id, childId: invoice.body.id, relation: 'converted' },
          { parentId: invoice.body.id, childId: credit.body.id, relation: 'credit_note' },
        ]),
      );
      expect(map.body.edges).toHaveLength(4);
    }

    // Lists show the totals and search by customer name and number.
    const list = await get(`/api/v1/invoices?q=${encodeURIComponent('martin')}`).expect(200);
    expect(list.body.data.map((d: { id: string }) => d.id).sort()).toEqual([invoice.body.id, credit.body.id].sort());
    const byNumber = await get(`/api/v1/invoices?q=${validatedInvoice.body.number}&kind=invoice`).expect(200);
    expect(byNumber.body.data).toEqual([expect.objectContaining({ id: invoice.body.id, gross: totals.gross, accountName: customer.name })]);
  });

  it('a full credit note takes what remains, shipping included, drafts counted', async () => {
    const invoice = await post('/api/v1/invoices', { accountId: customer.id, lines: [{ productId: service, quantity: '3' }, { productId: goods, quantity: '2' }], shipping: { amount: '12.00', vatRate: '20.00' } }).expect(201);
    await post(`/api/v1/invoices/${invoice.body.id}/validate`).expect(200);
    const partial = await post(`/api/v1/invoices/${invoice.body.id}/credit-note`, { lines: [{ sourceLineId: invoice.body.lines[0].id, quantity: '1' }] }).expect(201);
    // Drafts count at creation: the full credit note covers what neither credit note covers yet.
    const full = await post(`/api/v1/invoices/${invoice.body.id}/credit-note`).expect(201);
    expect(full.body.lines.map((l: { quantity: string }) => l.quantity)).toEqual(['2.0000', '2.0000']);
    expect(full.body.shipping).toEqual({ amount: '12.00', vatRate: '20.00', vatCategory: 'S' });
    expect(new Dec(full.body.totals.gross).plus(partial.body.totals.gross).toFixed(2)).toBe(invoice.body.totals.gross);
    await post(`/api/v1/invoices/${invoice.body.id}/credit-note`).expect(422);
    // Both validate (together they are exactly the invoice)...
    await post(`/api/v1/invoices/${full.body.id}/validate`).expect(200);
    await post(`/api/v1/invoices/${partial.body.id}/validate`).expect(200);
    const credited = await get(`/api/v1/invoices?kind=credit_note&status=validated&accountId=${customer.id}`).expect(200);
    expect(credited.body.data.map((d: { id: string }) => d.id)).toEqual(expect.arrayContaining([full.body.id, partial.body.id]));
  });

  it('re-checks the remaining amount when a credit note is validated', async () => {
    const invoice = await post('/api/v1/invoices', { accountId: customer.id, lines: [{ productId: service, quantity: '2' }] }).expect(201);
    await post(`/api/v1/invoices/${invoice.body.id}/validate`).expect(200);
    const first = await post(`/api/v1/invoices/${invoice.body.id}/credit-note`, { lines: [{ sourceLineId: invoice.body.lines[0].id, quantity: '2' }] }).expect(201);
    // A second draft made while the first was deleted...
    await t.http().delete(`/api/v1/invoices/${first.body.id}`).set(org.auth).expect(204);
    const second = await post(`/api/v1/invoices/${invoice.body.id}/credit-note`).expect(201);
    const third = await post(`/api/v1/invoices/${invoice.body.id}/credit-note`, { lines: [{ sourceLineId: invoice.body.lines[0].id, quantity: '1' }] });
    expect(third.status).toBe(422); // drafts count at creation
    // ...bypass the creation check as the owner (a row written past the API), then validate both.
    const rogue = await post(`/api/v1/invoices/${invoice.body.id}/duplicate`).expect(201);
    await t.sql(`UPDATE sales_documents SET kind = 'credit_note', credited_invoice_id = $1 WHERE id = $2`, [invoice.body.id, rogue.body.id]);
    await t.sql(`UPDATE sales_document_lines SET source_line_id = $1 WHERE document_id = $2`, [invoice.body.lines[0].id, rogue.body.id]);
    await post(`/api/v1/invoices/${second.body.id}/validate`).expect(200);
    const refused = await post(`/api/v1/invoices/${rogue.body.id}/validate`).expect(422);
    expect(refused.body.code).toBe('credit_exceeds_remaining');
    expect((await get(`/api/v1/invoices/${rogue.body.id}`).expect(200)).body).toMatchObject({ status: 'draft', number: null });
  });

  it('only drafts can be changed or deleted (409 document_locked), at the API and in the database', async () => {
    const invoice = await post('/api/v1/invoices', { accountId: customer.id, lines: [{ description: 'Audit', quantity: '1', unitPrice: '500.00', vatRate: '20.00' }] }).expect(201);
    await t.http().patch(`/api/v1/invoices/${invoice.body.id}`).set(org.auth).send({ title: 'Audit annuel' }).expect(200);
    await post(`/api/v1/invoices/${invoice.body.id}/validate`).expect(200);
    for (const res of [
      await t.http().patch(`/api/v1/invoices/${invoice.body.id}`).set(org.auth).send({ title: 'Changed' }),
      await t.http().delete(`/api/v1/invoices/${invoice.body.id}`).set(org.auth),
      await post(`/api/v1/invoices/${invoice.body.id}/lines`, { productId: service, quantity: '1' }),
      await post(`/api/v1/invoices/${invoice.body.id}/validate`),
    ]) {
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 409, code: 'document_locked' });
    }
    await post(`/api/v1/invoices/${invoice.body.id}/cancel`).expect(404); // invoices are never cancelled: no such route
    // The application role cannot do it by hand either: the triggers refuse.
    const app = new (await import('pg')).Client({ connectionString: t.config.appDatabaseUrl });
    await app.connect();
    try {
      await app.query('BEGIN');
      await app.query(`SELECT set_config('app.organization_id', $1, true), set_config('app.company_id', $2, true)`, [org.organizationId, org.companyId]);
      await expect(app.query(`UPDATE sales_documents SET gross = gross + 1 WHERE id = $1`, [invoice.body.id])).rejects.toThrow(/frozen/);
      await app.query('ROLLBACK');
      await app.query('BEGIN');
      await app.query(`SELECT set_config('app.organization_id', $1, true), set_config('app.company_id', $2, true)`, [org.organizationId, org.companyId]);
      await expect(app.query(`UPDATE sales_document_lines SET unit_price = 1 WHERE document_id = $1`, [invoice.body.id])).rejects.toThrow(/frozen/);
      await app.query('ROLLBACK');
      await app.query('BEGIN');
      await app.query(`SELECT set_config('app.organization_id', $1, true), set_config('app.company_id', $2, true)`, [org.organizationId, org.companyId]);
      await expect(app.query(`DELETE FROM sales_documents WHERE id = $1`, [invoice.body.id])).rejects.toThrow(/only drafts/);
      await app.query('ROLLBACK');
    } finally {
      await app.end();
    }
    // Drafts are deleted.
    const draft = await post('/api/v1/quotes', { accountId: customer.id, lines: [] }).expect(201);
    await t.http().delete(`/api/v1/quotes/${draft.body.id}`).set(org.auth).expect(204);
    await get(`/api/v1/quotes/${draft.body.id}`).expect(404);
  });

  it('refuses payment terms that do not total 100 % (422 terms_not_100, with the path) and computes the schedule of valid ones', async () => {
    const bad = await post('/api/v1/invoices', {
      accountId: customer.id,
      lines: [{ description: 'Étude', quantity: '1', unitPrice: '1000.00', vatRate: '20.00' }],
      paymentTerms: [
        { percent: '30', kind: 'deposit', rule: { type: 'on_order' } },
        { percent: '60', kind: 'payment', rule: { type: 'days_end_of_month', days: 30 } },
      ],
    }).expect(422);
    expect(bad.body.code).toBe('terms_not_100');
    expect(bad.body.errors.length).toBeGreaterThan(0);
    expect(bad.body.errors[0].path).toMatch(/^paymentTerms/);
    const good = await post('/api/v1/invoices', {
      accountId: customer.id,
      date: '2026-01-10',
      lines: [{ description: 'Étude', quantity: '1', unitPrice: '1000.00', vatRate: '20.00' }],
      paymentTerms: [
        { percent: '30', kind: 'deposit', rule: { type: 'on_order' } },
        { percent: '70', kind: 'payment', rule: { type: 'days_end_of_month', days: 30 } },
      ],
    }).expect(201);
    expect(good.body.schedule.map((s: { dueDate: string; amount: string }) => [s.dueDate, s.amount])).toEqual([
      ['2026-01-10', '360.00'],
      ['2026-02-28', '840.00'],
    ]);
    expect(good.body.dueDate).toBe('2026-02-28');
  });

  it('answers 400 naming the field for a free line without price, an unknown product or another type under the URL', async () => {
    const res = await post('/api/v1/orders', { accountId: customer.id, lines: [{ description: 'Sans prix' }] }).expect(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['lines[0].unitPrice', 'lines[0].vatRate']);
    const unknown = await post('/api/v1/orders', { accountId: customer.id, lines: [{ productId: '01934567-89ab-7cde-8f01-23456789abcd', quantity: '1' }] }).expect(400);
    expect(unknown.body.errors[0].path).toBe('lines[0].productId');
    const quote = await post('/api/v1/quotes', { accountId: customer.id }).expect(201);
    await get(`/api/v1/invoices/${quote.body.id}`).expect(404);
    const kind = await post('/api/v1/quotes', { accountId: customer.id, kind: 'deposit' }).expect(400);
    expect(kind.body.errors[0].path).toBe('kind');
  });

  it('fast line entry, synchronise, duplicate, revise and refuse', async () => {
    const quote = await post('/api/v1/quotes', { accountId: customer.id, lines: [{ description: 'Remarque', kind: 'comment' }] }).expect(201);
    const withLine = await post(`/api/v1/quotes/${quote.body.id}/lines`, { productId: service, quantity: '3' }).expect(201);
    expect(withLine.body.lines.map((l: { kind: string; net: string; position: number }) => [l.position, l.kind, l.net])).toEqual([
      [0, 'comment', '0.00'],
      [1, 'item', '300.00'],
    ]);
    await t.http().patch(`/api/v1/products/${service}`).set(org.auth).send({ unitPrice: '110.0000' }).expect(200);
    const synced = await post(`/api/v1/quotes/${quote.body.id}/synchronise`).expect(200);
    expect(synced.body.lines[1]).toMatchObject({ unitPrice: '110.0000', quantity: '3.0000', net: '330.00' });
    expect(synced.body.totals.net).toBe('330.00');

    await post(`/api/v1/quotes/${quote.body.id}/validate`).expect(200);
    const v2 = await post(`/api/v1/quotes/${quote.body.id}/revise`).expect(201);
    expect(v2.body).toMatchObject({ status: 'draft', revision: 2, revisionOf: quote.body.id });
    const v3 = await post(`/api/v1/quotes/${v2.body.id}/revise`).expect(201);
    expect(v3.body).toMatchObject({ revision: 3, revisionOf: quote.body.id });
    const refused = await post(`/api/v1/quotes/${quote.body.id}/refuse`).expect(200);
    expect(refused.body.status).toBe('refused');
    await post(`/api/v1/quotes/${v2.body.id}/refuse`).expect(409); // a draft is not refused

    const copy = await post(`/api/v1/quotes/${quote.body.id}/duplicate`).expect(201);
    expect(copy.body).toMatchObject({ status: 'draft', number: null, revision: 1 });
    expect(copy.body.lines).toHaveLength(2);
    const cancelled = await post(`/api/v1/quotes/${copy.body.id}/cancel`).expect(200);
    expect(cancelled.body.status).toBe('cancelled');
    const notAllowed = await post(`/api/v1/quotes/${v3.body.id}/convert`, { to: 'delivery_note' }).expect(422);
    expect(notAllowed.body.code).toBe('conversion_not_allowed');
    await post(`/api/v1/quotes/${v3.body.id}/convert`, { to: 'order' }).expect(409); // not validated yet
  });
});

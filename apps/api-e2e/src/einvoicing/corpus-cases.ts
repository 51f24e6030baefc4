import request from 'supertest';
import { randomSiren, SignedUpOrg } from '../support/fixtures';
import { CREDITOR_ID, debtorWithMandate } from '../banking/banking-fixtures';
import { enableEInvoicing } from './einvoicing-fixtures';

type Http = () => request.Agent;
type Body = Record<string, unknown>;

/** One validated document of the corpus and what it is meant to cover. */
export interface CorpusDocument {
  label: string;
  id: string;
}

const LYON = { line1: '3 rue des Lilas', postalCode: '69003', city: 'Lyon', country: 'FR' };

/** The exemption wordings of MENTIONS.md § 2 the corpus lines carry. */
export const WORDING = {
  franchise: 'TVA non applicable, art. 293 B du CGI',
  training: 'Exonération de TVA, article 261-4-4° a du CGI',
  intraEu: 'Exonération de TVA, article 262 ter I du CGI',
  export: 'Exonération de TVA, article 262 I du CGI',
  reverseCharge: 'Autoliquidation',
};

/**
 * Drives one company through the real API to build the e-invoicing corpus: customers of every kind,
 * goods and service products, then drafts validated one by one (each validation freezes the snapshot
 * and its `einvoice` section). Every document it validates is recorded with its label.
 */
export class CorpusCompany {
  readonly documents: CorpusDocument[] = [];

  private constructor(
    private readonly http: Http,
    readonly org: SignedUpOrg,
  ) {}

  /**
   * A French seller with e-invoicing enabled (head office address, VAT number, bank account for transfers),
   * a legal form and capital (BT-33) and a SEPA creditor id; under the 293 B franchise, no VAT number.
   */
  static async enable(http: Http, org: SignedUpOrg, opts: { franchise?: boolean } = {}): Promise<CorpusCompany> {
    await enableEInvoicing(http, org.auth, org.companyId);
    const identity = opts.franchise ? { vatRegime: 'franchise', vatNumber: null } : { sepaCreditorId: CREDITOR_ID };
    await http().patch(`/api/v1/companies/${org.companyId}`).set(org.auth).send({ legalForm: 'SAS', shareCapital: '10000.00', ...identity }).expect(200);
    return new CorpusCompany(http, org);
  }

  /** A French business (SIREN, routing address defaulting to it). */
  async frenchBusiness(name: string): Promise<string> {
    return this.account({ name, kind: 'company', siren: randomSiren(), email: 'compta@client.example', billingAddress: LYON });
  }

  /** A business abroad: EU with its VAT number, or outside the EU. */
  async foreignBusiness(name: string, address: Body, vatNumber?: string): Promise<string> {
    return this.account({ name, kind: 'company', billingAddress: address, ...(vatNumber ? { vatNumber } : {}) });
  }

  async person(name: string): Promise<string> {
    return this.account({ name, kind: 'person', email: 'particulier@example.test', billingAddress: { line1: '8 allée des Tilleuls', postalCode: '33000', city: 'Bordeaux', country: 'FR' } });
  }

  /** A French business paying by SEPA direct debit under an active mandate. */
  async debtor(name: string): Promise<string> {
    return (await debtorWithMandate(this.http, this.org, { name, signedOn: '2026-01-15' })).customerId;
  }

  async product(body: { reference: string; name: string; unit: string; unitPrice: string; vatRate: string; type: 'goods' | 'service' }): Promise<string> {
    return (await this.post('/api/v1/products', body).expect(201)).body.id as string;
  }

  async billingSettings(body: Body): Promise<void> {
    await this.http().patch('/api/v1/billing/settings').set(this.org.auth).send(body).expect(200);
  }

  /** Drafts and validates an invoice; returns it as the API shows it. */
  async invoice(label: string, accountId: string, body: Body): Promise<{ id: string; number: string; lines: { id: string }[] }> {
    const draft = await this.post('/api/v1/invoices', { accountId, ...body });
    if (draft.status !== 201) throw new Error(`${label}: draft ${draft.status} ${draft.text}`);
    return this.validate(label, draft.body.id as string);
  }

  /** A credit note of a validated invoice: of every line, or of `lines` (invoice line id, quantity). */
  async creditNote(label: string, invoiceId: string, lines?: { sourceLineId: string; quantity: string }[]): Promise<void> {
    const draft = await this.post(`/api/v1/invoices/${invoiceId}/credit-note`, lines ? { lines } : {});
    if (draft.status !== 201) throw new Error(`${label}: credit note ${draft.status} ${draft.text}`);
    await this.validate(label, draft.body.id as string);
  }

  /** A validated order, then a deposit invoice of `percent` of it (386). */
  async orderWithDeposit(label: string, accountId: string, body: Body, percent: string): Promise<string> {
    const order = await this.post('/api/v1/orders', { accountId, ...body }).expect(201);
    await this.post(`/api/v1/orders/${order.body.id}/validate`).expect(200);
    const deposit = await this.post(`/api/v1/orders/${order.body.id}/deposit-invoices`, { percent });
    if (deposit.status !== 201) throw new Error(`${label}: deposit invoice ${deposit.status} ${deposit.text}`);
    this.documents.push({ label, id: deposit.body.id as string });
    return order.body.id as string;
  }

  /** A deposit received on the order: a paid deposit invoice for the amount (386). */
  async depositPayment(label: string, orderId: string, amount: string, date: string): Promise<void> {
    const res = await this.post(`/api/v1/orders/${orderId}/deposit-payments`, { date, method: 'transfer', amount, reference: 'VIR ACOMPTE' });
    if (res.status !== 201) throw new Error(`${label}: deposit payment ${res.status} ${res.text}`);
    this.documents.push({ label, id: res.body.invoice.id as string });
  }

  /** The final invoice of the order, deducting its deposit invoices (billing mode x4). */
  async finalInvoice(label: string, orderId: string): Promise<{ id: string; number: string; lines: { id: string }[] }> {
    const draft = await this.post(`/api/v1/orders/${orderId}/convert`, { to: 'invoice' }).expect(201);
    return this.validate(label, draft.body.id as string);
  }

  private async validate(label: string, id: string): Promise<{ id: string; number: string; lines: { id: string }[] }> {
    const done = await this.post(`/api/v1/invoices/${id}/validate`);
    if (done.status !== 200) throw new Error(`${label}: validation ${done.status} ${done.text}`);
    this.documents.push({ label, id });
    return done.body;
  }

  private async account(body: Body): Promise<string> {
    return (await this.post('/api/v1/accounts', { roles: ['customer'], ...body }).expect(201)).body.id as string;
  }

  private post(path: string, body: Body = {}) {
    return this.http().post(path).set(this.org.auth).send(body);
  }
}

import request from 'supertest';
import { frenchVatNumber } from '@comptoir/platform/kernel';
import { CREDITOR_BIC, CREDITOR_IBAN } from '../banking/banking-fixtures';

type Auth = Record<string, string>;
type Http = () => request.Agent;

/** Puts a company in the reform's scope with everything an e-invoice needs: address, VAT number, bank account, e-invoicing on. */
export async function enableEInvoicing(http: Http, auth: Auth, companyId: string): Promise<void> {
  const company = (await http().get(`/api/v1/companies/${companyId}`).set(auth).expect(200)).body;
  await http()
    .patch(`/api/v1/companies/${companyId}`)
    .set(auth)
    .send({ vatNumber: frenchVatNumber(company.siren), address: { line1: '12 rue de la Paix', postalCode: '75002', city: 'Paris', country: 'FR' } })
    .expect(200);
  await http().post('/api/v1/bank-accounts').set(auth).send({ iban: CREDITOR_IBAN, bic: CREDITOR_BIC, holder: company.legalName, label: 'Compte courant' }).expect(201);
  await http().put('/api/v1/einvoicing/settings').set(auth).send({ enabled: true }).expect(200);
}

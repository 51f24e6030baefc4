import type { BillingSnapshotView } from './billing-snapshot-view';
import { CompletenessFacts, CompletenessInput, einvoiceProblems } from './einvoice-problems';
import { ADDRESS, snapshot } from './completeness.fixtures';

function section(overrides: Partial<CompletenessInput['section']> = {}): CompletenessInput['section'] {
  return {
    version: 1,
    inScope: true,
    flow: 'B2B',
    billingMode: 'S1',
    profile: 'EN16931',
    seller: { electronicAddress: { value: '123456789', scheme: '0225' }, vatNumber: 'FR32123456789', country: 'FR' },
    buyer: { electronicAddress: { value: '987654321', scheme: '0225' }, vatNumber: null, country: 'FR' },
    paymentMeans: [],
    notes: { PMD: 'Pénalités', PMT: 'Indemnité', AAB: "Pas d'escompte", TXD: null },
    precedingInvoices: [],
    ...overrides,
  };
}

const FACTS: CompletenessFacts = { vatFranchise: false, companyIban: 'FR7630006000011234567890189', creditorId: 'FR12ZZZ123456', mandateReference: 'RUM-1' };

const paths = (input: Partial<CompletenessInput>) => einvoiceProblems({ snapshot: snapshot(), section: section(), facts: FACTS, ...input }).map((e) => e.path);
const item = (vatCategory: BillingSnapshotView['lines'][number]['vatCategory'], vatExemptionReason: string | null = null): BillingSnapshotView['lines'][number] => ({
  kind: 'item',
  vatRate: vatCategory === 'S' ? '20.00' : '0.00',
  vatCategory,
  vatExemptionReason,
  otherTaxes: [],
  depositInvoiceId: null,
});

describe('einvoiceProblems', () => {
  it('finds nothing missing on a complete domestic B2B invoice', () => {
    expect(einvoiceProblems({ snapshot: snapshot(), section: section(), facts: FACTS })).toEqual([]);
  });

  describe('seller', () => {
    it.each([[null], ['12345678'], ['1234567890'], ['12345678A']])('requires a 9-digit SIREN (%s)', (siren) => {
      expect(paths({ snapshot: snapshot({ seller: { ...snapshot().seller, siren } }) })).toEqual(['seller.siren']);
    });

    it('requires a VAT number unless the company is under the franchise en base', () => {
      const noVat = section({ seller: { ...section().seller, vatNumber: null } });
      expect(paths({ section: noVat })).toEqual(['seller.vatNumber']);
      expect(paths({ section: noVat, facts: { ...FACTS, vatFranchise: true } })).toEqual([]);
    });

    it('requires an electronic address the directory accepts', () => {
      expect(paths({ section: section({ seller: { ...section().seller, electronicAddress: null } }) })).toEqual(['seller.electronicAddress']);
      expect(paths({ section: section({ seller: { ...section().seller, electronicAddress: { value: '123 456 789', scheme: '0225' } } }) })).toEqual(['seller.electronicAddress']);
    });

    it('names each missing part of the address', () => {
      const seller = { ...snapshot().seller, address: { line1: ' ', postalCode: '75002', city: null, country: 'FR' } };
      expect(paths({ snapshot: snapshot({ seller }) })).toEqual(['seller.address.line1', 'seller.address.city']);
      expect(paths({ snapshot: snapshot({ seller: { ...seller, address: null } }) })).toEqual(['seller.address.line1', 'seller.address.postalCode', 'seller.address.city', 'seller.address.country']);
    });
  });

  describe('buyer', () => {
    it('requires the SIREN of a French business buyer (BR-FR-11), not of a foreign one or a consumer', () => {
      const noSiren = snapshot({ buyer: { ...snapshot().buyer, siren: null } });
      expect(paths({ snapshot: noSiren })).toEqual(['buyer.siren']);
      expect(paths({ snapshot: noSiren, section: section({ flow: 'B2BINT' }) })).toEqual([]);
      expect(paths({ snapshot: noSiren, section: section({ flow: 'B2C', buyer: { ...section().buyer, electronicAddress: null } }) })).toEqual([]);
      expect(paths({ snapshot: snapshot({ buyer: { ...snapshot().buyer, siren: '98765432' } }) })).toContain('buyer.siren');
    });

    it('requires a routable electronic address for a business buyer', () => {
      expect(paths({ section: section({ buyer: { ...section().buyer, electronicAddress: null } }) })).toEqual(['buyer.electronicAddress']);
      expect(paths({ section: section({ flow: 'B2BINT', buyer: { ...section().buyer, electronicAddress: null } }) })).toEqual(['buyer.electronicAddress']);
    });

    it('refuses characters outside BR-FR-23 and more than 125 characters', () => {
      for (const value of ['987654321 SERVICE', '987654321#1', `987654321${'a'.repeat(117)}`]) {
        expect(paths({ section: section({ buyer: { ...section().buyer, electronicAddress: { value, scheme: '0225' } } }) })).toEqual(['buyer.electronicAddress']);
      }
      expect(paths({ section: section({ buyer: { ...section().buyer, electronicAddress: { value: '987654321_00012+a.b-c', scheme: '0225' } } }) })).toEqual([]);
    });

    it('wants a domestic B2B address in the directory and starting with the SIREN (BR-FR-21)', () => {
      expect(paths({ section: section({ buyer: { ...section().buyer, electronicAddress: { value: '111111111', scheme: '0225' } } }) })).toEqual(['buyer.electronicAddress']);
      expect(paths({ section: section({ buyer: { ...section().buyer, electronicAddress: { value: '987654321', scheme: '0009' } } }) })).toEqual(['buyer.electronicAddress']);
      expect(paths({ section: section({ flow: 'B2BINT', buyer: { ...section().buyer, electronicAddress: { value: 'DE-BUYER', scheme: '9930' } } }) })).toEqual([]);
    });

    it('names each missing part of the billing address', () => {
      const buyer = { ...snapshot().buyer, address: { ...ADDRESS, postalCode: '', country: undefined } };
      expect(paths({ snapshot: snapshot({ buyer }) })).toEqual(['buyer.address.postalCode', 'buyer.address.country']);
    });
  });

  describe('VAT', () => {
    it.each(['E', 'AE', 'K', 'G', 'O'] as const)('requires an exemption reason on a %s line', (category) => {
      const lines = [item('S'), item(category, '  ')];
      const found = paths({ snapshot: snapshot({ lines, deliveryDate: '2026-11-20' }), section: section({ buyer: { ...section().buyer, vatNumber: 'DE123456789' } }) });
      expect(found).toEqual(['lines[1].vatExemptionReason']);
    });

    it('accepts only the French VAT rates (BR-FR-16), whatever their decimals', () => {
      const lines = [{ ...item('S'), vatRate: '19.00' }, { ...item('S'), vatRate: '5.5' }, { ...item('S'), vatRate: '8.50' }, { ...item('S'), otherTaxes: [{ label: 'Eco', mode: 'fixed' as const, value: '1', vatRate: '21.00' }] }];
      expect(paths({ snapshot: snapshot({ lines, shipping: { amount: '9.00', vatRate: '16.00' } }) })).toEqual(['lines[0].vatRate', 'lines[3].otherTaxes[0].vatRate', 'shipping.vatRate']);
    });

    it('accepts S and Z lines without a reason, and ignores comment lines', () => {
      expect(paths({ snapshot: snapshot({ lines: [item('S'), item('Z'), { ...item('E'), kind: 'comment' }] }) })).toEqual([]);
    });

    it('requires the reason of an exempt shipping or other tax in its VAT breakdown', () => {
      const shipping = { amount: '10.00', vatRate: '0.00', vatCategory: 'E' as const };
      expect(paths({ snapshot: snapshot({ shipping }) })).toEqual(['shipping.vatExemptionReason']);
      const withReason = snapshot({ shipping, totals: { vat: [{ category: 'E', rate: '0.00', base: '10.00', amount: '0.00', exemptionReason: 'Exonération, art. 261 du CGI' }] } as BillingSnapshotView['totals'] });
      expect(paths({ snapshot: withReason })).toEqual([]);
      const taxed = snapshot({ lines: [{ ...item('S'), otherTaxes: [{ label: 'Eco', mode: 'fixed', value: '1', vatRate: '0.00', vatCategory: 'O' }] }] });
      expect(paths({ snapshot: taxed })).toEqual(['lines[0].otherTaxes[0].vatExemptionReason']);
    });

    it('requires the buyer VAT number for reverse charge and intra-EU supplies', () => {
      expect(paths({ snapshot: snapshot({ lines: [item('AE', 'Autoliquidation')] }) })).toEqual(['buyer.vatNumber']);
      expect(paths({ snapshot: snapshot({ lines: [item('K', 'Exonération, art. 262 ter I du CGI')], deliveryDate: '2026-11-20' }) })).toEqual(['buyer.vatNumber']);
      expect(paths({ snapshot: snapshot({ lines: [item('E', 'Exonération')] }) })).toEqual([]);
    });

    it('requires the delivery date of an intra-EU supply', () => {
      const k = { snapshot: snapshot({ lines: [item('K', 'Exonération, art. 262 ter I du CGI')] }), section: section({ buyer: { ...section().buyer, vatNumber: 'DE123456789' } }) };
      expect(paths(k)).toEqual(['deliveryDate']);
      expect(paths({ ...k, snapshot: { ...k.snapshot, deliveryDate: '2026-11-20' } })).toEqual([]);
    });
  });

  describe('payment', () => {
    it('needs the company IBAN for a transfer', () => {
      expect(paths({ facts: { ...FACTS, companyIban: null } })).toEqual(['paymentMeans.iban']);
      expect(paths({ facts: { ...FACTS, companyIban: null }, snapshot: snapshot({ paymentMethod: 'cheque' }) })).toEqual([]);
    });

    it('needs the mandate reference and the creditor id for a direct debit', () => {
      const debit = snapshot({ paymentMethod: 'direct_debit' });
      expect(paths({ snapshot: debit })).toEqual([]);
      expect(paths({ snapshot: debit, facts: { ...FACTS, mandateReference: null, creditorId: null } })).toEqual(['paymentMeans.mandateReference', 'paymentMeans.creditorId']);
    });

    it('needs the late-payment and early-payment wordings', () => {
      expect(paths({ section: section({ notes: { PMD: ' ', PMT: 'x', AAB: '', TXD: null } }) })).toEqual(['notes.PMD', 'notes.AAB']);
    });
  });

  describe('document', () => {
    it('wants a number of at most 35 allowed characters (BR-FR-01/02)', () => {
      expect(paths({ snapshot: snapshot({ number: 'F 2026 1' }) })).toEqual(['number']);
      expect(paths({ snapshot: snapshot({ number: 'F'.repeat(36) }) })).toEqual(['number']);
      expect(paths({ snapshot: snapshot({ number: 'FA+2026/11_00-1' }) })).toEqual([]);
    });

    it('wants euros (BR-FR-CO-12) and a due date not before the invoice date (BR-FR-CO-07)', () => {
      expect(paths({ snapshot: snapshot({ currency: 'USD' }) })).toEqual(['currency']);
      expect(paths({ snapshot: snapshot({ dueDate: '2026-11-23' }) })).toEqual(['dueDate']);
      expect(paths({ snapshot: snapshot({ dueDate: '2026-11-24' }) })).toEqual([]);
    });

    it('wants the preceding invoice of a credit note', () => {
      expect(paths({ snapshot: snapshot({ kind: 'credit_note' }) })).toEqual(['precedingInvoice']);
      expect(paths({ snapshot: snapshot({ kind: 'credit_note' }), section: section({ precedingInvoices: [{ id: 'i', number: 'F1', issueDate: '2026-11-01' }] }) })).toEqual([]);
    });
  });
});

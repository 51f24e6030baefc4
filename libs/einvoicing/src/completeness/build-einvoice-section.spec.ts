import { BusinessRuleError } from '@comptoir/platform/kernel';
import { buildEInvoiceSection } from './build-einvoice-section';
import { DEFAULT_EINVOICING_SETTINGS, EInvoiceFacts } from './einvoice-facts';
import { raiseIncomplete } from './einvoice-incomplete';
import { ADDRESS, snapshot } from './completeness.fixtures';

function facts(overrides: Partial<EInvoiceFacts> = {}): EInvoiceFacts {
  return {
    settings: { ...DEFAULT_EINVOICING_SETTINGS, enabled: true },
    company: { siren: '123456789', vatNumber: 'FR32123456789', vatRegime: 'normal', country: 'FR', sepaCreditorId: 'FR12ZZZ123456' },
    bankAccount: { iban: 'FR7630006000011234567890189', bic: 'AGRIFRPP', holder: 'Comptoir SAS' },
    accounts: new Map([['acc-1', { id: 'acc-1', kind: 'company', siren: '987654321', vatNumber: 'FR45987654321', electronicAddress: null, electronicAddressScheme: null, country: 'FR' }]]),
    mandates: new Map([['acc-1', { reference: 'RUM-0001', iban: 'FR7612345000010000000000123' }]]),
    depositInvoices: new Map([['dep-1', { id: 'dep-1', number: 'FA2026-00003', date: '2026-10-01' }]]),
    depositSources: new Map([['doc-1', 'goods']]),
    ...overrides,
  };
}

describe('buildEInvoiceSection', () => {
  it('puts a French business buyer of an enabled company in scope, with addresses defaulting to the SIRENs', () => {
    const { section } = buildEInvoiceSection(snapshot(), facts());
    expect(section).toMatchObject({
      version: 1,
      inScope: true,
      flow: 'B2B',
      billingMode: 'S1',
      profile: 'EN16931',
      seller: { electronicAddress: { value: '123456789', scheme: '0225' }, vatNumber: 'FR32123456789', country: 'FR' },
      buyer: { electronicAddress: { value: '987654321', scheme: '0225' }, vatNumber: 'FR45987654321', country: 'FR' },
      precedingInvoices: [],
    });
  });

  it('prefers the explicit electronic addresses and schemes', () => {
    const all = facts({ settings: { ...DEFAULT_EINVOICING_SETTINGS, enabled: true, electronicAddress: '123456789_FACT', electronicAddressScheme: '0225' } });
    all.accounts.set('acc-1', { ...all.accounts.get('acc-1')!, electronicAddress: '98765432100012', electronicAddressScheme: '0009' });
    const { section } = buildEInvoiceSection(snapshot(), all);
    expect(section.seller.electronicAddress).toEqual({ value: '123456789_FACT', scheme: '0225' });
    expect(section.buyer.electronicAddress).toEqual({ value: '98765432100012', scheme: '0009' });
  });

  it('keeps foreign businesses, consumers and companies not enabled out of scope', () => {
    const foreign = snapshot({ buyer: { ...snapshot().buyer, siren: null, address: { ...ADDRESS, country: 'DE' } } });
    expect(buildEInvoiceSection(foreign, facts()).section).toMatchObject({ inScope: false, flow: 'B2BINT', buyer: { country: 'DE', electronicAddress: null } });
    const consumer = snapshot({ buyer: { ...snapshot().buyer, kind: 'person', siren: null } }, { buyerIsBusiness: false });
    expect(buildEInvoiceSection(consumer, facts()).section).toMatchObject({ inScope: false, flow: 'B2C', buyer: { electronicAddress: null }, notes: { PMT: null } });
    expect(buildEInvoiceSection(snapshot(), facts({ settings: DEFAULT_EINVOICING_SETTINGS })).section).toMatchObject({ inScope: false, flow: 'B2B' });
  });

  it.each([
    ['goods', false, 'B1'],
    ['services', false, 'S1'],
    ['mixed', false, 'M1'],
    ['goods', true, 'B4'],
    ['services', true, 'S4'],
    ['mixed', true, 'M4'],
  ] as const)('bills %s (deducting deposits: %s) in mode %s', (operationCategory, deducts, mode) => {
    const lines = [...snapshot().lines, ...(deducts ? [{ kind: 'item' as const, vatRate: '20.00', vatCategory: 'S' as const, vatExemptionReason: null, otherTaxes: [], depositInvoiceId: 'dep-1' }] : [])];
    expect(buildEInvoiceSection(snapshot({ lines }, { operationCategory }), facts()).section.billingMode).toBe(mode);
  });

  it("bills a deposit invoice in the category of what its order supplies, not its own lines", () => {
    expect(buildEInvoiceSection(snapshot({ kind: 'deposit' }), facts()).section.billingMode).toBe('B1');
    expect(buildEInvoiceSection(snapshot({ kind: 'deposit' }), facts({ depositSources: new Map() })).section.billingMode).toBe('S1');
    expect(buildEInvoiceSection(snapshot({ kind: 'invoice' }), facts()).section.billingMode).toBe('S1');
  });

  it('lists the deposit invoices a final invoice deducts, and the invoice a credit note corrects', () => {
    const lines = [{ kind: 'item' as const, vatRate: '20.00', vatCategory: 'S' as const, vatExemptionReason: null, otherTaxes: [], depositInvoiceId: 'dep-1' }];
    expect(buildEInvoiceSection(snapshot({ lines }), facts()).section.precedingInvoices).toEqual([{ id: 'dep-1', number: 'FA2026-00003', issueDate: '2026-10-01' }]);
    const credit = snapshot({ kind: 'credit_note' }, { precedingInvoice: { id: 'inv-1', number: 'F2026-00001', date: '2026-11-02' } });
    expect(buildEInvoiceSection(credit, facts()).section.precedingInvoices).toEqual([{ id: 'inv-1', number: 'F2026-00001', issueDate: '2026-11-02' }]);
  });

  it('pays transfers to the company account and direct debits under the buyer mandate and the company ICS', () => {
    expect(buildEInvoiceSection(snapshot(), facts()).section.paymentMeans).toEqual([
      { code: '58', text: 'Virement SEPA', remittance: 'F2026-00001', creditTransfer: { iban: 'FR7630006000011234567890189', accountName: 'Comptoir SAS', bic: 'AGRIFRPP' }, directDebit: null },
    ]);
    expect(buildEInvoiceSection(snapshot({ paymentMethod: 'direct_debit' }), facts()).section.paymentMeans).toEqual([
      { code: '59', text: 'Prélèvement SEPA', remittance: 'F2026-00001', creditTransfer: null, directDebit: { mandateReference: 'RUM-0001', creditorId: 'FR12ZZZ123456', debitedIban: 'FR7612345000010000000000123' } },
    ]);
    const built = buildEInvoiceSection(snapshot({ paymentMethod: 'direct_debit' }), facts({ mandates: new Map() }));
    expect(built.section.paymentMeans).toEqual([]);
    expect(built.facts.mandateReference).toBeNull();
  });

  it('writes the mandatory notes, and the tax wording only when it applies', () => {
    const { section } = buildEInvoiceSection(snapshot(), facts());
    expect(section.notes).toEqual({ PMD: 'Pénalités : 3 fois le taux légal', PMT: 'Indemnité forfaitaire pour frais de recouvrement : 40 €', AAB: "Pas d'escompte pour paiement anticipé", TXD: null });
    const reverse = snapshot({ lines: [{ kind: 'item', vatRate: '0.00', vatCategory: 'AE', vatExemptionReason: 'Autoliquidation', otherTaxes: [], depositInvoiceId: null }] }, { vatOnDebits: true });
    expect(buildEInvoiceSection(reverse, facts()).section.notes.TXD).toBe("Autoliquidation ; Option pour le paiement de la taxe d'après les débits");
    const franchise = facts({ company: { ...facts().company, vatRegime: 'franchise' } });
    expect(buildEInvoiceSection(snapshot(), franchise)).toMatchObject({ section: { notes: { TXD: 'TVA non applicable, art. 293 B du CGI' } }, facts: { vatFranchise: true } });
  });
});

describe('raiseIncomplete', () => {
  const drafts = [{ doc: { id: 'a' }, errors: [{ path: 'buyer.siren', message: 'm' }] }];

  it('names the fields of a single document as they are', () => {
    expect(() => raiseIncomplete(drafts, false)).toThrow(expect.objectContaining({ code: 'einvoice_incomplete', status: 422, errors: [{ path: 'buyer.siren', message: 'm' }] }) as BusinessRuleError);
  });

  it('prefixes each path with its draft in a batch', () => {
    expect(() => raiseIncomplete(drafts, true)).toThrow(expect.objectContaining({ errors: [{ path: 'invoices[a].buyer.siren', message: 'm' }] }) as BusinessRuleError);
  });
});

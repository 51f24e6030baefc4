import { toEInvoice } from './to-einvoice';
import { sealedSnapshot } from './sealed-snapshot.fixtures';

describe('toEInvoice', () => {
  it('throws when the snapshot has no e-invoice section', () => {
    const { einvoice: _section, ...quote } = sealedSnapshot({ lines: [{ quantity: '1', unitPrice: '10', vatRate: '20.00' }] });
    expect(() => toEInvoice(quote)).toThrow('no e-invoice section');
  });

  it('maps the kind to BT-3: invoice 380, credit note 381 (amounts stay positive), deposit invoice 386', () => {
    const line = { quantity: '1.0000', unitPrice: '100.0000', vatRate: '20.00' };
    expect(toEInvoice(sealedSnapshot({ lines: [line] })).typeCode).toBe('380');
    const credit = toEInvoice(sealedSnapshot({ lines: [line], kind: 'credit_note', einvoice: { precedingInvoices: [{ id: 'i', number: 'F-1', issueDate: '2026-11-01' }] } }));
    expect(credit).toMatchObject({ typeCode: '381', precedingInvoices: [{ number: 'F-1', issueDate: '2026-11-01' }], totals: { grossTotal: '120.00', due: '120.00' } });
    expect(toEInvoice(sealedSnapshot({ lines: [line], kind: 'deposit' })).typeCode).toBe('386');
  });

  it('copies the flow, billing mode, profile, payment means and the French notes, leaving out the empty ones', () => {
    const invoice = toEInvoice(sealedSnapshot({ lines: [{ quantity: '1', unitPrice: '10', vatRate: '20.00' }], einvoice: { flow: 'B2C', billingMode: 'B1', profile: 'EXTENDED-CTC-FR' } }));
    expect(invoice).toMatchObject({ flow: 'B2C', billingMode: 'B1', profile: 'EXTENDED-CTC-FR', paymentMeans: [{ code: '58' }] });
    expect(invoice.notes.map((n) => n.subject)).toEqual(['PMD', 'PMT', 'AAB']);
  });

  it('identifies the parties: SIREN scheme 0002, SIRET 0009, VAT numbers, electronic addresses, BT-33, the buyer contact', () => {
    const { seller, buyer } = toEInvoice(sealedSnapshot({ lines: [{ quantity: '1', unitPrice: '10', vatRate: '20.00' }] }));
    expect(seller).toMatchObject({
      legalId: { value: '732829320', scheme: '0002' },
      identifiers: [{ value: '73282932000074', scheme: '0009' }],
      vatNumber: 'FR44732829320',
      electronicAddress: { value: '732829320', scheme: '0225' },
      taxRegistration: null,
      address: { line1: '12 rue de la Paix', postalCode: '75002', city: 'Paris', country: 'FR' },
    });
    expect(seller.legalInfo).toMatch(/^SAS au capital de 10\s000,00\s€ – RCS Paris$/);
    expect(buyer).toMatchObject({ legalId: { value: '552100554', scheme: '0002' }, identifiers: [{ value: '55210055400013', scheme: '0009' }], contact: { name: 'Mme Anne Martin', phone: '04 72 00 00 00', email: 'compta@martin.test' } });
  });

  it('writes a line discount as gross price, discount per unit and net price; units as UN/ECE rec. 20 codes', () => {
    const [hours, shelf, loose] = toEInvoice(
      sealedSnapshot({
        lines: [
          { quantity: '3.0000', unit: 'hour', unitPrice: '45.0000', discountPercent: '10.00', vatRate: '20.00', description: 'Pose\nétagères murales' },
          { quantity: '1.0000', unit: 'piece', unitPrice: '33.3300', discountPercent: '12.50', vatRate: '20.00' },
          { quantity: '2.0000', unit: null, unitPrice: '5.0000', vatRate: '5.50' },
        ],
      }),
    ).lines;
    expect(hours).toMatchObject({ id: '1', unitCode: 'HUR', quantity: '3.0000', grossPrice: '45.0000', priceDiscount: '4.5000', netPrice: '40.5000', netAmount: '121.50', name: 'Pose', description: 'étagères murales' });
    expect(shelf).toMatchObject({ unitCode: 'H87', grossPrice: '33.3300', priceDiscount: '4.16625', netPrice: '29.16375', netAmount: '29.16' });
    expect(loose).toMatchObject({ unitCode: 'C62', grossPrice: null, priceDiscount: null, netPrice: '5.0000', vatRate: '5.50' });
  });

  it('makes the general discount one allowance per rate and shipping and other taxes charges', () => {
    const invoice = toEInvoice(
      sealedSnapshot({
        lines: [
          { quantity: '1', unitPrice: '200', vatRate: '20.00', otherTaxes: [{ label: 'Éco-participation', mode: 'fixed', value: '2.00', vatRate: '20.00' }] },
          { quantity: '1', unitPrice: '100', vatRate: '5.50' },
        ],
        generalDiscount: { mode: 'percent', base: 'net', value: '10' },
        shipping: { amount: '12.00', vatRate: '20.00' },
      }),
    );
    expect(invoice.allowances).toEqual([
      { amount: '20.00', baseAmount: '200.00', percent: '10.00', vatCategory: 'S', vatRate: '20.00', reason: 'Remise', reasonCode: '95' },
      { amount: '10.00', baseAmount: '100.00', percent: '10.00', vatCategory: 'S', vatRate: '5.50', reason: 'Remise', reasonCode: '95' },
    ]);
    expect(invoice.charges.map((c) => [c.reason, c.reasonCode, c.amount])).toEqual([
      ['Éco-participation', null, '2.00'],
      ['Frais de port', 'FC', '12.00'],
    ]);
    expect(invoice.totals).toMatchObject({ lineNetTotal: '300.00', allowanceTotal: '30.00', chargeTotal: '14.00', netTotal: '284.00' });
  });

  it.each([
    ['E', 'TVA non applicable, art. 293 B du CGI', 'TVA non applicable, art. 293 B du CGI', 'VATEX-FR-FRANCHISE'],
    ['E', 'Exonération de TVA, article 261-4-4° du CGI', 'Exonération de TVA, article 261-4-4° du CGI', null],
    ['AE', null, 'Autoliquidation', 'VATEX-EU-AE'],
    ['K', null, 'Exonération de TVA, article 262 ter I du CGI', 'VATEX-EU-IC'],
    ['G', 'Export hors UE', 'Export hors UE', 'VATEX-EU-G'],
    ['Z', null, null, null],
  ] as const)('states why category %s carries no VAT: reason "%s" → "%s", code %s', (category, given, reason, code) => {
    const invoice = toEInvoice(sealedSnapshot({ lines: [{ quantity: '1', unitPrice: '100', vatRate: '0.00', vatCategory: category, vatExemptionReason: given }] }));
    expect(invoice.vatBreakdown).toEqual([expect.objectContaining({ category, rate: '0.00', taxableAmount: '100.00', taxAmount: '0.00', exemptionReason: reason, exemptionReasonCode: code })]);
  });

  it('identifies a 293 B seller without a VAT number by its SIREN for tax purposes (BT-32)', () => {
    const invoice = toEInvoice(
      sealedSnapshot({
        lines: [{ quantity: '1', unitPrice: '100', vatRate: '0.00', vatCategory: 'E', vatExemptionReason: 'TVA non applicable, art. 293 B du CGI' }],
        einvoice: { seller: { electronicAddress: { value: '732829320', scheme: '0225' }, vatNumber: null, country: 'FR' } },
      }),
    );
    expect(invoice.seller).toMatchObject({ vatNumber: null, taxRegistration: '732829320' });
  });

  it('gives the VAT on debits as BT-8 code 5 on the taxed groups', () => {
    const invoice = toEInvoice(sealedSnapshot({ lines: [{ quantity: '1', unitPrice: '100', vatRate: '20.00' }], over: { legal: { vatOnDebits: true } } }));
    expect(invoice).toMatchObject({ vatOnDebits: true, vatBreakdown: [{ dueDateTypeCode: '5' }] });
  });

  it('refers each deposit deduction line of a final invoice to its deposit invoice', () => {
    const invoice = toEInvoice(
      sealedSnapshot({
        lines: [
          { quantity: '1.0000', unitPrice: '1000.0000', vatRate: '20.00' },
          { quantity: '-1.0000', unitPrice: '300.0000', vatRate: '20.00', description: 'Acompte n° FA-3 du 01/10/2026', depositInvoiceId: 'dep-1' },
        ],
        einvoice: { billingMode: 'S4', precedingInvoices: [{ id: 'dep-1', number: 'FA-3', issueDate: '2026-10-01' }] },
      }),
    );
    expect(invoice.billingMode).toBe('S4');
    expect(invoice.lines[1]).toMatchObject({ quantity: '-1.0000', netPrice: '300.0000', netAmount: '-300.00', referencedDocument: { number: 'FA-3', issueDate: '2026-10-01', typeCode: '386' } });
    expect(invoice.totals).toMatchObject({ netTotal: '700.00', grossTotal: '840.00' });
  });

  it('gives the delivery date and the delivery address only when it differs from the billing address', () => {
    const line = { quantity: '1', unitPrice: '100', vatRate: '20.00' };
    const billing = { line1: '3 rue des Lilas', postalCode: '69003', city: 'Lyon', country: 'FR' };
    expect(toEInvoice(sealedSnapshot({ lines: [line] })).delivery).toBeNull();
    expect(toEInvoice(sealedSnapshot({ lines: [line], over: { deliveryDate: '2026-11-20', deliveryAddress: billing } })).delivery).toEqual({ date: '2026-11-20', address: null, partyName: null });
    const site = { line1: 'ZI des Forges', postalCode: '69800', city: 'Saint-Priest', country: 'FR' };
    expect(toEInvoice(sealedSnapshot({ lines: [line], over: { deliveryAddress: site, deliveryAttention: 'Quai 3' } })).delivery).toEqual({
      date: null,
      address: { line1: 'ZI des Forges', line2: null, postalCode: '69800', city: 'Saint-Priest', country: 'FR' },
      partyName: 'Quai 3',
    });
  });

  it('ships an intra-EU supply to the billing address when no other is given (BR-IC-12)', () => {
    const invoice = toEInvoice(sealedSnapshot({ lines: [{ quantity: '1', unitPrice: '100', vatRate: '0.00', vatCategory: 'K' }], over: { deliveryDate: '2026-11-20' } }));
    expect(invoice.delivery).toMatchObject({ date: '2026-11-20', address: { city: 'Lyon', country: 'FR' }, partyName: 'Boulangerie Martin' });
  });

  it('gives the due date, and the installments in words when there are several', () => {
    const single = toEInvoice(sealedSnapshot({ lines: [{ quantity: '1', unitPrice: '100', vatRate: '20.00' }] }));
    expect(single).toMatchObject({ dueDate: '2026-12-24', paymentTermsText: null });
    const split = toEInvoice(
      sealedSnapshot({
        lines: [{ quantity: '1', unitPrice: '100', vatRate: '20.00' }],
        over: {
          schedule: [
            { index: 0, dueDate: '2026-12-24', percent: '50', amount: '60.00', kind: 'payment' },
            { index: 1, dueDate: '2027-01-24', percent: '50', amount: '60.00', kind: 'payment' },
          ],
          dueDate: '2027-01-24',
        },
      }),
    );
    expect(split.dueDate).toBe('2027-01-24');
    expect(split.paymentTermsText).toMatch(/^60,00\s€ le 24\/12\/2026 ; 60,00\s€ le 24\/01\/2027$/);
  });

  it('says how a document without a due date is paid when something is due (BR-CO-25)', () => {
    const line = { quantity: '1', unitPrice: '100', vatRate: '20.00' };
    const undated = { dueDate: null, schedule: [] };
    expect(toEInvoice(sealedSnapshot({ lines: [line], kind: 'credit_note', over: undated })).paymentTermsText).toBe('Avoir remboursé ou déduit du prochain règlement');
    expect(toEInvoice(sealedSnapshot({ lines: [line], over: undated })).paymentTermsText).toBe('Paiement à réception');
    expect(toEInvoice(sealedSnapshot({ lines: [line] })).paymentTermsText).toBeNull();
  });
});

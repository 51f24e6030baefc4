import { FRANCHISE_293B, invoiceMentions, NO_EARLY_PAYMENT_DISCOUNT, RECOVERY_INDEMNITY, REVERSE_CHARGE, VAT_ON_DEBITS, vatMentions } from './invoice-mentions';
import { PrintableDocument, PrintableVatBreakdown } from './printable-document';
import { sampleInvoice } from './sample-documents';

const vatGroup = (category: PrintableVatBreakdown['category'], exemptionReason: string | null = null): PrintableVatBreakdown => ({ category, rate: '0.00', base: '100.00', amount: '0.00', exemptionReason });
const withVat = (vat: PrintableVatBreakdown[], overrides: Partial<PrintableDocument> = {}) => {
  const doc = sampleInvoice(overrides);
  return { ...doc, lines: doc.lines.map((line) => ({ ...line, vatCategory: undefined })), totals: { ...doc.totals, vat } };
};

describe('invoiceMentions', () => {
  it('gives a B2B invoice its due date, early-payment and penalty terms, the 40 € indemnity and the customer SIREN', () => {
    const mentions = invoiceMentions(sampleInvoice());
    expect(mentions).toEqual(
      expect.arrayContaining([
        "Date d'échéance : 31/12/2026",
        NO_EARLY_PAYMENT_DISCOUNT,
        "Pénalités de retard : trois fois le taux d'intérêt légal",
        RECOVERY_INDEMNITY,
        'SIREN du client : 732829320',
        "Catégorie de l'opération : Mixte",
        'Date de la livraison : 20/11/2026',
      ]),
    );
    expect(RECOVERY_INDEMNITY).toBe('Indemnité forfaitaire pour frais de recouvrement : 40 €');
  });

  it('leaves the 40 € indemnity and the customer SIREN out towards a consumer', () => {
    const mentions = invoiceMentions(sampleInvoice({ buyerIsBusiness: false }));
    expect(mentions).not.toContain(RECOVERY_INDEMNITY);
    expect(mentions.some((m) => m.startsWith('SIREN du client'))).toBe(false);
    expect(mentions).toContain(NO_EARLY_PAYMENT_DISCOUNT);
  });

  it('prints the early-payment discount terms when there are some, instead of "pas d\'escompte"', () => {
    const doc = sampleInvoice();
    const mentions = invoiceMentions({ ...doc, legal: { ...doc.legal, earlyPaymentText: 'Escompte de 2 % pour paiement sous 8 jours' } });
    expect(mentions).toContain('Escompte de 2 % pour paiement sous 8 jours');
    expect(mentions).not.toContain(NO_EARLY_PAYMENT_DISCOUNT);
  });

  it("prints the document's early-payment discount option instead of the settings' wording or \"pas d'escompte\"", () => {
    const doc = sampleInvoice();
    const mentions = invoiceMentions({ ...doc, legal: { ...doc.legal, earlyPaymentText: 'Escompte selon CGV', earlyPaymentDiscount: { percent: '2.00', withinDays: 10 } } });
    expect(mentions).toContain('Escompte de 2 % pour paiement sous 10 jours à compter de la date de facture');
    expect(mentions).not.toContain(NO_EARLY_PAYMENT_DISCOUNT);
    expect(mentions).not.toContain('Escompte selon CGV');
    const cash = invoiceMentions({ ...doc, legal: { ...doc.legal, earlyPaymentDiscount: { percent: '1.5', withinDays: 0 } } });
    expect(cash).toContain('Escompte de 1,5 % pour paiement comptant à compter de la date de facture');
  });

  it('recalls the deposits a final invoice deducts, and says nothing of them otherwise', () => {
    const doc = sampleInvoice();
    const mentions = invoiceMentions({ ...doc, totals: { ...doc.totals, deposits: '342.60' } });
    expect(mentions.find((m) => m.startsWith('Acomptes déduits'))?.replace(/\s/g, ' ')).toBe("Acomptes déduits : 342,60 € TTC (factures d'acompte rappelées ligne à ligne)");
    expect(invoiceMentions({ ...doc, totals: { ...doc.totals, deposits: '0.00' } }).some((m) => m.startsWith('Acomptes'))).toBe(false);
    expect(invoiceMentions(doc).some((m) => m.startsWith('Acomptes'))).toBe(false);
  });

  it('falls back to the statutory penalty wording for a business when none is configured', () => {
    const doc = sampleInvoice();
    expect(invoiceMentions({ ...doc, legal: { ...doc.legal, latePenaltyText: ' ' } })).toContain("Pénalités de retard : taux d'intérêt de la BCE majoré de 10 points");
  });

  it('names the operation category', () => {
    expect(invoiceMentions(sampleInvoice({ operationCategory: 'goods' }))).toContain("Catégorie de l'opération : Livraison de biens");
    expect(invoiceMentions(sampleInvoice({ operationCategory: 'services' }))).toContain("Catégorie de l'opération : Prestation de services");
  });

  it('omits the supply date when it is the invoice date', () => {
    expect(invoiceMentions(sampleInvoice({ supplyDate: '2026-11-23' })).some((m) => m.startsWith('Date de la'))).toBe(false);
  });

  it('prints the franchise en base wording for an exempt group whose reason cites art. 293 B', () => {
    expect(invoiceMentions(withVat([vatGroup('E', 'Franchise en base, article 293 B du CGI')]))).toContain(FRANCHISE_293B);
    expect(FRANCHISE_293B).toBe('TVA non applicable, art. 293 B du CGI');
  });

  it('prints the reason of another exemption as given', () => {
    expect(vatMentions(withVat([vatGroup('E', 'Exonération de TVA, article 261-4-4° du CGI')]))).toEqual(['Exonération de TVA, article 261-4-4° du CGI']);
  });

  it('prints "Autoliquidation" and the customer VAT number for reverse charge', () => {
    const mentions = invoiceMentions(withVat([vatGroup('AE')]));
    expect(mentions).toContain(REVERSE_CHARGE);
    expect(mentions).toContain('N° de TVA intracommunautaire du client : FR83732829320');
  });

  it('prints the intra-EU and export exemption articles', () => {
    expect(vatMentions(withVat([vatGroup('K')]))).toEqual(['Exonération de TVA, article 262 ter I du CGI']);
    expect(vatMentions(withVat([vatGroup('G')]))).toEqual(['Exonération de TVA, article 262 I du CGI']);
  });

  it('prints nothing about VAT for standard-rated and zero-rated groups only', () => {
    expect(vatMentions(withVat([{ ...vatGroup('S'), rate: '20.00' }, vatGroup('Z')]))).toEqual([]);
  });

  it('prints the VAT-on-debits option only when the seller opted for it', () => {
    const doc = withVat([{ ...vatGroup('S'), rate: '20.00' }]);
    expect(invoiceMentions(doc)).not.toContain(VAT_ON_DEBITS);
    expect(invoiceMentions({ ...doc, legal: { ...doc.legal, vatOnDebits: true } })).toContain(VAT_ON_DEBITS);
    expect(VAT_ON_DEBITS).toBe("Option pour le paiement de la taxe d'après les débits");
  });

  it('references the corrected invoice on a credit note', () => {
    const doc = sampleInvoice({ kind: 'credit_note', number: 'AV2026-00003' });
    const mentions = invoiceMentions({ ...doc, legal: { ...doc.legal, precedingInvoiceNumber: 'FA2026-00012', precedingInvoiceDate: '2026-11-02' } });
    expect(mentions[0]).toBe('Avoir sur facture FA2026-00012 du 02/11/2026');
  });

  it('takes the due date from the last installment when the document has none', () => {
    expect(invoiceMentions(sampleInvoice({ dueDate: null }))).toContain("Date d'échéance : 31/12/2026");
  });

  it('lists each wording once even when several lines and groups share a category', () => {
    const doc = withVat([vatGroup('AE'), { ...vatGroup('AE'), rate: '10.00' }]);
    expect(invoiceMentions({ ...doc, lines: doc.lines.map((line) => ({ ...line, vatCategory: 'AE' as const })) }).filter((m) => m === REVERSE_CHARGE)).toHaveLength(1);
  });
});

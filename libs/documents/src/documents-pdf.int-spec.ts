import { AppConfig } from '@comptoir/platform/config';
import { describeWithChromium, pdfLargeText, pdfPageCount, pdfPagesText, PdfRenderer } from '@comptoir/platform/pdf';
import { renderDocumentHtml } from './render-document-html';
import { sampleInvoice, sampleLines } from './sample-documents';

const config = Object.assign(new AppConfig(), { pdfPoolSize: 2 });
const LEGAL_FOOTER = 'SAS au capital de 10 000,00 € – Siège social : 12 rue des Tanneurs, 69002 Lyon – SIREN 552100554 – RCS Lyon 552 100 554';
const squash = (text: string) => text.replace(/\s+/g, ' ');

describeWithChromium(config.chromiumPath)('sales documents printed by Chromium', () => {
  const renderer = new PdfRenderer(config);
  afterAll(() => renderer.onModuleDestroy());

  const print = async (doc: Parameters<typeof renderDocumentHtml>[0]) => {
    const pdf = await renderer.render(renderDocumentHtml(doc));
    return { pdf, pages: await pdfPagesText(pdf) };
  };

  it('prints an invoice with its number, totals, VAT per rate and mandatory mentions', async () => {
    const { pages } = await print(sampleInvoice());
    const text = squash(pages.join('\n'));
    for (const expected of [
      'Facture',
      'N° FA2026-00042',
      '23/11/2026',
      '1 234,50 €', // lines total
      '1 187,78 €', // total HT after the gross discount and shipping
      'TVA 20 % 178,34 €',
      'TVA 10 % 10,26 €',
      'TVA 5,5 % 2,60 €',
      'Total TTC 1 378,98 €',
      'Net à payer 1 078,98 €',
      'Frais de port (TVA 20 %) 15,00 €',
      'TVA non applicable, art. 293 B du CGI',
      "Pas d'escompte pour paiement anticipé",
      'Indemnité forfaitaire pour frais de recouvrement : 40 €',
      'SIREN du client : 732829320',
      "Catégorie de l'opération : Mixte",
      "À l'attention de Mme Claire Martin",
    ])
      expect(text).toContain(expected);
    expect(await pdfLargeText(await renderer.render(renderDocumentHtml(sampleInvoice())), 1)).toBe('');
  });

  it('marks a draft quote SPECIMEN and a test-mode invoice TEST on every page', async () => {
    const draft = await print(sampleInvoice({ kind: 'quote', number: null, watermark: 'SPECIMEN', validityDate: '2026-12-23' }));
    for (const expected of ['Devis', 'Brouillon', "Valable jusqu'au 23/12/2026"]) expect(draft.pages[0]).toContain(expected);
    for (let page = 1; page <= draft.pages.length; page++) expect(await pdfLargeText(draft.pdf, page)).toBe('SPECIMEN');
    const test = await print(sampleInvoice({ watermark: 'TEST' }));
    expect(await pdfLargeText(test.pdf, 1)).toBe('TEST');
  });

  it('prints no price on a delivery note', async () => {
    const { pages } = await print(sampleInvoice({ kind: 'delivery_note', number: 'BL2026-00007', deliveryDate: '2026-11-20' }));
    // The share capital in the legal footer is the only amount allowed.
    const text = pages.join('\n').replace(/au capital de 10 000,00 €/g, '');
    expect(text).toContain('Bon de livraison');
    expect(text).toContain('Cartouches d’encre (lot de 4)');
    expect(text).not.toMatch(/€|Total|P\.U\./);
  });

  it('spreads a 60-line document over several pages, each with the legal footer and its number', async () => {
    const { pages } = await print(sampleInvoice({ lines: sampleLines(60) }));
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.filter((page) => page.includes('REF-')).length).toBeGreaterThan(1);
    pages.forEach((page, i) => {
      expect(squash(page)).toContain(LEGAL_FOOTER);
      expect(page).toContain(`Page ${i + 1} / ${pages.length}`);
      if (page.includes('REF-')) expect(page).toContain('Désignation'); // the table header repeats with the lines
    });
  });

  it('renderMany prints each document exactly as render does', async () => {
    const base = sampleInvoice();
    const docs = [
      base,
      sampleInvoice({ number: 'FA2026-00043', lines: [...base.lines, ...sampleLines(45)] }),
      sampleInvoice({ kind: 'quote', number: null, watermark: 'SPECIMEN', lines: sampleLines(60) }),
      sampleInvoice({ kind: 'delivery_note', number: 'BL2026-00007' }),
      sampleInvoice({ kind: 'credit_note', number: 'AV2026-00001', buyerIsBusiness: false, legal: { ...base.legal, precedingInvoiceNumber: 'FA2026-00012', precedingInvoiceDate: '2026-11-02' } }),
      sampleInvoice({ number: 'FA2026-00044', lines: [...sampleLines(20), { kind: 'page_break', description: '' }, ...sampleLines(3)] }),
    ].map(renderDocumentHtml);
    const many = await renderer.renderMany(docs);
    for (const [i, html] of docs.entries()) {
      const single = await renderer.render(html);
      expect(await pdfPageCount(many[i]!)).toBe(await pdfPageCount(single));
      expect(await pdfPagesText(many[i]!)).toEqual(await pdfPagesText(single));
    }
    expect(await pdfPageCount(many[5]!)).toBeGreaterThanOrEqual(2); // the forced page break
  });
});

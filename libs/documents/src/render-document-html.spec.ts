import { renderDocumentHtml } from './render-document-html';
import { ALL_PDF_OPTIONS, sampleInvoice } from './sample-documents';

describe('renderDocumentHtml', () => {
  it('escapes user text: markup in a description, a party or the terms never becomes markup', () => {
    const attack = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const doc = sampleInvoice({ termsOfSale: attack, title: attack });
    const html = renderDocumentHtml({
      ...doc,
      buyer: { ...doc.buyer, name: attack, contactName: `"><b>x</b>` },
      lines: [{ kind: 'item', description: attack, reference: '</td><td>', quantity: '1', unitPrice: '1.00', vatRate: '20.00', net: '1.00' }, { kind: 'comment', description: attack }],
    });
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<b>x</b>');
    expect(html).not.toContain('</td><td></td>');
    expect(html).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
  });

  it('keeps user text out of the stylesheet: a footer cannot close the CSS string or the <style> element', () => {
    const doc = sampleInvoice();
    const html = renderDocumentHtml({ ...doc, establishment: { name: 'E', footer: '"; } </style><script>alert(1)</script> counter(page)' } });
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    expect(html.match(/<\/style>/g)).toHaveLength(1);
    expect(html).not.toContain('<script');
    expect(style.match(/counter\(page\)/g)).toHaveLength(1);
  });

  it('prints only inline images: a remote URL (server-side request) is dropped', () => {
    const doc = sampleInvoice();
    const html = renderDocumentHtml({
      ...doc,
      establishment: { name: 'E', logoDataUrl: 'http://169.254.169.254/latest/meta-data' },
      lines: [{ ...doc.lines[0]!, imageUrl: 'https://example.com/a.png' }, { ...doc.lines[1]!, imageUrl: 'data:image/png;base64,iVBORw0KGgo=' }],
    });
    expect(html).not.toContain('169.254');
    expect(html).not.toContain('example.com');
    expect(html).toContain('<img class="thumb" src="data:image/png;base64,iVBORw0KGgo="');
  });

  it('uses French formats and titles per kind', () => {
    const html = renderDocumentHtml(sampleInvoice());
    expect(html).toContain('<h1>Facture</h1>');
    expect(html.replace(/[\u202f\u00a0]/g, ' ')).toContain('1 234,50 €');
    expect(html).toContain('23/11/2026');
    expect(renderDocumentHtml(sampleInvoice({ kind: 'deposit' }))).toContain("<h1>Facture d'acompte</h1>");
    expect(renderDocumentHtml(sampleInvoice({ kind: 'order', number: null }))).toContain('<h1>Bon de commande</h1><p class="number">Brouillon</p>');
  });

  it('prints no price on a delivery note', () => {
    const html = renderDocumentHtml(sampleInvoice({ kind: 'delivery_note' }));
    expect(html).not.toContain('P.U. HT');
    expect(html).not.toContain('Total HT');
    expect(html).not.toContain('€');
  });

  it('honours the column options', () => {
    const html = renderDocumentHtml(sampleInvoice({ options: { ...ALL_PDF_OPTIONS, showDiscountColumn: false, showUnitPrice: false, showProductCodes: false, showBarcodes: false } }));
    expect(html).not.toContain('<th class="num">Remise</th>');
    expect(html).not.toContain('P.U. HT');
    expect(html).not.toContain('AUDIT-01');
    expect(html).not.toContain('<svg class="barcode"');
    expect(renderDocumentHtml(sampleInvoice())).toContain('<svg class="barcode"');
  });

  it('shows the delivery address only when asked and when it differs from the billing address', () => {
    expect(renderDocumentHtml(sampleInvoice())).toContain('Adresse de livraison');
    expect(renderDocumentHtml(sampleInvoice({ options: { ...ALL_PDF_OPTIONS, showDeliveryAddress: false } }))).not.toContain('Adresse de livraison');
    const doc = sampleInvoice();
    expect(renderDocumentHtml({ ...doc, deliveryAddress: { ...doc.buyer.address! } })).not.toContain('Adresse de livraison');
  });

  it('watermarks drafts and test-mode documents in the stylesheet', () => {
    expect(renderDocumentHtml(sampleInvoice({ watermark: 'SPECIMEN' }))).toMatch(/html::after \{ content: "SPECIMEN"/);
    expect(renderDocumentHtml(sampleInvoice({ watermark: 'TEST' }))).toMatch(/html::after \{ content: "TEST"/);
    expect(renderDocumentHtml(sampleInvoice())).not.toContain('html::after');
  });
});

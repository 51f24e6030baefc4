import { validateXML } from 'xmllint-wasm';
import { buildFacturXXmp, escapeXml, FACTURX_NAMESPACE, FacturXXmpFields, xmpDate } from './facturx-xmp';

const fields = (overrides: Partial<FacturXXmpFields> = {}): FacturXXmpFields => ({
  title: 'Facture FA2026-00042',
  author: 'Atelier Comptoir',
  subject: 'Facture FA2026-00042 du 2026-11-23',
  creatorTool: 'Comptoir',
  producer: 'Skia/PDF m156; Comptoir Factur-X (pdf-lib)',
  createdAt: new Date('2026-11-23T09:15:42.517Z'),
  modifiedAt: new Date('2026-11-24T10:00:00Z'),
  conformanceLevel: 'EN 16931',
  ...overrides,
});

/** xmllint's parse errors: none when the packet is well-formed XML (reformatting it needs a full parse). */
async function wellFormed(xml: string): Promise<string[]> {
  const result = await validateXML({ xml: [{ fileName: 'xmp.xml', contents: xml }], normalization: 'format' });
  return result.errors.map((error) => error.message);
}

describe('Factur-X XMP packet', () => {
  it('identifies PDF/A-3B and carries the four fx properties with the extension schema declaring them', async () => {
    const xmp = buildFacturXXmp(fields({ conformanceLevel: 'EXTENDED' }));
    expect(await wellFormed(xmp)).toEqual([]);
    expect(xmp).toMatch(/^<\?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"\?>/);
    expect(xmp).toMatch(/<\?xpacket end="w"\?>$/);
    expect(xmp).toContain('<pdfaid:part>3</pdfaid:part>');
    expect(xmp).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(xmp).toContain(`xmlns:fx="${FACTURX_NAMESPACE}"`);
    expect(xmp).toContain('<fx:DocumentType>INVOICE</fx:DocumentType>');
    expect(xmp).toContain('<fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>');
    expect(xmp).toContain('<fx:Version>1.0</fx:Version>');
    expect(xmp).toContain('<fx:ConformanceLevel>EXTENDED</fx:ConformanceLevel>');
    expect(xmp).toContain(`<pdfaSchema:namespaceURI>${FACTURX_NAMESPACE}</pdfaSchema:namespaceURI>`);
    expect(xmp).toContain('<pdfaSchema:prefix>fx</pdfaSchema:prefix>');
    const declared = [...xmp.matchAll(/<pdfaProperty:name>(\w+)<\/pdfaProperty:name>/g)].map((m) => m[1]);
    expect(declared.sort()).toEqual(['ConformanceLevel', 'DocumentFileName', 'DocumentType', 'Version']);
  });

  it('writes the dates to the second, as the Info dictionary does', () => {
    const xmp = buildFacturXXmp(fields());
    expect(xmp).toContain('<xmp:CreateDate>2026-11-23T09:15:42Z</xmp:CreateDate>');
    expect(xmp).toContain('<xmp:ModifyDate>2026-11-24T10:00:00Z</xmp:ModifyDate>');
    expect(xmp).toContain('<xmp:MetadataDate>2026-11-24T10:00:00Z</xmp:MetadataDate>');
    expect(xmpDate(new Date('2026-01-02T03:04:05.999Z'))).toBe('2026-01-02T03:04:05Z');
  });

  it('escapes & < > in titles, names and producers: user data never becomes markup', async () => {
    const xmp = buildFacturXXmp(
      fields({ title: 'Facture <FA&1> "x"', author: 'Dupont & Fils <SARL>', subject: 'a > b & c < d', producer: 'P&P </pdf:Producer>', creatorTool: '<x/>' }),
    );
    expect(await wellFormed(xmp)).toEqual([]);
    expect(xmp).toContain('<rdf:li xml:lang="x-default">Facture &lt;FA&amp;1&gt; &quot;x&quot;</rdf:li>');
    expect(xmp).toContain('<rdf:li>Dupont &amp; Fils &lt;SARL&gt;</rdf:li>');
    expect(xmp).toContain('<rdf:li xml:lang="x-default">a &gt; b &amp; c &lt; d</rdf:li>');
    expect(xmp).toContain('<pdf:Producer>P&amp;P &lt;/pdf:Producer&gt;</pdf:Producer>');
    expect(xmp).toContain('<xmp:CreatorTool>&lt;x/&gt;</xmp:CreatorTool>');
    expect(escapeXml('Tom & Jerry <3>')).toBe('Tom &amp; Jerry &lt;3&gt;');
  });
});

import { AppConfig } from '@comptoir/platform/config';
import { describeWithChromium, pdfPageCount, pdfPagesText } from './pdf-inspection';
import { PdfRenderer } from './pdf-renderer';

const config = Object.assign(new AppConfig(), { pdfPoolSize: 2 });

const doc = (name: string, paragraphs: number, extraCss = '') =>
  `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${name}</title><style>body{margin:0;font:10pt 'Liberation Sans'}${extraCss}` +
  `@page { @bottom-center { content: "${name} page " counter(page) " / " counter(pages); } }</style></head>` +
  `<body>${Array.from({ length: paragraphs }, (_, i) => `<p>${name} paragraphe ${i}</p>`).join('')}</body></html>`;

describeWithChromium(config.chromiumPath)('PdfRenderer (system Chromium)', () => {
  const renderer = new PdfRenderer(config);
  afterAll(() => renderer.onModuleDestroy());

  it('renders A4 pages with the running footer numbered per document', async () => {
    const pdf = await renderer.render(doc('Alpha', 120));
    const pages = await pdfPagesText(pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((text, i) => expect(text).toContain(`Alpha page ${i + 1} / ${pages.length}`));
  });

  it('renderMany gives each document exactly the pages render gives it, across groups and unbatchable documents', async () => {
    const htmls = [
      doc('Un', 5),
      doc('Deux', 150),
      doc('Trois', 40, 'html::after{content:"";}'),
      doc('Quatre', 70),
      '<p>fragment sans page</p>',
      doc('Cinq', 1),
    ];
    const many = await renderer.renderMany(htmls);
    expect(many).toHaveLength(htmls.length);
    for (const [i, html] of htmls.entries()) {
      const single = await renderer.render(html);
      expect(await pdfPageCount(many[i]!)).toBe(await pdfPageCount(single));
      expect(await pdfPagesText(many[i]!)).toEqual(await pdfPagesText(single));
    }
  });

  it('never fetches remote resources', async () => {
    const pdf = await renderer.render(`<!doctype html><html><head></head><body><p>avant</p><img src="http://127.0.0.1:9/x.png"><link rel="stylesheet" href="http://127.0.0.1:9/x.css"></body></html>`);
    expect((await pdfPagesText(pdf)).join('')).toContain('avant');
  });

  it('relaunches Chromium after it died', async () => {
    await renderer.render(doc('Avant', 1));
    const browser = await (renderer as unknown as { session: { get(): Promise<{ process(): { kill(signal: string): void } | null }> } }).session.get();
    browser.process()!.kill('SIGKILL');
    const pages = await pdfPagesText(await renderer.render(doc('Après', 1)));
    expect(pages[0]).toContain('Après page 1 / 1');
  });
});

import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rawBody } from '../support/raw-body';
import { createTestApp, TestApp } from '../support/test-app';
import { signupOrganization, SignedUpOrg } from '../support/fixtures';
import { createCustomer, draftInvoice } from './billing-fixtures';

/** An 8 × 8 red PNG. */
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR42mM4ISeHFTEMLQkAkL9BAc9woTwAAAAASUVORK5CYII=';

/** The images a PDF draws, as poppler's `pdfimages -list` reports them (one line each). */
function pdfImages(bytes: Buffer): string[] {
  const file = join(mkdtempSync(join(tmpdir(), 'logo-')), 'doc.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdfimages', ['-list', file]).toString().trim().split('\n').slice(2);
}

/** Per-establishment logo: validated on input, kept out of lists and snapshots, printed on the PDFs. */
describe('Establishment logo', () => {
  let t: TestApp;
  let org: SignedUpOrg;
  let customerId: string;
  let establishmentId: string;

  beforeAll(async () => {
    t = await createTestApp();
    org = await signupOrganization(t.http(), 'Logotype');
    customerId = (await createCustomer(() => t.http(), org.auth)).id;
    establishmentId = (await t.http().get('/api/v1/establishments').set(org.auth).expect(200)).body.data[0].id;
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  const setLogo = (logo: unknown) => t.http().patch(`/api/v1/establishments/${establishmentId}`).set(org.auth).send({ logo });
  const pdf = async (path: string) => (await t.http().get(path).set(org.auth).expect(200).buffer(true).parse(rawBody)).body as Buffer;

  it('answers 400 naming logo for an SVG, a mislabelled image, a non data URL or an image over 300 kB', async () => {
    const big = `data:image/png;base64,${Buffer.concat([Buffer.from(PNG.split(',')[1]!, 'base64'), Buffer.alloc(300_001)]).toString('base64')}`;
    const svg = `data:image/svg+xml;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>').toString('base64')}`;
    const jpegLabelledPng = `data:image/jpeg;base64,${PNG.split(',')[1]}`;
    for (const logo of [svg, jpegLabelledPng, 'https://example.test/logo.png', big, 42]) {
      const res = await setLogo(logo).expect(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['logo']);
    }
  });

  it('keeps the logo out of lists, prints it on drafts and originals, never copies it into the snapshot', async () => {
    const saved = await setLogo(PNG).expect(200);
    expect(saved.body).toMatchObject({ hasLogo: true, logo: PNG });
    const listed = (await t.http().get('/api/v1/establishments').set(org.auth).expect(200)).body.data[0];
    expect(listed.hasLogo).toBe(true);
    expect(listed).not.toHaveProperty('logo');
    expect((await t.http().get(`/api/v1/establishments/${establishmentId}`).set(org.auth).expect(200)).body.logo).toBe(PNG);

    const draft = await draftInvoice(() => t.http(), org.auth, customerId);
    expect(pdfImages(await pdf(`/api/v1/invoices/${draft.id}/pdf`))).toHaveLength(1);
    await t.http().post(`/api/v1/invoices/${draft.id}/validate`).set(org.auth).expect(200);
    const original = await pdf(`/api/v1/invoices/${draft.id}/pdf`);
    const [image] = pdfImages(original);
    expect(image!.trim().split(/\s+/).slice(3, 5)).toEqual(['8', '8']); // width, height of the logo
    const [row] = await t.sql<{ has: boolean }>(`SELECT snapshot::text LIKE '%data:image%' AS has FROM sales_documents WHERE id = $1`, [draft.id]);
    expect(row!.has).toBe(false);

    // Removing the logo changes new renderings, not the stored original.
    expect((await setLogo(null).expect(200)).body).toMatchObject({ hasLogo: false, logo: null });
    expect((await pdf(`/api/v1/invoices/${draft.id}/pdf`)).equals(original)).toBe(true);
    const next = await draftInvoice(() => t.http(), org.auth, customerId);
    expect(pdfImages(await pdf(`/api/v1/invoices/${next.id}/pdf`))).toEqual([]);
  }, 90_000);
});

import { signupOrganization, SignedUpOrg } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

/** E-invoicing settings through the API: defaults until saved, PUT replaces them, audited, bad input named, billing scopes. */
describe('E-invoicing settings: GET /api/v1/einvoicing/settings and PUT', () => {
  let t: TestApp;
  let org: SignedUpOrg;

  beforeAll(async () => {
    t = await createTestApp();
    org = await signupOrganization(t.http(), 'EInvoicing Settings');
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  const get = () => t.http().get('/api/v1/einvoicing/settings').set(org.auth);
  const put = (body: object) => t.http().put('/api/v1/einvoicing/settings').set(org.auth).send(body);

  it('answers the defaults while nothing was saved: not enabled, SIREN as address, EN 16931, no platform', async () => {
    const res = await get().expect(200);
    expect(res.body).toEqual({
      enabled: false,
      electronicAddress: null,
      electronicAddressScheme: '0225',
      profile: 'EN16931',
      platform: 'none',
      platforms: expect.arrayContaining(['none']) as string[],
      transmitFormat: 'facturx',
      autoTransmit: false,
      updatedAt: null,
    });
  });

  it('replaces the settings, keeps them, resets what a later PUT leaves out, and audits each change', async () => {
    const saved = await put({ enabled: true, electronicAddress: '732829320_FACT', electronicAddressScheme: '0225', profile: 'EXTENDED-CTC-FR', transmitFormat: 'cii' }).expect(200);
    expect(saved.body).toMatchObject({ enabled: true, electronicAddress: '732829320_FACT', profile: 'EXTENDED-CTC-FR', platform: 'none', transmitFormat: 'cii', autoTransmit: false });
    expect(saved.body.updatedAt).toEqual(expect.any(String));
    expect((await get().expect(200)).body).toEqual(saved.body);

    const reset = await put({ enabled: true }).expect(200);
    expect(reset.body).toMatchObject({ enabled: true, electronicAddress: null, profile: 'EN16931', transmitFormat: 'facturx' });

    const audit = await t.http().get(`/api/v1/audit?entity=einvoicing_settings&id=${org.companyId}`).set(org.auth).expect(200);
    const actions = (audit.body.data as { action: string; changes: Record<string, unknown> }[]).map((e) => e.action).sort();
    expect(actions).toEqual(['create', 'update']);
    const update = (audit.body.data as { action: string; changes: Record<string, { from: unknown; to: unknown }> }[]).find((e) => e.action === 'update')!;
    expect(update.changes['electronicAddress']).toEqual({ from: '732829320_FACT', to: null });
    expect(update.changes['enabled']).toBeUndefined();
  });

  it.each([
    [{}, 'enabled'],
    [{ enabled: 'yes' }, 'enabled'],
    [{ enabled: true, electronicAddress: '732 829 320' }, 'electronicAddress'],
    [{ enabled: true, electronicAddress: 'a'.repeat(126) }, 'electronicAddress'],
    [{ enabled: true, electronicAddress: 'factures@example.test' }, 'electronicAddress'],
    [{ enabled: true, electronicAddressScheme: '225' }, 'electronicAddressScheme'],
    [{ enabled: true, profile: 'BASIC' }, 'profile'],
    [{ enabled: true, transmitFormat: 'pdf' }, 'transmitFormat'],
    [{ enabled: true, platform: 'chorus-unknown' }, 'platform'],
    [{ enabled: true, platform: 'none', autoTransmit: true }, 'autoTransmit'],
  ])('refuses %j with a 400 naming %s, changing nothing', async (body, field) => {
    const before = (await get().expect(200)).body;
    const res = await put(body).expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((res.body.errors as { path: string }[]).map((e) => e.path)).toContain(field);
    expect((await get().expect(200)).body).toEqual(before);
  });

  it('accepts an e-mail address under the EM scheme', async () => {
    const res = await put({ enabled: false, electronicAddress: 'factures@example.test', electronicAddressScheme: 'EM' }).expect(200);
    expect(res.body).toMatchObject({ electronicAddress: 'factures@example.test', electronicAddressScheme: 'EM' });
  });

  it('needs billing:read to read and billing:write to change', async () => {
    const key = async (scopes: string[]) => {
      const res = await t.http().post('/api/v1/api-keys').set(org.auth).send({ name: scopes.join(' '), scopes }).expect(201);
      return { Authorization: `Bearer ${res.body.token}` };
    };
    const crm = await key(['crm:read']);
    await t.http().get('/api/v1/einvoicing/settings').set(crm).expect(403);
    const reader = await key(['billing:read']);
    await t.http().get('/api/v1/einvoicing/settings').set(reader).expect(200);
    await t.http().put('/api/v1/einvoicing/settings').set(reader).send({ enabled: true }).expect(403);
    const writer = await key(['billing:write']);
    await t.http().put('/api/v1/einvoicing/settings').set(writer).send({ enabled: true }).expect(200);
  });

  it("keeps each company's settings to itself", async () => {
    const other = await signupOrganization(t.http(), 'EInvoicing Other');
    await put({ enabled: true, electronicAddress: 'MINE' }).expect(200);
    const res = await t.http().get('/api/v1/einvoicing/settings').set(other.auth).expect(200);
    expect(res.body).toMatchObject({ enabled: false, electronicAddress: null, updatedAt: null });
  });
});

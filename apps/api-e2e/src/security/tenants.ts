import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { luhnValid } from '@comptoir/platform/kernel';
import { randomSiren, signupOrganization, SignedUpOrg } from '../support/fixtures';

/** A unique, greppable marker: a tenant's names carry it so that a leak is found by substring. */
export function marker(label: string): string {
  return `${label}-${randomBytes(6).toString('hex')}`;
}

/** A SIRET of the given SIREN with a random NIC and the Luhn key. */
export function siretOf(siren: string): string {
  const nic = String(randomBytes(2).readUInt16BE() % 10_000).padStart(4, '0');
  for (let key = 0; key <= 9; key++) if (luhnValid(`${siren}${nic}${key}`)) return `${siren}${nic}${key}`;
  throw new Error('unreachable');
}

/** Request headers that authenticate (a type alias, so that supertest's `.set()` takes it as is). */
export type Credentials = {
  Authorization: string;
  'Comptoir-Company'?: string;
};

export interface TestTenant extends SignedUpOrg {
  /** The organisation's name, unique to this run. */
  name: string;
  companySiren: string;
  /** A `*` API key of the first company. */
  key: { id: string; publicId: string; token: string; auth: Credentials };
}

/** Signs up an organisation with unique names and gives it an all-scopes API key. */
export async function setupTenant(http: () => request.Agent, label: string): Promise<TestTenant> {
  const name = marker(label);
  const org = await signupOrganization(http(), name);
  const me = await http().get('/api/v1/me').set(org.auth).expect(200);
  const key = await createKey(http, org.auth, ['*'], marker(`${label}-key`));
  return { ...org, name, companySiren: me.body.company.siren, key };
}

export async function createKey(
  http: () => request.Agent,
  auth: Credentials,
  scopes: string[],
  name = marker('key'),
): Promise<{ id: string; publicId: string; token: string; secret: string; auth: Credentials }> {
  const res = await http().post('/api/v1/api-keys').set({ ...auth }).send({ name, scopes }).expect(201);
  return { id: res.body.id, publicId: res.body.publicId, token: res.body.token, secret: res.body.secret, auth: { Authorization: `Bearer ${res.body.token}` } };
}

/** A second company of the tenant's organisation (its admin becomes admin there too). */
export async function createCompany(http: () => request.Agent, auth: Credentials, label = 'Company'): Promise<{ id: string; legalName: string; siren: string }> {
  const legalName = marker(label);
  const siren = randomSiren();
  const res = await http().post('/api/v1/companies').set({ ...auth }).send({ legalName, siren }).expect(201);
  return { id: res.body.id, legalName, siren };
}

/** Polls `probe` until it returns a value (not undefined) or the deadline passes. */
export async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 20_000, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

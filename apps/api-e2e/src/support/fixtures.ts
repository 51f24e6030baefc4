import request from 'supertest';
import { randomBytes } from 'node:crypto';
import { luhnValid } from '@comptoir/platform/kernel';

/** A random valid SIREN: 8 random digits and the Luhn key. */
export function randomSiren(): string {
  const stem = String(randomBytes(4).readUInt32BE() % 100_000_000).padStart(8, '0');
  for (let key = 0; key <= 9; key++) if (luhnValid(`${stem}${key}`)) return `${stem}${key}`;
  throw new Error('unreachable');
}

export interface SignedUpOrg {
  token: string;
  auth: { Authorization: string };
  organizationId: string;
  companyId: string;
  userId: string;
  email: string;
}

/** Signs up a new organisation through the API and returns its admin's bearer token. */
export async function signupOrganization(http: request.Agent, name = 'Org'): Promise<SignedUpOrg> {
  const email = `admin-${randomBytes(5).toString('hex')}@example.test`;
  const res = await http
    .post('/api/v1/auth/signup')
    .send({ email, password: 'correct horse battery', name: `${name} Admin`, organizationName: name, company: { legalName: `${name} SAS`, siren: randomSiren() } })
    .expect(201);
  return {
    token: res.body.accessToken,
    auth: { Authorization: `Bearer ${res.body.accessToken}` },
    organizationId: res.body.organization.id,
    companyId: res.body.company.id,
    userId: res.body.user.id,
    email,
  };
}

import fc from 'fast-check';
import { parseCredentials } from './principal-resolver.service';

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;

describe('parseCredentials', () => {
  it('reads a session token as bearer, and the scheme is case-insensitive', () => {
    expect(parseCredentials('Bearer cps_abc123', undefined)).toEqual({ kind: 'session', token: 'cps_abc123' });
    expect(parseCredentials('bearer cps_abc123', undefined)).toEqual({ kind: 'session', token: 'cps_abc123' });
  });

  it('reads an API key as bearer `<publicId>.<secret>`', () => {
    expect(parseCredentials('Bearer cpk_A1b2C3d4E5f6.s3cr3t-_x', undefined)).toEqual({ kind: 'api_key', publicId: 'cpk_A1b2C3d4E5f6', secret: 's3cr3t-_x' });
  });

  it('reads an API key as HTTP Basic (public id as user, secret as password)', () => {
    expect(parseCredentials(basic('cpk_A1b2C3d4E5f6', 's3cr3t'), undefined)).toEqual({ kind: 'api_key', publicId: 'cpk_A1b2C3d4E5f6', secret: 's3cr3t' });
    // Only the first colon separates: a password may hold more.
    expect(parseCredentials(basic('cpk_A1b2', 'a:b'), undefined)).toEqual({ kind: 'api_key', publicId: 'cpk_A1b2', secret: 'a:b' });
  });

  it('falls back to the session cookie, and the Authorization header wins over it', () => {
    expect(parseCredentials(undefined, 'cps_cookie')).toEqual({ kind: 'session', token: 'cps_cookie' });
    expect(parseCredentials('Bearer cps_header', 'cps_cookie')).toEqual({ kind: 'session', token: 'cps_header' });
    expect(parseCredentials(undefined, 'something-else')).toBeNull();
    expect(parseCredentials(undefined, undefined)).toBeNull();
  });

  it.each([
    ['', 'empty header'],
    ['Bearer', 'no token'],
    ['Bearer ', 'empty token'],
    ['Bearer abc', 'neither a session token nor a key'],
    ['Bearer cpk_abc', 'key without secret'],
    ['Bearer cpk_abc.', 'empty secret'],
    ['Bearer cpk_.secret', 'empty public id'],
    ['Bearer cpk_a b.secret', 'space in the public id'],
    ['Digest username="x"', 'unknown scheme'],
    ['Basic Og==', 'empty user and password'],
    ['Basic !!!', 'not base64'],
    [basic('someone', 'secret'), 'Basic user that is not an API key'],
    [basic('cpk_\u0000', '\u0000'), 'NUL characters'],
    [basic('cpk_abc', 'sec\u0007ret'), 'control character in the secret'],
    [basic('cpk_abc', ''), 'empty Basic password'],
    [`Bearer cps_${'x'.repeat(600)}`, 'oversized session token'],
  ])('refuses %p (%s)', (header) => {
    expect(parseCredentials(header, undefined)).toBeNull();
  });

  it('never returns credentials holding control characters, whatever the header', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }).map((s) => `Basic ${Buffer.from(s).toString('base64')}`), fc.string().map((s) => `Bearer ${s}`)), (header) => {
        const credentials = parseCredentials(header, undefined);
        const values = credentials === null ? [] : credentials.kind === 'session' ? [credentials.token] : [credentials.publicId, credentials.secret];
        for (const value of values) expect(value).toMatch(/^[\x21-\x7e]+$/);
      }),
    );
  });
});

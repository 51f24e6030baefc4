import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { SecretBox, secretsKeyBytes } from './secret-box';

const key = () => randomBytes(32);

describe('SecretBox (AES-256-GCM secrets at rest)', () => {
  it('opens what it sealed, for any text, and never stores the plaintext', () => {
    const box = new SecretBox([key()]);
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 300 }), fc.string({ maxLength: 80 }), (plaintext, context) => {
        const sealed = box.seal(plaintext, context);
        expect(sealed).toMatch(/^sb1\.[0-9a-f]{8}\.[\w-]+\.[\w-]*\.[\w-]+$/);
        expect(box.open(sealed, context)).toBe(plaintext);
        if (plaintext.length >= 8) expect(sealed).not.toContain(plaintext);
      }),
    );
  });

  it('uses a fresh IV per value: the same secret seals differently each time', () => {
    const box = new SecretBox([key()]);
    expect(box.seal('sk_test_abc', 'c')).not.toBe(box.seal('sk_test_abc', 'c'));
  });

  it('refuses a value moved to another context (another company, another column)', () => {
    const box = new SecretBox([key()]);
    const sealed = box.seal('sk_live_secret', 'stripe_settings:company-a:secret_key');
    expect(() => box.open(sealed, 'stripe_settings:company-b:secret_key')).toThrow();
  });

  it('refuses an altered value and a malformed one', () => {
    const box = new SecretBox([key()]);
    const sealed = box.seal('whsec_0123456789', 'ctx');
    const parts = sealed.split('.');
    const ciphertext = Buffer.from(parts[3]!, 'base64url');
    ciphertext[0] = ciphertext[0]! ^ 1;
    parts[3] = ciphertext.toString('base64url');
    expect(() => box.open(parts.join('.'), 'ctx')).toThrow();
    for (const bad of ['', 'plain text', 'sb2.x.y.z.w', `${sealed}.extra`]) expect(() => box.open(bad, 'ctx')).toThrow();
  });

  it('rotates: a box with [new, old] opens values of both keys, seals with the new one and says which are stale', () => {
    const oldKey = key();
    const newKey = key();
    const before = new SecretBox([oldKey]).seal('sk_test_rotating', 'ctx');
    const rotated = new SecretBox([newKey, oldKey]);
    expect(rotated.open(before, 'ctx')).toBe('sk_test_rotating');
    expect(rotated.isStale(before)).toBe(true);
    const after = rotated.seal('sk_test_rotating', 'ctx');
    expect(rotated.isStale(after)).toBe(false);
    expect(() => new SecretBox([newKey]).open(before, 'ctx')).toThrow(/not configured/);
  });

  it('reads SECRETS_KEY as hex or base64 of exactly 32 bytes', () => {
    const bytes = key();
    expect(secretsKeyBytes(bytes.toString('hex')).equals(bytes)).toBe(true);
    expect(secretsKeyBytes(bytes.toString('base64')).equals(bytes)).toBe(true);
    expect(secretsKeyBytes(bytes.toString('base64url')).equals(bytes)).toBe(true);
    for (const bad of ['', 'short', 'x'.repeat(64), randomBytes(31).toString('hex'), randomBytes(33).toString('base64'), 'a'.repeat(32)]) {
      expect(() => secretsKeyBytes(bad)).toThrow(/SECRETS_KEY/);
    }
  });

  it('refuses keys that are not 256 bits', () => {
    expect(() => new SecretBox([])).toThrow();
    expect(() => new SecretBox([randomBytes(16)])).toThrow(/32 bytes/);
  });
});

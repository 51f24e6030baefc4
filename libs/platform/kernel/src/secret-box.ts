import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const HEX_KEY = /^[0-9a-fA-F]{64}$/;

/**
 * The 32 bytes of a SECRETS_KEY value, written as 64 hex characters or as base64 / base64url; throws
 * on anything else (a weak or mistyped key is never padded or truncated).
 */
export function secretsKeyBytes(value: string): Buffer {
  if (HEX_KEY.test(value)) return Buffer.from(value, 'hex');
  const base64 = value.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  const bytes = Buffer.from(base64, 'base64');
  // Node skips characters that are not base64: decoding back proves every character was meaningful.
  if (bytes.length !== 32 || bytes.toString('base64').replace(/=+$/, '') !== base64) {
    throw new Error('SECRETS_KEY must be 32 random bytes, as 64 hex characters or base64');
  }
  return bytes;
}

const VERSION = 'sb1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A short, public fingerprint of a key: sealed values name the key that opens them. */
function keyId(key: Buffer): string {
  return createHash('sha256').update('comptoir-secret-box').update(key).digest('hex').slice(0, 8);
}

/**
 * Secrets at rest (third-party API keys, webhook signing secrets): AES-256-GCM, one random IV per value.
 * The sealed text is `sb1.<key id>.<iv>.<ciphertext>.<tag>` (base64url parts): the version lets the
 * format change and the key id lets a new key be introduced while values sealed with the old one still
 * open (rotation: pass `[new, old]`, re-seal, then drop the old key). The `context` (e.g.
 * `stripe_settings:<company id>:secret_key`) is bound as additional data, so a sealed value copied into
 * another row or another company does not open there.
 */
export class SecretBox {
  private readonly keys: Map<string, Buffer>;
  private readonly current: { id: string; key: Buffer };

  /** The first key seals; every key opens. */
  constructor(keys: readonly Buffer[]) {
    const [first] = keys;
    if (!first) throw new Error('SecretBox needs at least one key');
    for (const key of keys) if (key.length !== 32) throw new Error('SecretBox keys are 32 bytes (AES-256)');
    this.keys = new Map(keys.map((key) => [keyId(key), key]));
    this.current = { id: keyId(first), key: first };
  }

  seal(plaintext: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, this.current.id, iv.toString('base64url'), ciphertext.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
  }

  /** The plaintext; throws when the value was altered, sealed for another context or with an unknown key. */
  open(sealed: string, context: string): string {
    const [version, id, iv, ciphertext, tag, ...rest] = sealed.split('.');
    if (version !== VERSION || rest.length || !id || iv === undefined || ciphertext === undefined || tag === undefined) {
      throw new Error('Not a sealed secret of a known format');
    }
    const key = this.keys.get(id);
    if (!key) throw new Error(`The secret was sealed with key ${id}, which is not configured`);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  }

  /** Sealed with an older key (rotation: these are the values still to re-seal). */
  isStale(sealed: string): boolean {
    return sealed.split('.')[1] !== this.current.id;
  }
}

import { Writable } from 'node:stream';
import pino from 'pino';
import { REDACTED_PATHS } from './logger';

function capture(): { stream: Writable; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      chunks.push(String(chunk));
      callback();
    },
  });
  return { stream, lines: () => chunks.join('').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('log redaction', () => {
  it('never writes credentials, tokens or IBANs', () => {
    const out = capture();
    const logger = pino({ redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, out.stream);
    logger.info({
      req: { headers: { authorization: 'Bearer cpk_abc.secret', cookie: 'comptoir_session=cps_x' } },
      body: { password: 'hunter2hunter2', iban: 'FR7630006000011234567890189', name: 'kept' },
      key: { secret: 's3cr3t', token: 'cpk_abc.s3cr3t' },
      stripe: { secretKey: 'sk_live_0123456789abcdef', webhookSecret: 'whsec_0123456789abcdef', publishableKey: 'pk_live_kept' },
    });
    const [line] = out.lines();
    const text = JSON.stringify(line);
    for (const secret of ['cpk_abc.secret', 'cps_x', 'hunter2hunter2', 'FR7630006000011234567890189', 's3cr3t', 'sk_live_0123456789abcdef', 'whsec_0123456789abcdef']) expect(text).not.toContain(secret);
    expect(text).toContain('kept');
    expect(text).toContain('pk_live_kept');
  });
});

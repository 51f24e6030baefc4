import { signatureProblem, signBody } from './fake-signature';

describe('the fake platform’s callback signature', () => {
  const body = Buffer.from('<rsm:CrossDomainAcknowledgementAndResponse/>');

  it('verifies the HMAC-SHA-256 of the exact bytes with the company’s secret', () => {
    expect(signBody('secret', body)).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(signatureProblem('secret', body, signBody('secret', body))).toBeNull();
  });

  it('refuses another secret, another body, a missing or repeated header', () => {
    expect(signatureProblem('other', body, signBody('secret', body))).toMatch(/does not match/);
    expect(signatureProblem('secret', Buffer.concat([body, Buffer.from(' ')]), signBody('secret', body))).toMatch(/does not match/);
    expect(signatureProblem('secret', body, undefined)).toMatch(/missing/);
    expect(signatureProblem('secret', body, [signBody('secret', body)])).toMatch(/repeated/);
    expect(signatureProblem('secret', body, 'sha256=00')).toMatch(/does not match/);
  });
});

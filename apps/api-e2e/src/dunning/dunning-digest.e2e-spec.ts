import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { DunningScheduler, DUNNING_QUEUE } from '@comptoir/billing';
import { testRedisUrl } from '@comptoir/platform/testing';
import { createTestApp, startTestWorker, TestApp } from '../support/test-app';
import { signupOrganization, SignedUpOrg } from '../support/fixtures';
import { customerWithEmail, overdueInvoice } from './dunning-fixtures';

/**
 * The daily digest: without Redis the worker's in-process clock runs it (at boot once the hour has
 * passed — the hour is 0 here, so at once); with Redis it is a BullMQ job scheduler, cron at the
 * configured hour in Europe/Paris, whose jobs the worker consumes.
 */
describe('Dunning daily digest', () => {
  let t: TestApp;
  let org: SignedUpOrg;
  const digest = async () => (await t.http().get('/api/v1/dunning/candidates').set(org.auth).expect(200)).body.digest as { count: number; amount: string } | null;
  const until = async (check: () => Promise<boolean>, what: string) => {
    for (const deadline = Date.now() + 20_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 200))) if (await check()) return;
    throw new Error(`timed out waiting for ${what}`);
  };

  beforeAll(async () => {
    t = await createTestApp({ dunningDigestHour: 0 });
    org = await signupOrganization(t.http(), 'Digest');
    const accountId = await customerWithEmail(() => t.http(), org.auth);
    await overdueInvoice(() => t.http(), org.auth, accountId, '100.00');
    await overdueInvoice(() => t.http(), org.auth, accountId, '50.00');
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  it('without Redis, runs in the worker from the configured hour on and records the count on the company', async () => {
    expect(await digest()).toBeNull(); // the company starts using dunning (settings created) with no digest yet
    const worker = await startTestWorker(t.config);
    try {
      await until(async () => (await digest()) !== null, 'the in-process digest');
      expect(await digest()).toEqual({ on: expect.any(String), count: 2, amount: '180.00' });
    } finally {
      await worker.close();
    }
  }, 60_000);

  const redisUrl = testRedisUrl();
  (redisUrl ? it : it.skip)(`with Redis, upserts ONE job scheduler (cron at the hour, Europe/Paris) and digests on its jobs${redisUrl ? '' : ' — skipped: no Redis (apt-get install redis-server)'}`, async () => {
    const queuePrefix = `dunning-test-${randomBytes(4).toString('hex')}`;
    const config = t.config.with({ redisUrl: redisUrl!, queuePrefix });
    const queue = new Queue(DUNNING_QUEUE, { connection: { url: redisUrl! }, prefix: queuePrefix });
    const workers = [await startTestWorker(config), await startTestWorker(config)];
    try {
      const schedule = await workers[0]!.worker.get(DunningScheduler).schedule();
      expect(schedule).toMatchObject({ pattern: '0 0 * * *', tz: 'Europe/Paris' });
      expect(await queue.getJobSchedulersCount()).toBe(1);

      await t.sql(`UPDATE dunning_settings SET digest_on = NULL, digest_count = NULL, digest_amount = NULL WHERE company_id = $1`, [org.companyId]);
      await queue.add('daily-digest', {});
      await until(async () => (await digest()) !== null, 'the digest of a scheduled job');
      expect(await digest()).toMatchObject({ count: 2, amount: '180.00' });
    } finally {
      for (const w of workers) await w.close();
      await queue.obliterate({ force: true });
      await queue.close();
    }
  }, 60_000);
});

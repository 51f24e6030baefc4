import { SlotPool } from './page-pool';

describe('SlotPool', () => {
  it('hands slots out in turn and serves waiters first-come first-served', async () => {
    const pool = new SlotPool(['a'], 2);
    const order: string[] = [];
    const first = await pool.acquire();
    const second = pool.acquire().then((slot) => order.push(`second:${slot}`));
    const third = pool.acquire().then((slot) => order.push(`third:${slot}`));
    pool.release(first);
    await second;
    pool.release('a');
    await third;
    expect(order).toEqual(['second:a', 'third:a']);
  });

  it('refuses work beyond the queue bound with a 503, and everything once closed', async () => {
    const pool = new SlotPool(['a'], 1);
    await pool.acquire();
    const waiting = pool.acquire();
    await expect(pool.acquire()).rejects.toMatchObject({ status: 503, code: 'pdf_renderer_busy' });
    pool.close();
    await expect(waiting).rejects.toMatchObject({ status: 503, code: 'pdf_renderer_closed' });
    await expect(pool.acquire()).rejects.toMatchObject({ code: 'pdf_renderer_closed' });
  });
});

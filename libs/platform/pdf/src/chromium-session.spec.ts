import { Logger } from '@nestjs/common';
import { ChromiumSession } from './chromium-session';

describe('ChromiumSession without a usable Chromium', () => {
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn']));

  it('fails with a 503 pdf_renderer_unavailable, and tries again on the next use', async () => {
    const session = new ChromiumSession('/nonexistent/chromium');
    await expect(session.get()).rejects.toMatchObject({ status: 503, code: 'pdf_renderer_unavailable' });
    // The failed launch is forgotten: once Chromium is installed, the next render launches it.
    await expect(session.get()).rejects.toMatchObject({ code: 'pdf_renderer_unavailable' });
    await session.close();
  });
});

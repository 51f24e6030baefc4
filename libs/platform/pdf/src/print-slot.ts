import { Page } from 'puppeteer';
import { ChromiumSession } from './chromium-session';
import { PDF_CONTENT_BOX } from './page-geometry';

/**
 * One reusable browser tab. Configured once: viewport as wide as the printed content box and print media (so the
 * bulk path can measure documents as they will be laid out), no JavaScript, and no network (every resource must
 * be inlined; an image URL in a document can never make the server fetch anything).
 */
export class PrintSlot {
  private page: Promise<Page> | null = null;
  private readonly crashed = new WeakSet<Page>();

  constructor(private readonly session: ChromiumSession) {}

  /** Runs `work` on this slot's tab; retried once on a fresh tab (and browser) when the tab or browser died. */
  async run<T>(work: (page: Page) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const page = await this.currentPage();
      try {
        return await work(page);
      } catch (error) {
        if (attempt > 1 || !this.isBroken(page)) throw error;
        this.page = null;
      }
    }
  }

  private currentPage(): Promise<Page> {
    if (!this.page) {
      const opening = this.openPage();
      opening.catch(() => {
        if (this.page === opening) this.page = null;
      });
      this.page = opening;
    }
    return this.page.then((page) => {
      if (!this.isBroken(page)) return page;
      this.page = null;
      return this.currentPage();
    });
  }

  private async openPage(): Promise<Page> {
    const browser = await this.session.get();
    const page = await browser.newPage();
    page.once('error', () => this.crashed.add(page));
    await page.setViewport({ width: Math.round(PDF_CONTENT_BOX.width), height: Math.round(PDF_CONTENT_BOX.height) });
    await page.emulateMediaType('print');
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.isInterceptResolutionHandled()) return;
      void (request.url().startsWith('data:') ? request.continue() : request.abort('blockedbyclient'));
    });
    return page;
  }

  private isBroken(page: Page): boolean {
    return this.crashed.has(page) || page.isClosed() || !page.browser().connected;
  }
}

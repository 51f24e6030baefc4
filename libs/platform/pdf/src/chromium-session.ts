import { Logger } from '@nestjs/common';
import puppeteer, { Browser } from 'puppeteer';
import { ServiceUnavailableError } from './pdf-errors';

/**
 * One system Chromium per process, launched on first use and relaunched on the next use after it crashed or
 * disconnected. --no-sandbox: the service runs as root in its container, where Chromium's sandbox cannot start;
 * the pages only ever load our own pre-inlined HTML with scripts and network disabled.
 */
export class ChromiumSession {
  private readonly logger = new Logger('Chromium');
  private browser: Promise<Browser> | null = null;

  constructor(private readonly executablePath: string) {}

  get(): Promise<Browser> {
    if (this.browser) return this.browser;
    const launching = puppeteer
      .launch({
        executablePath: this.executablePath,
        headless: true,
        args: ['--no-sandbox', '--disable-dev-shm-usage', '--font-render-hinting=none', '--disable-gpu', '--no-first-run'],
        // The Nest application closes the browser in onModuleDestroy.
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
      })
      .then((browser) => {
        browser.once('disconnected', () => {
          if (this.browser !== launching) return;
          this.logger.warn('Chromium disconnected; it will be relaunched on the next render');
          this.browser = null;
        });
        return browser;
      })
      .catch((error: unknown) => {
        // A machine without Chromium (or a broken install) is an operator problem, not a client error:
        // the caller gets a 503 saying what is missing, the log gets the launcher's own message.
        this.logger.error(`Chromium could not start from ${this.executablePath}: ${(error as Error).message}`);
        throw new ServiceUnavailableError('pdf_renderer_unavailable', `PDF rendering is unavailable: Chromium could not start (set CHROMIUM_PATH; see README)`);
      });
    launching.catch(() => {
      if (this.browser === launching) this.browser = null;
    });
    this.browser = launching;
    return launching;
  }

  async close(): Promise<void> {
    const launching = this.browser;
    this.browser = null;
    const browser = await launching?.catch(() => null);
    await browser?.close();
  }
}

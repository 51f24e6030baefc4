import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '@comptoir/platform/config';

/** Renders self-contained HTML to PDF with the system Chromium (implementation in progress). */
@Injectable()
export class PdfRenderer implements OnModuleDestroy {
  constructor(private readonly config: AppConfig) {}

  async render(_html: string): Promise<Buffer> {
    throw new Error(`PdfRenderer not implemented yet (${this.config.chromiumPath})`);
  }

  async renderMany(htmls: string[]): Promise<Buffer[]> {
    return Promise.all(htmls.map((html) => this.render(html)));
  }

  async onModuleDestroy(): Promise<void> {}
}

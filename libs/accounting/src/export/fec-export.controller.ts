import { Controller, Get, Logger, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { TenantContext } from '@comptoir/platform/kernel';
import { RequireScope, Tenant } from '@comptoir/platform/auth';
import { ApiProblems } from '@comptoir/platform/http';
import { FecExportService } from './fec-export.service';
import { FecQuery } from './fec-query.dto';

@ApiTags('Accounting')
@ApiBearerAuth()
@Controller('v1/exports/fec')
export class FecExportController {
  private readonly logger = new Logger(FecExportController.name);

  constructor(private readonly fec: FecExportService) {}

  @Get()
  @RequireScope('ledger:read')
  @ApiOperation({
    operationId: 'exportFec',
    summary: "FEC of the sales and bank journals of a fiscal year",
    description:
      'The 18 fields of art. A 47 A-1, pipe-separated, ISO-8859-15, CRLF, named <SIREN>FEC<closing date>.txt: the sales journal (validated invoices, deposit invoices and credit notes dated in the year) then the bank journal (payments, refunds and cancellations), entries numbered per journal, lettering of paid invoices. Streamed as it is read: the length is not known in advance.',
  })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'The FEC file', content: { 'text/plain': { schema: { type: 'string', format: 'binary' } } } })
  @ApiProblems(400, 401, 403, 404)
  async export(@Tenant() ctx: TenantContext, @Query() query: FecQuery, @Res() res: Response): Promise<void> {
    const fileName = await this.fec.fileName(ctx, query.fiscalYear);
    res.status(200);
    res.setHeader('Content-Type', 'text/plain; charset=iso-8859-15');
    res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
    res.setHeader('Cache-Control', 'no-store');
    try {
      await this.fec.write(ctx, query.fiscalYear, res);
      res.end();
    } catch (error) {
      // Headers are gone: the only honest signal left is a cut connection (the client sees an incomplete download).
      this.logger.error(`FEC export ${fileName} interrupted: ${String(error)}`);
      res.destroy(error instanceof Error ? error : undefined);
    }
  }
}

import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { RequireScope, Tenant } from '@comptoir/platform/auth';
import { ApiProblems } from '@comptoir/platform/http';
import { TenantContext } from '@comptoir/platform/kernel';
import { EReportDto, EReportingQuery } from './dto/ereporting.dto';
import { eReportCsv } from './ereporting-csv';
import { EReportingService } from './ereporting.service';

@ApiTags('E-invoicing')
@ApiBearerAuth()
@Controller('v1/einvoicing/e-reporting')
export class EReportingController {
  constructor(private readonly ereporting: EReportingService) {}

  @Get()
  @RequireScope('billing:read')
  @ApiOperation({
    operationId: 'getEReporting',
    summary: 'E-reporting of a period: B2C sales per day and VAT rate, international sales per invoice, cash received on services',
    description: 'Computed from the sealed snapshots of validated documents and from payments; `format=csv` gives the same figures for French Excel.',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: EReportDto, content: { 'application/json': { schema: { $ref: '#/components/schemas/EReportDto' } }, 'text/csv': { schema: { type: 'string' } } } })
  @ApiProblems(400, 401, 403)
  async get(@Tenant() ctx: TenantContext, @Query() query: EReportingQuery): Promise<EReportDto | StreamableFile> {
    const report = await this.ereporting.report(ctx, query.from, query.to);
    if (query.format !== 'csv') return report;
    const bytes = Buffer.from(eReportCsv(report), 'utf8');
    return new StreamableFile(bytes, { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="e-reporting-${query.from}-${query.to}.csv"`, length: bytes.length });
  }
}

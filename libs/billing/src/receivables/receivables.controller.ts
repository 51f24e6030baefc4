import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { RequireScope, Tenant } from '@comptoir/platform/auth';
import { ApiProblems } from '@comptoir/platform/http';
import { TenantContext } from '@comptoir/platform/kernel';
import { CashFlowForecastService } from './cash-flow/cash-flow-forecast.service';
import { AgedInvoicesQuery, AgedReceivablesExportQuery, AgedReceivablesQuery, AsOfQuery, CashFlowForecastQuery } from './dto/receivables-query.dto';
import { AgedReceivablesDto, CashFlowForecastDto, OpenInstallmentListDto, ReceivablesIndicatorsDto } from './dto/receivables-response.dto';
import { ReceivablesService } from './receivables.service';

@ApiTags('Receivables')
@ApiBearerAuth()
@Controller('v1/reports')
export class ReceivablesController {
  constructor(
    private readonly receivables: ReceivablesService,
    private readonly cashFlow: CashFlowForecastService,
  ) {}

  @Get('aged-receivables')
  @RequireScope('billing:read')
  @ApiOperation({
    operationId: 'getAgedReceivables',
    summary: 'Aged receivables at a date, per customer and bucket',
    description:
      'Ageing is per installment due date; payments and credit notes dated on or before `asOf` count, oldest installment first. Invoices and deposit invoices only (validated, never TEST mode).',
  })
  @ApiOkResponse({ type: AgedReceivablesDto })
  @ApiProblems(400, 401, 403)
  aged(@Tenant() ctx: TenantContext, @Query() query: AgedReceivablesQuery): Promise<AgedReceivablesDto> {
    return this.receivables.aged(ctx, query);
  }

  @Get('aged-receivables/invoices')
  @RequireScope('billing:read')
  @ApiOperation({ operationId: 'listAgedReceivableInvoices', summary: "Drill-down: a customer's open installments at a date, with days overdue and bucket" })
  @ApiOkResponse({ type: OpenInstallmentListDto })
  @ApiProblems(400, 401, 403)
  invoices(@Tenant() ctx: TenantContext, @Query() query: AgedInvoicesQuery): Promise<OpenInstallmentListDto> {
    const { bucket, ...filter } = query;
    return this.receivables.openInstallments(ctx, filter, bucket);
  }

  @Get('aged-receivables/export')
  @RequireScope('billing:read')
  @ApiOperation({
    operationId: 'exportAgedReceivables',
    summary: 'The aged receivables as a CSV or XLSX file',
    description: 'CSV for French Excel: UTF-8 with BOM, `;` separator, decimal comma, CRLF. XLSX: numeric cells with a money format, a total row.',
  })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({
    description: 'The file (attachment)',
    content: {
      'text/csv': { schema: { type: 'string' } },
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiProblems(400, 401, 403)
  async export(@Tenant() ctx: TenantContext, @Query() query: AgedReceivablesExportQuery): Promise<StreamableFile> {
    const { format, ...filter } = query;
    const file = await this.receivables.export(ctx, filter, format);
    return new StreamableFile(file.bytes, { type: file.contentType, disposition: `attachment; filename="${file.filename}"`, length: file.bytes.length });
  }

  @Get('receivables-indicators')
  @RequireScope('billing:read')
  @ApiOperation({
    operationId: 'getReceivablesIndicators',
    summary: 'DSO, overdue total, top-10 concentration and average payment delay per customer',
    description:
      'DSO = receivables at `asOf` ÷ sales of the 90 days up to `asOf` (amounts due of invoices and deposit invoices less credit notes) × 90. Top-10 concentration = Σ of the 10 largest customer balances ÷ receivables × 100. Average payment delay per customer = Σ(amount × (settling allocation date − due date)) ÷ Σ amount over the installments of invoices settled in the 365 days up to `asOf`.',
  })
  @ApiOkResponse({ type: ReceivablesIndicatorsDto })
  @ApiProblems(400, 401, 403)
  indicators(@Tenant() ctx: TenantContext, @Query() query: AsOfQuery): Promise<ReceivablesIndicatorsDto> {
    return this.receivables.indicators(ctx, query.asOf);
  }

  @Get('cash-flow-forecast')
  @RequireScope('billing:read')
  @ApiOperation({
    operationId: 'getCashFlowForecast',
    summary: 'Expected receipts and payments of the next 12 months',
    description: 'Receipts from the open installments of invoices by due date month; amounts already overdue at `from` are in `overdue`, not in the first month. Contracts and supplier invoices add their sources later.',
  })
  @ApiOkResponse({ type: CashFlowForecastDto })
  @ApiProblems(400, 401, 403)
  forecast(@Tenant() ctx: TenantContext, @Query() query: CashFlowForecastQuery): Promise<CashFlowForecastDto> {
    return this.cashFlow.forecast(ctx, query.from);
  }
}

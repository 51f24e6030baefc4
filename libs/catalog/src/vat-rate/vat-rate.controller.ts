import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TenantContext } from '@comptoir/platform/kernel';
import { RequireScope, Tenant } from '@comptoir/platform/auth';
import { ApiProblems, IdParam } from '@comptoir/platform/http';
import { CreateVatRateDto, ListVatRatesQuery, UpdateVatRateDto, VatRatePageDto, VatRateResponseDto } from './dto/vat-rate.dto';
import { toVatRateDto } from './vat-rate.mapper';
import { VatRateService } from './vat-rate.service';

@ApiTags('VAT rates')
@ApiBearerAuth()
@Controller('v1/vat-rates')
export class VatRateController {
  constructor(private readonly rates: VatRateService) {}

  @Get()
  @RequireScope('catalog:read')
  @ApiOperation({
    operationId: 'listVatRates',
    summary: 'List the VAT rates products can use (the French ones are created on first use)',
    description: 'Sorted by country, then rate from highest to lowest, then category.',
  })
  @ApiOkResponse({ type: VatRatePageDto })
  @ApiProblems(400, 401, 403)
  async list(@Tenant() ctx: TenantContext, @Query() query: ListVatRatesQuery): Promise<VatRatePageDto> {
    const page = await this.rates.list(ctx, query);
    return { data: page.data.map(toVatRateDto), nextCursor: page.nextCursor };
  }

  @Post()
  @RequireScope('catalog:write')
  @ApiOperation({ operationId: 'createVatRate', summary: 'Add a VAT rate (e.g. another EU country for distance sales)' })
  @ApiCreatedResponse({ type: VatRateResponseDto })
  @ApiProblems(400, 401, 403, 409, 422)
  async create(@Tenant() ctx: TenantContext, @Body() body: CreateVatRateDto): Promise<VatRateResponseDto> {
    return toVatRateDto(await this.rates.create(ctx, body));
  }

  @Get(':id')
  @RequireScope('catalog:read')
  @ApiOperation({ operationId: 'getVatRate', summary: 'Get a VAT rate' })
  @ApiOkResponse({ type: VatRateResponseDto })
  @ApiProblems(400, 401, 403, 404)
  async get(@Tenant() ctx: TenantContext, @IdParam() id: string): Promise<VatRateResponseDto> {
    return toVatRateDto(await this.rates.get(ctx, id));
  }

  @Patch(':id')
  @RequireScope('catalog:write')
  @ApiOperation({ operationId: 'updateVatRate', summary: 'Update a VAT rate, or deactivate it (active: false)' })
  @ApiOkResponse({ type: VatRateResponseDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  async update(@Tenant() ctx: TenantContext, @IdParam() id: string, @Body() body: UpdateVatRateDto): Promise<VatRateResponseDto> {
    return toVatRateDto(await this.rates.update(ctx, id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireScope('catalog:write')
  @ApiOperation({ operationId: 'deleteVatRate', summary: 'Delete a VAT rate that no product uses (409 vat_rate_in_use otherwise: deactivate it)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(400, 401, 403, 404, 409)
  async delete(@Tenant() ctx: TenantContext, @IdParam() id: string): Promise<void> {
    await this.rates.delete(ctx, id);
  }
}

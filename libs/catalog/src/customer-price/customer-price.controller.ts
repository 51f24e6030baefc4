import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TenantContext } from '@comptoir/platform/kernel';
import { RequireScope, Tenant } from '@comptoir/platform/auth';
import { ApiProblems, IdParam } from '@comptoir/platform/http';
import { CreateCustomerPriceDto, CustomerPricePageDto, CustomerPriceResponseDto, ListCustomerPricesQuery, UpdateCustomerPriceDto } from './dto/customer-price.dto';
import { toCustomerPriceDto } from './customer-price.mapper';
import { CustomerPriceService } from './customer-price.service';

@ApiTags('Customer prices')
@ApiBearerAuth()
@Controller('v1/customer-prices')
export class CustomerPriceController {
  constructor(private readonly prices: CustomerPriceService) {}

  @Get()
  @RequireScope('catalog:read')
  @ApiOperation({ operationId: 'listCustomerPrices', summary: 'List customer-specific prices (filter by account, product, validity day)' })
  @ApiOkResponse({ type: CustomerPricePageDto })
  @ApiProblems(400, 401, 403)
  async list(@Tenant() ctx: TenantContext, @Query() query: ListCustomerPricesQuery): Promise<CustomerPricePageDto> {
    const page = await this.prices.list(ctx, query);
    return { data: page.data.map(toCustomerPriceDto), nextCursor: page.nextCursor };
  }

  @Post()
  @RequireScope('catalog:write')
  @ApiOperation({
    operationId: 'createCustomerPrice',
    summary: "Give a customer its own price for a product (wins over its price list)",
    description: 'When several prices of the same customer and product are valid on a day, the one starting last applies.',
  })
  @ApiCreatedResponse({ type: CustomerPriceResponseDto })
  @ApiProblems(400, 401, 403)
  async create(@Tenant() ctx: TenantContext, @Body() body: CreateCustomerPriceDto): Promise<CustomerPriceResponseDto> {
    return toCustomerPriceDto(await this.prices.create(ctx, body));
  }

  @Get(':id')
  @RequireScope('catalog:read')
  @ApiOperation({ operationId: 'getCustomerPrice', summary: 'Get a customer-specific price' })
  @ApiOkResponse({ type: CustomerPriceResponseDto })
  @ApiProblems(400, 401, 403, 404)
  async get(@Tenant() ctx: TenantContext, @IdParam() id: string): Promise<CustomerPriceResponseDto> {
    return toCustomerPriceDto(await this.prices.get(ctx, id));
  }

  @Patch(':id')
  @RequireScope('catalog:write')
  @ApiOperation({ operationId: 'updateCustomerPrice', summary: 'Change the price or validity of a customer-specific price' })
  @ApiOkResponse({ type: CustomerPriceResponseDto })
  @ApiProblems(400, 401, 403, 404)
  async update(@Tenant() ctx: TenantContext, @IdParam() id: string, @Body() body: UpdateCustomerPriceDto): Promise<CustomerPriceResponseDto> {
    return toCustomerPriceDto(await this.prices.update(ctx, id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireScope('catalog:write')
  @ApiOperation({ operationId: 'deleteCustomerPrice', summary: 'Delete a customer-specific price' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(400, 401, 403, 404)
  async delete(@Tenant() ctx: TenantContext, @IdParam() id: string): Promise<void> {
    await this.prices.delete(ctx, id);
  }
}

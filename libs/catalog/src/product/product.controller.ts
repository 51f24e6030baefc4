import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TenantContext } from '@comptoir/platform/kernel';
import { RequireScope, Tenant } from '@comptoir/platform/auth';
import { ApiProblems, IdParam } from '@comptoir/platform/http';
import { PricedLineDto, PriceQuoteQuery } from '../pricing/price-quote.dto';
import { PriceQuoteService } from '../pricing/price-quote.service';
import { CreateProductDto, ProductPageDto, ProductResponseDto, UpdateProductDto } from './dto/product.dto';
import { ListProductsQuery } from './dto/list-products.query';
import { toProductDto } from './product.mapper';
import { ProductService } from './product.service';

@ApiTags('Products')
@ApiBearerAuth()
@Controller('v1/products')
export class ProductController {
  constructor(
    private readonly products: ProductService,
    private readonly quotes: PriceQuoteService,
  ) {}

  @Get()
  @RequireScope('catalog:read')
  @ApiOperation({ operationId: 'listProducts', summary: 'List and search products and services (cursor pagination)' })
  @ApiOkResponse({ type: ProductPageDto })
  @ApiProblems(400, 401, 403)
  async list(@Tenant() ctx: TenantContext, @Query() query: ListProductsQuery): Promise<ProductPageDto> {
    const page = await this.products.list(ctx, query);
    return { data: page.data.map(toProductDto), nextCursor: page.nextCursor };
  }

  @Post()
  @RequireScope('catalog:write')
  @ApiOperation({ operationId: 'createProduct', summary: 'Create a product or service' })
  @ApiCreatedResponse({ type: ProductResponseDto })
  @ApiProblems(400, 401, 403, 409, 422)
  async create(@Tenant() ctx: TenantContext, @Body() body: CreateProductDto): Promise<ProductResponseDto> {
    return toProductDto(await this.products.create(ctx, body));
  }

  @Get(':id')
  @RequireScope('catalog:read')
  @ApiOperation({ operationId: 'getProduct', summary: 'Get a product or service' })
  @ApiOkResponse({ type: ProductResponseDto })
  @ApiProblems(400, 401, 403, 404)
  async get(@Tenant() ctx: TenantContext, @IdParam() id: string): Promise<ProductResponseDto> {
    return toProductDto(await this.products.get(ctx, id));
  }

  @Get(':id/price')
  @RequireScope('catalog:read')
  @ApiOperation({
    operationId: 'getProductPrice',
    summary: 'The price a document line would get: customer price > price list > catalog, converted to the unit asked',
  })
  @ApiOkResponse({ type: PricedLineDto })
  @ApiProblems(400, 401, 403, 404, 422)
  async price(@Tenant() ctx: TenantContext, @IdParam() id: string, @Query() query: PriceQuoteQuery): Promise<PricedLineDto> {
    return this.quotes.quote(ctx, id, query);
  }

  @Patch(':id')
  @RequireScope('catalog:write')
  @ApiOperation({ operationId: 'updateProduct', summary: 'Update some fields of a product (suppliers and otherTaxes, when given, replace the lists)' })
  @ApiOkResponse({ type: ProductResponseDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  async update(@Tenant() ctx: TenantContext, @IdParam() id: string, @Body() body: UpdateProductDto): Promise<ProductResponseDto> {
    return toProductDto(await this.products.update(ctx, id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireScope('catalog:write')
  @ApiOperation({ operationId: 'archiveProduct', summary: 'Archive a product (active: false): kept for the documents that use it, refused on new lines' })
  @ApiNoContentResponse({ description: 'Archived' })
  @ApiProblems(400, 401, 403, 404)
  async archive(@Tenant() ctx: TenantContext, @IdParam() id: string): Promise<void> {
    await this.products.archive(ctx, id);
  }
}

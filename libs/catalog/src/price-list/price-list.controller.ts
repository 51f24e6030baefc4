import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TenantContext } from '@comptoir/platform/kernel';
import { RequireScope, Tenant } from '@comptoir/platform/auth';
import { ApiProblems, IdParam } from '@comptoir/platform/http';
import { AccountPriceList, AccountPriceListService } from './account-price-list.service';
import {
  AccountPriceListResponseDto,
  AssignPriceListDto,
  CreatePriceListDto,
  ListPriceListsQuery,
  PriceListPageDto,
  PriceListResponseDto,
  UpdatePriceListDto,
} from './dto/price-list.dto';
import { toPriceListDto, toPriceListSummaryDto } from './price-list.mapper';
import { PriceListService } from './price-list.service';

@ApiTags('Price lists')
@ApiBearerAuth()
@Controller('v1/price-lists')
export class PriceListController {
  constructor(private readonly lists: PriceListService) {}

  @Get()
  @RequireScope('catalog:read')
  @ApiOperation({ operationId: 'listPriceLists', summary: 'List price lists (by name, cursor pagination)' })
  @ApiOkResponse({ type: PriceListPageDto })
  @ApiProblems(400, 401, 403)
  async list(@Tenant() ctx: TenantContext, @Query() query: ListPriceListsQuery): Promise<PriceListPageDto> {
    const page = await this.lists.list(ctx, query);
    return { data: page.data.map((row) => toPriceListSummaryDto(row.list, row.itemCount)), nextCursor: page.nextCursor };
  }

  @Post()
  @RequireScope('catalog:write')
  @ApiOperation({ operationId: 'createPriceList', summary: 'Create a price list with its items (unit price or discount per product)' })
  @ApiCreatedResponse({ type: PriceListResponseDto })
  @ApiProblems(400, 401, 403)
  async create(@Tenant() ctx: TenantContext, @Body() body: CreatePriceListDto): Promise<PriceListResponseDto> {
    const view = await this.lists.create(ctx, body);
    return toPriceListDto(view.list, view.items);
  }

  @Get(':id')
  @RequireScope('catalog:read')
  @ApiOperation({ operationId: 'getPriceList', summary: 'Get a price list and its items' })
  @ApiOkResponse({ type: PriceListResponseDto })
  @ApiProblems(400, 401, 403, 404)
  async get(@Tenant() ctx: TenantContext, @IdParam() id: string): Promise<PriceListResponseDto> {
    const view = await this.lists.get(ctx, id);
    return toPriceListDto(view.list, view.items);
  }

  @Patch(':id')
  @RequireScope('catalog:write')
  @ApiOperation({ operationId: 'updatePriceList', summary: 'Update a price list; items, when given, replace all of its items' })
  @ApiOkResponse({ type: PriceListResponseDto })
  @ApiProblems(400, 401, 403, 404)
  async update(@Tenant() ctx: TenantContext, @IdParam() id: string, @Body() body: UpdatePriceListDto): Promise<PriceListResponseDto> {
    const view = await this.lists.update(ctx, id, body);
    return toPriceListDto(view.list, view.items);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireScope('catalog:write')
  @ApiOperation({ operationId: 'deletePriceList', summary: 'Delete a price list (its customers buy at catalog prices again)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(400, 401, 403, 404)
  async delete(@Tenant() ctx: TenantContext, @IdParam() id: string): Promise<void> {
    await this.lists.delete(ctx, id);
  }
}

@ApiTags('Price lists')
@ApiBearerAuth()
@Controller('v1/accounts/:id/price-list')
export class AccountPriceListController {
  constructor(private readonly assignments: AccountPriceListService) {}

  @Get()
  @RequireScope('catalog:read')
  @ApiOperation({ operationId: 'getAccountPriceList', summary: "Get the price list a customer account buys at (null: catalog prices)" })
  @ApiOkResponse({ type: AccountPriceListResponseDto })
  @ApiProblems(400, 401, 403, 404)
  async get(@Tenant() ctx: TenantContext, @IdParam() id: string): Promise<AccountPriceListResponseDto> {
    return toAssignmentDto(await this.assignments.get(ctx, id));
  }

  @Put()
  @RequireScope('catalog:write')
  @ApiOperation({ operationId: 'assignAccountPriceList', summary: 'Make a customer account buy at a price list (replaces its current one)' })
  @ApiOkResponse({ type: AccountPriceListResponseDto })
  @ApiProblems(400, 401, 403, 404)
  async assign(@Tenant() ctx: TenantContext, @IdParam() id: string, @Body() body: AssignPriceListDto): Promise<AccountPriceListResponseDto> {
    return toAssignmentDto(await this.assignments.assign(ctx, id, body.priceListId));
  }

  @Delete()
  @HttpCode(204)
  @RequireScope('catalog:write')
  @ApiOperation({ operationId: 'unassignAccountPriceList', summary: 'Take a customer account off its price list (catalog prices again)' })
  @ApiNoContentResponse({ description: 'Done (also when the account had no price list)' })
  @ApiProblems(400, 401, 403, 404)
  async unassign(@Tenant() ctx: TenantContext, @IdParam() id: string): Promise<void> {
    await this.assignments.unassign(ctx, id);
  }
}

function toAssignmentDto(a: AccountPriceList): AccountPriceListResponseDto {
  return { accountId: a.accountId, priceList: a.priceList && toPriceListSummaryDto(a.priceList.list, a.priceList.itemCount) };
}

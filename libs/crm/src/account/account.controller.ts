import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { TenantContext } from '@comptoir/platform/kernel';
import { RequireScope, Tenant } from '@comptoir/platform/auth';
import { ApiProblems, IdParam } from '@comptoir/platform/http';
import { toAccountDto } from './account.mapper';
import { AccountService } from './account.service';
import { AccountPageDto, AccountResponseDto, CreateAccountDto, UpdateAccountDto, UpsertAccountResponseDto } from './dto/account.dto';
import { ListAccountsQuery } from './dto/list-accounts.query';

@ApiTags('Accounts')
@ApiBearerAuth()
@Controller('v1/accounts')
export class AccountController {
  constructor(private readonly accounts: AccountService) {}

  @Get()
  @RequireScope('crm:read')
  @ApiOperation({ operationId: 'listAccounts', summary: 'List and search customers, prospects and suppliers (cursor pagination)' })
  @ApiOkResponse({ type: AccountPageDto })
  @ApiProblems(400, 401, 403)
  async list(@Tenant() ctx: TenantContext, @Query() query: ListAccountsQuery): Promise<AccountPageDto> {
    const page = await this.accounts.list(ctx, query);
    return { data: page.data.map(toAccountDto), nextCursor: page.nextCursor };
  }

  @Post()
  @RequireScope('crm:write')
  @ApiOperation({ operationId: 'createAccount', summary: 'Create an account' })
  @ApiCreatedResponse({ type: AccountResponseDto })
  @ApiProblems(400, 401, 403, 409)
  async create(@Tenant() ctx: TenantContext, @Body() body: CreateAccountDto): Promise<AccountResponseDto> {
    return toAccountDto(await this.accounts.create(ctx, body));
  }

  @Post('upsert')
  @RequireScope('crm:write')
  @ApiOperation({
    operationId: 'upsertAccount',
    summary: 'Create or update an account matched by externalRef, else SIREN, else email (for connectors)',
    description: 'Answers 201 when it created the account, 200 when it updated the one that matched.',
  })
  @ApiOkResponse({ type: UpsertAccountResponseDto, description: 'An existing account matched and was updated' })
  @ApiCreatedResponse({ type: UpsertAccountResponseDto, description: 'No account matched: created' })
  @ApiProblems(400, 401, 403, 409)
  async upsert(@Tenant() ctx: TenantContext, @Body() body: CreateAccountDto, @Res({ passthrough: true }) res: Response): Promise<UpsertAccountResponseDto> {
    const { account, matchedBy } = await this.accounts.upsert(ctx, body);
    res.status(matchedBy ? 200 : 201);
    return { ...toAccountDto(account), outcome: matchedBy ? 'updated' : 'created', matchedBy };
  }

  @Get(':id')
  @RequireScope('crm:read')
  @ApiOperation({ operationId: 'getAccount', summary: 'Get an account' })
  @ApiOkResponse({ type: AccountResponseDto })
  @ApiProblems(400, 401, 403, 404)
  async get(@Tenant() ctx: TenantContext, @IdParam() id: string): Promise<AccountResponseDto> {
    return toAccountDto(await this.accounts.get(ctx, id));
  }

  @Patch(':id')
  @RequireScope('crm:write')
  @ApiOperation({ operationId: 'updateAccount', summary: 'Update some fields of an account' })
  @ApiOkResponse({ type: AccountResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  async update(@Tenant() ctx: TenantContext, @IdParam() id: string, @Body() body: UpdateAccountDto): Promise<AccountResponseDto> {
    return toAccountDto(await this.accounts.update(ctx, id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireScope('crm:write')
  @ApiOperation({ operationId: 'deleteAccount', summary: 'Delete an account (kept for the documents that reference it, hidden everywhere)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(400, 401, 403, 404)
  async delete(@Tenant() ctx: TenantContext, @IdParam() id: string): Promise<void> {
    await this.accounts.delete(ctx, id);
  }
}

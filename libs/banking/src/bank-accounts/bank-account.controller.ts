import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TenantContext } from '@comptoir/platform/kernel';
import { RequireScope, Tenant } from '@comptoir/platform/auth';
import { ApiProblems, IdParam } from '@comptoir/platform/http';
import { BankAccountListDto, BankAccountResponseDto, CreateBankAccountDto, ListBankAccountsQuery, UpdateBankAccountDto } from './bank-account.dto';
import { toBankAccountDto } from './bank-account.mapper';
import { BankAccountService } from './bank-account.service';

@ApiTags('Bank accounts')
@ApiBearerAuth()
@Controller('v1/bank-accounts')
export class BankAccountController {
  constructor(private readonly bankAccounts: BankAccountService) {}

  @Post()
  @RequireScope('banking:write')
  @ApiOperation({ operationId: 'createBankAccount', summary: "Add a bank account: the company's own (no accountId) or a customer's; IBAN and BIC are checked" })
  @ApiCreatedResponse({ type: BankAccountResponseDto })
  @ApiProblems(400, 401, 403, 404)
  async create(@Tenant() ctx: TenantContext, @Body() body: CreateBankAccountDto): Promise<BankAccountResponseDto> {
    return toBankAccountDto(await this.bankAccounts.create(ctx, body));
  }

  @Get()
  @RequireScope('banking:read')
  @ApiOperation({ operationId: 'listBankAccounts', summary: "List the company's own bank accounts, or a customer's with accountId" })
  @ApiOkResponse({ type: BankAccountListDto })
  @ApiProblems(400, 401, 403)
  async list(@Tenant() ctx: TenantContext, @Query() query: ListBankAccountsQuery): Promise<BankAccountListDto> {
    return { data: (await this.bankAccounts.list(ctx, query.accountId)).map(toBankAccountDto) };
  }

  @Get(':id')
  @RequireScope('banking:read')
  @ApiOperation({ operationId: 'getBankAccount', summary: 'Get a bank account' })
  @ApiOkResponse({ type: BankAccountResponseDto })
  @ApiProblems(400, 401, 403, 404)
  async get(@Tenant() ctx: TenantContext, @IdParam() id: string): Promise<BankAccountResponseDto> {
    return toBankAccountDto(await this.bankAccounts.get(ctx, id));
  }

  @Patch(':id')
  @RequireScope('banking:write')
  @ApiOperation({ operationId: 'updateBankAccount', summary: 'Update a bank account (a new IBAN is checked again; change a mandate through its amendment instead)' })
  @ApiOkResponse({ type: BankAccountResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  async update(@Tenant() ctx: TenantContext, @IdParam() id: string, @Body() body: UpdateBankAccountDto): Promise<BankAccountResponseDto> {
    return toBankAccountDto(await this.bankAccounts.update(ctx, id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireScope('banking:write')
  @ApiOperation({ operationId: 'deleteBankAccount', summary: 'Archive a bank account (its active mandates are revoked; payments and batches keep it)' })
  @ApiNoContentResponse({ description: 'Archived' })
  @ApiProblems(400, 401, 403, 404)
  async delete(@Tenant() ctx: TenantContext, @IdParam() id: string): Promise<void> {
    await this.bankAccounts.archive(ctx, id);
  }
}

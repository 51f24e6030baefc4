import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TenantContext } from '@comptoir/platform/kernel';
import { RequireScope, Tenant } from '@comptoir/platform/auth';
import { ApiProblems } from '@comptoir/platform/http';
import { AccountingSettings } from './accounting-defaults';
import { AccountingSettingsDto, AccountingSettingsResponseDto } from './accounting-settings.dto';
import { AccountingSettingsService } from './accounting-settings.service';

const toDto = ({ updatedAt, ...s }: AccountingSettings): AccountingSettingsResponseDto => ({ ...s, updatedAt: updatedAt?.toISOString() ?? null });

@ApiTags('Accounting')
@ApiBearerAuth()
@Controller('v1/accounting/settings')
export class AccountingSettingsController {
  constructor(private readonly settings: AccountingSettingsService) {}

  @Get()
  @RequireScope('ledger:read')
  @ApiOperation({ operationId: 'getAccountingSettings', summary: 'Accounting settings: VAT regime, journals and the accounts the FEC export posts to' })
  @ApiOkResponse({ type: AccountingSettingsResponseDto })
  @ApiProblems(401, 403)
  async get(@Tenant() ctx: TenantContext): Promise<AccountingSettingsResponseDto> {
    return toDto(await this.settings.get(ctx));
  }

  @Put()
  @RequireScope('ledger:write')
  @ApiOperation({ operationId: 'putAccountingSettings', summary: 'Replace the accounting settings', description: 'Every journal and account is given; rate and bank account lists default to none.' })
  @ApiOkResponse({ type: AccountingSettingsResponseDto })
  @ApiProblems(400, 401, 403)
  async put(@Tenant() ctx: TenantContext, @Body() body: AccountingSettingsDto): Promise<AccountingSettingsResponseDto> {
    return toDto(await this.settings.put(ctx, body));
  }
}

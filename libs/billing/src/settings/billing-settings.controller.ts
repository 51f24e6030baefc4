import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TenantContext } from '@comptoir/platform/kernel';
import { RequireScope, Tenant } from '@comptoir/platform/auth';
import { ApiProblems } from '@comptoir/platform/http';
import { BillingSettings } from './billing-defaults';
import { BillingSettingsResponseDto, UpdateBillingSettingsDto } from './billing-settings.dto';
import { BillingSettingsService } from './billing-settings.service';

const toDto = (s: BillingSettings): BillingSettingsResponseDto => ({
  latePenaltyText: s.latePenaltyText,
  earlyPaymentText: s.earlyPaymentText,
  termsOfSale: s.termsOfSale,
  paymentTerms: s.paymentTerms,
  pdfOptions: s.pdfOptions,
  vatOnDebits: s.vatOnDebits,
  quoteValidityDays: s.quoteValidityDays,
  updatedAt: s.updatedAt?.toISOString() ?? null,
});

@ApiTags('Billing settings')
@ApiBearerAuth()
@Controller('v1/billing/settings')
export class BillingSettingsController {
  constructor(private readonly settings: BillingSettingsService) {}

  @Get()
  @RequireScope('billing:read')
  @ApiOperation({ operationId: 'getBillingSettings', summary: 'Billing settings: legal texts, default terms and PDF options of new documents' })
  @ApiOkResponse({ type: BillingSettingsResponseDto })
  @ApiProblems(401, 403)
  async get(@Tenant() ctx: TenantContext): Promise<BillingSettingsResponseDto> {
    return toDto(await this.settings.get(ctx));
  }

  @Patch()
  @RequireScope('billing:write')
  @ApiOperation({ operationId: 'updateBillingSettings', summary: 'Change some billing settings' })
  @ApiOkResponse({ type: BillingSettingsResponseDto })
  @ApiProblems(400, 401, 403, 422)
  async update(@Tenant() ctx: TenantContext, @Body() body: UpdateBillingSettingsDto): Promise<BillingSettingsResponseDto> {
    return toDto(await this.settings.update(ctx, body));
  }
}

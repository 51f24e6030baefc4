import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TenantContext } from '@comptoir/platform/kernel';
import { RequireScope, Tenant } from '@comptoir/platform/auth';
import { ApiProblems } from '@comptoir/platform/http';
import { EInvoicingSettingsResponseDto, PutEInvoicingSettingsDto } from './einvoicing-settings.dto';
import { EInvoicingSettings, EInvoicingSettingsService } from './einvoicing-settings.service';

@ApiTags('E-invoicing')
@ApiBearerAuth()
@Controller('v1/einvoicing/settings')
export class EInvoicingSettingsController {
  constructor(private readonly settings: EInvoicingSettingsService) {}

  private toDto({ updatedAt, ...s }: EInvoicingSettings): EInvoicingSettingsResponseDto {
    return { ...s, platforms: this.settings.platformNames(), updatedAt: updatedAt?.toISOString() ?? null };
  }

  @Get()
  @RequireScope('billing:read')
  @ApiOperation({ operationId: 'getEInvoicingSettings', summary: "E-invoicing settings: whether the company is in the reform's scope, its routing address, profile and platform" })
  @ApiOkResponse({ type: EInvoicingSettingsResponseDto })
  @ApiProblems(401, 403)
  async get(@Tenant() ctx: TenantContext): Promise<EInvoicingSettingsResponseDto> {
    return this.toDto(await this.settings.get(ctx));
  }

  @Put()
  @RequireScope('billing:write')
  @ApiOperation({ operationId: 'putEInvoicingSettings', summary: 'Replace the e-invoicing settings', description: 'What is left out takes its default (not enabled, SIREN as address, EN 16931, no platform, Factur-X).' })
  @ApiOkResponse({ type: EInvoicingSettingsResponseDto })
  @ApiProblems(400, 401, 403)
  async put(@Tenant() ctx: TenantContext, @Body() body: PutEInvoicingSettingsDto): Promise<EInvoicingSettingsResponseDto> {
    return this.toDto(await this.settings.put(ctx, body));
  }
}

import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireScope, Tenant } from '@comptoir/platform/auth';
import { ApiProblems } from '@comptoir/platform/http';
import { TenantContext } from '@comptoir/platform/kernel';
import { StripeConnectionTestDto, StripeSettingsResponseDto, UpdateStripeSettingsDto } from './dto/stripe-settings.dto';
import { StripeSettingsService } from './stripe-settings.service';

@ApiTags('Stripe')
@ApiBearerAuth()
@Controller('v1/stripe/settings')
export class StripeSettingsController {
  constructor(private readonly settings: StripeSettingsService) {}

  @Get()
  @RequireScope('banking:read')
  @ApiOperation({ operationId: 'getStripeSettings', summary: 'Stripe settings of the company (keys are never returned: only whether they are set and the last four characters)' })
  @ApiOkResponse({ type: StripeSettingsResponseDto })
  @ApiProblems(401, 403)
  get(@Tenant() ctx: TenantContext): Promise<StripeSettingsResponseDto> {
    return this.settings.get(ctx);
  }

  @Put()
  @RequireScope('banking:write')
  @ApiOperation({ operationId: 'updateStripeSettings', summary: 'Enter or replace the Stripe keys (sealed with SECRETS_KEY); the mode follows the secret key' })
  @ApiOkResponse({ type: StripeSettingsResponseDto })
  @ApiProblems(400, 401, 403)
  update(@Tenant() ctx: TenantContext, @Body() body: UpdateStripeSettingsDto): Promise<StripeSettingsResponseDto> {
    return this.settings.update(ctx, body);
  }

  @Post('test')
  @HttpCode(200)
  @RequireScope('banking:write')
  @ApiOperation({ operationId: 'testStripeConnection', summary: 'Check the keys against Stripe; 422 stripe_connection_failed with the reason otherwise (also when Stripe is unreachable)' })
  @ApiOkResponse({ type: StripeConnectionTestDto })
  @ApiProblems(401, 403, 422)
  test(@Tenant() ctx: TenantContext): Promise<StripeConnectionTestDto> {
    return this.settings.testConnection(ctx);
  }
}

import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TenantContext } from '@comptoir/platform/kernel';
import { Tenant } from '@comptoir/platform/auth';
import { ApiProblems } from '@comptoir/platform/http';
import { MeResponseDto } from '../auth/auth.dto';
import { toCompanyDto } from '../org.mappers';
import { OrgDirectory } from './org-directory.service';

@ApiTags('Auth')
@ApiBearerAuth()
@Controller('v1/me')
export class MeController {
  constructor(private readonly directory: OrgDirectory) {}

  @Get()
  @ApiOperation({ operationId: 'getMe', summary: 'The caller (user or API key), its organisation, company and scopes: the auth test for connectors' })
  @ApiOkResponse({ type: MeResponseDto })
  @ApiProblems(401, 403)
  async me(@Tenant() ctx: TenantContext): Promise<MeResponseDto> {
    const { organization, company, companies, email } = await this.directory.describe(ctx);
    return {
      type: ctx.actor.type === 'api_key' ? 'api_key' : 'user',
      id: ctx.actor.id,
      name: ctx.actor.name,
      email,
      organization: { id: organization.id, name: organization.name },
      company: toCompanyDto(company),
      role: ctx.role,
      scopes: [...ctx.scopes],
      companies,
    };
  }
}

import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TenantContext } from '@comptoir/platform/kernel';
import { ApiProblems, IdParam } from '@comptoir/platform/http';
import { ApiKeyListResponseDto, ApiKeyResponseDto, CreateApiKeyDto, CreatedApiKeyResponseDto } from '../dto/api-key.dto';
import { RequireScope, Tenant } from '../guard/auth.decorators';
import { PrincipalResolver } from '../guard/principal-resolver.service';
import { ApiKeyEntity } from './api-key.entity';
import { ApiKeyService } from './api-key.service';

export function toApiKeyDto(key: ApiKeyEntity): ApiKeyResponseDto {
  return {
    id: key.id,
    name: key.name,
    publicId: key.publicId,
    scopes: key.scopes,
    createdAt: key.createdAt.toISOString(),
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
  };
}

@ApiTags('API keys')
@ApiBearerAuth()
@Controller('v1/api-keys')
export class ApiKeyController {
  constructor(
    private readonly keys: ApiKeyService,
    private readonly resolver: PrincipalResolver,
  ) {}

  @Post()
  @RequireScope('org:write')
  @ApiOperation({ operationId: 'createApiKey', summary: 'Create an API key for the current company (secret shown once)' })
  @ApiCreatedResponse({ type: CreatedApiKeyResponseDto })
  @ApiProblems(400, 401, 403)
  async create(@Tenant() ctx: TenantContext, @Body() body: CreateApiKeyDto): Promise<CreatedApiKeyResponseDto> {
    const { key, secret, token } = await this.keys.create(ctx, body);
    return { ...toApiKeyDto(key), secret, token };
  }

  @Get()
  @RequireScope('org:read')
  @ApiOperation({ operationId: 'listApiKeys', summary: 'List the API keys of the current company' })
  @ApiOkResponse({ type: ApiKeyListResponseDto })
  @ApiProblems(401, 403)
  async list(@Tenant() ctx: TenantContext): Promise<ApiKeyListResponseDto> {
    return { data: (await this.keys.list(ctx)).map(toApiKeyDto) };
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @RequireScope('org:write')
  @ApiOperation({ operationId: 'revokeApiKey', summary: 'Revoke an API key (immediately refused afterwards)' })
  @ApiOkResponse({ type: ApiKeyResponseDto })
  @ApiProblems(400, 401, 403, 404)
  async revoke(@Tenant() ctx: TenantContext, @IdParam() id: string): Promise<ApiKeyResponseDto> {
    const key = await this.keys.revoke(ctx, id);
    this.resolver.invalidate();
    return toApiKeyDto(key);
  }
}

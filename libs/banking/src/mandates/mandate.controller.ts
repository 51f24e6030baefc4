import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TenantContext } from '@comptoir/platform/kernel';
import { RequireScope, Tenant } from '@comptoir/platform/auth';
import { ApiProblems, IdParam } from '@comptoir/platform/http';
import { CreateMandateDto, ListMandatesQuery, MandateListDto, MandateResponseDto, RevokeMandateDto, UpdateMandateDto } from './mandate.dto';
import { MandateService } from './mandate.service';

@ApiTags('Mandates')
@ApiBearerAuth()
@Controller('v1/mandates')
export class MandateController {
  constructor(private readonly mandates: MandateService) {}

  @Post()
  @RequireScope('banking:write')
  @ApiOperation({ operationId: 'createMandate', summary: "Record a signed SEPA mandate on one of a customer's bank accounts" })
  @ApiCreatedResponse({ type: MandateResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  create(@Tenant() ctx: TenantContext, @Body() body: CreateMandateDto): Promise<MandateResponseDto> {
    return this.mandates.create(ctx, body);
  }

  @Get()
  @RequireScope('banking:read')
  @ApiOperation({ operationId: 'listMandates', summary: "List the company's mandates, or one customer's with accountId" })
  @ApiOkResponse({ type: MandateListDto })
  @ApiProblems(400, 401, 403)
  async list(@Tenant() ctx: TenantContext, @Query() query: ListMandatesQuery): Promise<MandateListDto> {
    return { data: await this.mandates.list(ctx, query.accountId) };
  }

  @Get(':id')
  @RequireScope('banking:read')
  @ApiOperation({ operationId: 'getMandate', summary: 'Get a mandate, with its status as of today and the sequence type of its next collection' })
  @ApiOkResponse({ type: MandateResponseDto })
  @ApiProblems(400, 401, 403, 404)
  get(@Tenant() ctx: TenantContext, @IdParam() id: string): Promise<MandateResponseDto> {
    return this.mandates.get(ctx, id);
  }

  @Patch(':id')
  @RequireScope('banking:write')
  @ApiOperation({ operationId: 'amendMandate', summary: 'Amend a mandate (bank account or reference: the next collection carries the original values) or set its options' })
  @ApiOkResponse({ type: MandateResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  update(@Tenant() ctx: TenantContext, @IdParam() id: string, @Body() body: UpdateMandateDto): Promise<MandateResponseDto> {
    return this.mandates.update(ctx, id, body);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @RequireScope('banking:write')
  @ApiOperation({ operationId: 'revokeMandate', summary: 'Revoke a mandate: nothing more can be collected under it' })
  @ApiOkResponse({ type: MandateResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  revoke(@Tenant() ctx: TenantContext, @IdParam() id: string, @Body() body: RevokeMandateDto): Promise<MandateResponseDto> {
    return this.mandates.revoke(ctx, id, body.date);
  }
}

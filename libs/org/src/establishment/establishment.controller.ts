import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TenantContext } from '@comptoir/platform/kernel';
import { RequireScope, Tenant } from '@comptoir/platform/auth';
import { ApiProblems, IdParam } from '@comptoir/platform/http';
import { toEstablishmentDto } from '../org.mappers';
import { CreateEstablishmentDto, EstablishmentListResponseDto, EstablishmentResponseDto, UpdateEstablishmentDto } from './establishment.dto';
import { EstablishmentService } from './establishment.service';

@ApiTags('Establishments')
@ApiBearerAuth()
@Controller('v1/establishments')
export class EstablishmentController {
  constructor(private readonly establishments: EstablishmentService) {}

  @Get()
  @RequireScope('org:read')
  @ApiOperation({ operationId: 'listEstablishments', summary: 'Establishments of the current company' })
  @ApiOkResponse({ type: EstablishmentListResponseDto })
  @ApiProblems(401, 403)
  async list(@Tenant() ctx: TenantContext): Promise<EstablishmentListResponseDto> {
    return { data: (await this.establishments.list(ctx)).map(toEstablishmentDto) };
  }

  @Post()
  @RequireScope('org:write')
  @ApiOperation({ operationId: 'createEstablishment', summary: 'Create an establishment (SIRET of the company)' })
  @ApiCreatedResponse({ type: EstablishmentResponseDto })
  @ApiProblems(400, 401, 403, 409)
  async create(@Tenant() ctx: TenantContext, @Body() body: CreateEstablishmentDto): Promise<EstablishmentResponseDto> {
    return toEstablishmentDto(await this.establishments.create(ctx, body));
  }

  @Get(':id')
  @RequireScope('org:read')
  @ApiOperation({ operationId: 'getEstablishment', summary: 'Get an establishment' })
  @ApiOkResponse({ type: EstablishmentResponseDto })
  @ApiProblems(400, 401, 403, 404)
  async get(@Tenant() ctx: TenantContext, @IdParam() id: string): Promise<EstablishmentResponseDto> {
    return toEstablishmentDto(await this.establishments.get(ctx, id));
  }

  @Patch(':id')
  @RequireScope('org:write')
  @ApiOperation({ operationId: 'updateEstablishment', summary: 'Update an establishment' })
  @ApiOkResponse({ type: EstablishmentResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  async update(@Tenant() ctx: TenantContext, @IdParam() id: string, @Body() body: UpdateEstablishmentDto): Promise<EstablishmentResponseDto> {
    return toEstablishmentDto(await this.establishments.update(ctx, id, body));
  }
}

import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TenantContext } from '@comptoir/platform/kernel';
import { RequireScope, Tenant } from '@comptoir/platform/auth';
import { ApiProblems, IdParam } from '@comptoir/platform/http';
import { toSectorDto } from '../org.mappers';
import { CreateSectorDto, SectorListResponseDto, SectorResponseDto, UpdateSectorDto } from './sector.dto';
import { SectorService } from './sector.service';

@ApiTags('Sectors')
@ApiBearerAuth()
@Controller('v1/sectors')
export class SectorController {
  constructor(private readonly sectors: SectorService) {}

  @Get()
  @RequireScope('org:read')
  @ApiOperation({ operationId: 'listSectors', summary: 'Sectors of the current company' })
  @ApiOkResponse({ type: SectorListResponseDto })
  @ApiProblems(401, 403)
  async list(@Tenant() ctx: TenantContext): Promise<SectorListResponseDto> {
    return { data: (await this.sectors.list(ctx)).map(toSectorDto) };
  }

  @Post()
  @RequireScope('org:write')
  @ApiOperation({ operationId: 'createSector', summary: 'Create a sector under an establishment' })
  @ApiCreatedResponse({ type: SectorResponseDto })
  @ApiProblems(400, 401, 403, 409)
  async create(@Tenant() ctx: TenantContext, @Body() body: CreateSectorDto): Promise<SectorResponseDto> {
    return toSectorDto(await this.sectors.create(ctx, body));
  }

  @Get(':id')
  @RequireScope('org:read')
  @ApiOperation({ operationId: 'getSector', summary: 'Get a sector' })
  @ApiOkResponse({ type: SectorResponseDto })
  @ApiProblems(400, 401, 403, 404)
  async get(@Tenant() ctx: TenantContext, @IdParam() id: string): Promise<SectorResponseDto> {
    return toSectorDto(await this.sectors.get(ctx, id));
  }

  @Patch(':id')
  @RequireScope('org:write')
  @ApiOperation({ operationId: 'updateSector', summary: 'Update a sector' })
  @ApiOkResponse({ type: SectorResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  async update(@Tenant() ctx: TenantContext, @IdParam() id: string, @Body() body: UpdateSectorDto): Promise<SectorResponseDto> {
    return toSectorDto(await this.sectors.update(ctx, id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireScope('org:write')
  @ApiOperation({ operationId: 'deleteSector', summary: 'Delete a sector (its accounts keep no sector)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(400, 401, 403, 404)
  async delete(@Tenant() ctx: TenantContext, @IdParam() id: string): Promise<void> {
    await this.sectors.delete(ctx, id);
  }
}

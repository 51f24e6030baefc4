import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TenantContext } from '@comptoir/platform/kernel';
import { RequireScope, Tenant } from '@comptoir/platform/auth';
import { ApiProblems, IdParam } from '@comptoir/platform/http';
import { toCompanyDto } from '../org.mappers';
import { CompanyListResponseDto, CompanyResponseDto, CreateCompanyDto, UpdateCompanyDto } from './company.dto';
import { CompanyService } from './company.service';

@ApiTags('Companies')
@ApiBearerAuth()
@Controller('v1/companies')
export class CompanyController {
  constructor(private readonly companies: CompanyService) {}

  @Get()
  @RequireScope('org:read')
  @ApiOperation({ operationId: 'listCompanies', summary: 'Companies of the organisation' })
  @ApiOkResponse({ type: CompanyListResponseDto })
  @ApiProblems(401, 403)
  async list(@Tenant() ctx: TenantContext): Promise<CompanyListResponseDto> {
    return { data: (await this.companies.list(ctx)).map(toCompanyDto) };
  }

  @Post()
  @RequireScope('org:write')
  @ApiOperation({ operationId: 'createCompany', summary: 'Create a company (with its default establishment); the creator becomes its admin' })
  @ApiCreatedResponse({ type: CompanyResponseDto })
  @ApiProblems(400, 401, 403, 409)
  async create(@Tenant() ctx: TenantContext, @Body() body: CreateCompanyDto): Promise<CompanyResponseDto> {
    return toCompanyDto(await this.companies.create(ctx, body));
  }

  @Get(':id')
  @RequireScope('org:read')
  @ApiOperation({ operationId: 'getCompany', summary: 'Get a company' })
  @ApiOkResponse({ type: CompanyResponseDto })
  @ApiProblems(400, 401, 403, 404)
  async get(@Tenant() ctx: TenantContext, @IdParam() id: string): Promise<CompanyResponseDto> {
    return toCompanyDto(await this.companies.get(ctx, id));
  }

  @Patch(':id')
  @RequireScope('org:write')
  @ApiOperation({ operationId: 'updateCompany', summary: 'Update company settings' })
  @ApiOkResponse({ type: CompanyResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  async update(@Tenant() ctx: TenantContext, @IdParam() id: string, @Body() body: UpdateCompanyDto): Promise<CompanyResponseDto> {
    return toCompanyDto(await this.companies.update(ctx, id, body));
  }
}

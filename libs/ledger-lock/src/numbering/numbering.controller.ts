import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TenantContext } from '@comptoir/platform/kernel';
import { RequireScope, Tenant } from '@comptoir/platform/auth';
import { ApiProblems, IdParam } from '@comptoir/platform/http';
import { CreateSequenceDto, SequenceListDto, SequenceResponseDto, UpdateSequenceDto } from './dto/sequence.dto';
import { SequenceService } from './sequence.service';

@ApiTags('Numbering')
@ApiBearerAuth()
@Controller('v1/numbering/sequences')
export class NumberingController {
  constructor(private readonly sequences: SequenceService) {}

  @Get()
  @RequireScope('ledger:read')
  @ApiOperation({ operationId: 'listNumberSequences', summary: 'List the numbering series of the company (one per document type, plus establishment series)' })
  @ApiOkResponse({ type: SequenceListDto })
  @ApiProblems(401, 403)
  async list(@Tenant() ctx: TenantContext): Promise<SequenceListDto> {
    return { data: await this.sequences.list(ctx), nextCursor: null };
  }

  @Post()
  @RequireScope('ledger:write')
  @ApiOperation({ operationId: 'createNumberSequence', summary: "Create an establishment's own series for a document type" })
  @ApiCreatedResponse({ type: SequenceResponseDto })
  @ApiProblems(400, 401, 403, 409, 422)
  create(@Tenant() ctx: TenantContext, @Body() body: CreateSequenceDto): Promise<SequenceResponseDto> {
    return this.sequences.create(ctx, body);
  }

  @Get(':id')
  @RequireScope('ledger:read')
  @ApiOperation({ operationId: 'getNumberSequence', summary: 'Get a numbering series with a preview of its next number' })
  @ApiOkResponse({ type: SequenceResponseDto })
  @ApiProblems(400, 401, 403, 404)
  get(@Tenant() ctx: TenantContext, @IdParam() id: string): Promise<SequenceResponseDto> {
    return this.sequences.get(ctx, id);
  }

  @Patch(':id')
  @RequireScope('ledger:write')
  @ApiOperation({ operationId: 'updateNumberSequence', summary: 'Change the format of a series that has not issued a number yet', description: '409 sequence_in_use once the series has issued a number.' })
  @ApiOkResponse({ type: SequenceResponseDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  update(@Tenant() ctx: TenantContext, @IdParam() id: string, @Body() body: UpdateSequenceDto): Promise<SequenceResponseDto> {
    return this.sequences.update(ctx, id, body);
  }
}

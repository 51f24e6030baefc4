import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TenantContext } from '@comptoir/platform/kernel';
import { RequireScope, Tenant } from '@comptoir/platform/auth';
import { ApiProblems, IdParam } from '@comptoir/platform/http';
import { DunningHistoryService } from './dunning-history.service';
import { DunningRunService } from './dunning-run.service';
import { DunningStepsService } from './dunning-steps.service';
import { toCandidateDto, toEventDto, toRunDto, toStepsDto } from './dunning.mapper';
import {
  CandidatesQuery,
  DunningCandidatesDto,
  DunningEventDto,
  DunningEventsDto,
  DunningRunDto,
  DunningRunStartedDto,
  DunningStepsDto,
  ResolveDunningEventDto,
  StartDunningRunDto,
  UpdateDunningStepsDto,
} from './dunning.dto';

@ApiTags('Dunning')
@ApiBearerAuth()
@Controller('v1/dunning')
export class DunningController {
  constructor(
    private readonly steps: DunningStepsService,
    private readonly runs: DunningRunService,
    private readonly history: DunningHistoryService,
  ) {}

  @Get('candidates')
  @RequireScope('billing:read')
  @ApiOperation({ operationId: 'listDunningCandidates', summary: 'Open invoices and their next dunning step as of a date (default: those to dun now)' })
  @ApiOkResponse({ type: DunningCandidatesDto })
  @ApiProblems(400, 401, 403)
  async candidates(@Tenant() ctx: TenantContext, @Query() query: CandidatesQuery): Promise<DunningCandidatesDto> {
    const { asOf, setup, rows } = await this.runs.candidates(ctx, query.asOf, query.scope ?? 'due');
    return { asOf, dueSoonDays: setup.dueSoonDays, digest: setup.digest, data: rows.map(toCandidateDto) };
  }

  @Post('runs')
  @HttpCode(202)
  @RequireScope('billing:write')
  @ApiOperation({ operationId: 'startDunningRun', summary: 'Send the next step to each selected invoice (mass action; the worker sends the mails, each step at most once)' })
  @ApiAcceptedResponse({ type: DunningRunStartedDto })
  @ApiProblems(400, 401, 403, 404)
  async start(@Tenant() ctx: TenantContext, @Body() body: StartDunningRunDto): Promise<DunningRunStartedDto> {
    const result = await this.runs.start(ctx, body);
    return { id: result.run.id, asOf: result.run.asOf, total: result.run.total, planned: result.planned, skipped: result.skipped };
  }

  @Get('runs/:id')
  @RequireScope('billing:read')
  @ApiOperation({ operationId: 'getDunningRun', summary: 'Progress of a mass action: its mails by status' })
  @ApiOkResponse({ type: DunningRunDto })
  @ApiProblems(400, 401, 403, 404)
  async run(@Tenant() ctx: TenantContext, @IdParam() id: string): Promise<DunningRunDto> {
    return toRunDto(await this.history.progress(ctx, id));
  }

  @Get('uncertain')
  @RequireScope('billing:read')
  @ApiOperation({ operationId: 'listUncertainDunningEvents', summary: 'Steps whose mail may or may not have gone out (the worker stopped between the mark and the send): for review' })
  @ApiOkResponse({ type: DunningEventsDto })
  @ApiProblems(401, 403)
  async uncertain(@Tenant() ctx: TenantContext): Promise<DunningEventsDto> {
    return { data: (await this.history.uncertain(ctx)).map(toEventDto) };
  }

  @Post('events/:id/resolve')
  @HttpCode(200)
  @RequireScope('billing:write')
  @ApiOperation({ operationId: 'resolveDunningEvent', summary: 'A person’s decision on an uncertain step: it went out (mark_sent) or send it again (same Message-ID)' })
  @ApiOkResponse({ type: DunningEventDto })
  @ApiProblems(400, 401, 403, 404, 422)
  async resolve(@Tenant() ctx: TenantContext, @IdParam() id: string, @Body() body: ResolveDunningEventDto): Promise<DunningEventDto> {
    return toEventDto(await this.history.resolve(ctx, id, body.action));
  }

  @Get('steps')
  @RequireScope('billing:read')
  @ApiOperation({ operationId: 'getDunningSteps', summary: 'The company’s dunning steps (the default sequence until changed)' })
  @ApiOkResponse({ type: DunningStepsDto })
  @ApiProblems(401, 403)
  async getSteps(@Tenant() ctx: TenantContext): Promise<DunningStepsDto> {
    return toStepsDto(await this.steps.get(ctx));
  }

  @Put('steps')
  @RequireScope('billing:write')
  @ApiOperation({ operationId: 'updateDunningSteps', summary: 'Replace the sequence (steps without id are new; live steps left out are archived, their history kept)' })
  @ApiOkResponse({ type: DunningStepsDto })
  @ApiProblems(400, 401, 403)
  async putSteps(@Tenant() ctx: TenantContext, @Body() body: UpdateDunningStepsDto): Promise<DunningStepsDto> {
    return toStepsDto(await this.steps.replace(ctx, { dueSoonDays: body.dueSoonDays, steps: body.steps.map((s) => ({ ...s, feeNote: s.feeNote ?? null })) }));
  }
}

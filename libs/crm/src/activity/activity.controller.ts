import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { TenantContext } from '@comptoir/platform/kernel';
import { RequireScope, Tenant } from '@comptoir/platform/auth';
import { ApiProblems, IdParam } from '@comptoir/platform/http';
import { toActivityDto } from './activity.mapper';
import { ActivityService } from './activity.service';
import { ActivityPageDto, ActivityResponseDto, ActivityStatsDto, CreateActivityDto, UpdateActivityDto } from './dto/activity.dto';
import { ActivityStatsQuery, ListAccountActivitiesQuery, ListActivitiesQuery } from './dto/list-activities.query';

@ApiTags('Activities')
@ApiBearerAuth()
@Controller('v1')
export class ActivityController {
  constructor(private readonly activities: ActivityService) {}

  @Get('activities')
  @RequireScope('crm:read')
  @ApiOperation({
    operationId: 'listActivities',
    summary: 'The agenda: events and tasks by user, account, kind and period (cursor pagination)',
    description: 'Events overlapping [from, to) and tasks due within it, chronological by default. Comptoir’s system timeline entries are left out unless `type=system`.',
  })
  @ApiOkResponse({ type: ActivityPageDto })
  @ApiProblems(400, 401, 403)
  async list(@Tenant() ctx: TenantContext, @Query() query: ListActivitiesQuery): Promise<ActivityPageDto> {
    const page = await this.activities.list(ctx, query);
    return { data: page.data.map(toActivityDto), nextCursor: page.nextCursor };
  }

  @Post('activities')
  @RequireScope('crm:write')
  @ApiOperation({ operationId: 'createActivity', summary: 'Create an event (startsAt, endsAt) or a task (dueOn) for a user, optionally about an account and contact' })
  @ApiCreatedResponse({ type: ActivityResponseDto })
  @ApiProblems(400, 401, 403)
  async create(@Tenant() ctx: TenantContext, @Body() body: CreateActivityDto): Promise<ActivityResponseDto> {
    return toActivityDto(await this.activities.create(ctx, body));
  }

  @Get('activities/stats')
  @RequireScope('crm:read')
  @ApiOperation({ operationId: 'getActivityStats', summary: 'Counts of events and tasks by kind and type over a period' })
  @ApiOkResponse({ type: ActivityStatsDto })
  @ApiProblems(400, 401, 403)
  async stats(@Tenant() ctx: TenantContext, @Query() query: ActivityStatsQuery): Promise<ActivityStatsDto> {
    const stats = await this.activities.stats(ctx, query);
    return { ...stats, from: stats.from.toISOString(), to: stats.to.toISOString() };
  }

  @Get('activities/:id')
  @RequireScope('crm:read')
  @ApiOperation({ operationId: 'getActivity', summary: 'Get an event or task' })
  @ApiOkResponse({ type: ActivityResponseDto })
  @ApiProblems(400, 401, 403, 404)
  async get(@Tenant() ctx: TenantContext, @IdParam() id: string): Promise<ActivityResponseDto> {
    return toActivityDto(await this.activities.get(ctx, id));
  }

  @Patch('activities/:id')
  @RequireScope('crm:write')
  @ApiOperation({ operationId: 'updateActivity', summary: 'Update some fields of an event or task (system entries are read-only)' })
  @ApiOkResponse({ type: ActivityResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  async update(@Tenant() ctx: TenantContext, @IdParam() id: string, @Body() body: UpdateActivityDto): Promise<ActivityResponseDto> {
    return toActivityDto(await this.activities.update(ctx, id, body));
  }

  @Delete('activities/:id')
  @HttpCode(204)
  @RequireScope('crm:write')
  @ApiOperation({ operationId: 'deleteActivity', summary: 'Delete an event or task (system entries are read-only)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(400, 401, 403, 404, 409)
  async delete(@Tenant() ctx: TenantContext, @IdParam() id: string): Promise<void> {
    await this.activities.delete(ctx, id);
  }

  @Post('activities/:id/complete')
  @HttpCode(200)
  @RequireScope('crm:write')
  @ApiOperation({ operationId: 'completeActivity', summary: 'Mark a task done (sets doneAt; completing it again changes nothing)' })
  @ApiOkResponse({ type: ActivityResponseDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  async complete(@Tenant() ctx: TenantContext, @IdParam() id: string): Promise<ActivityResponseDto> {
    return toActivityDto(await this.activities.complete(ctx, id));
  }

  @Post('activities/:id/reopen')
  @HttpCode(200)
  @RequireScope('crm:write')
  @ApiOperation({ operationId: 'reopenActivity', summary: 'Mark a completed task as still to do (clears doneAt)' })
  @ApiOkResponse({ type: ActivityResponseDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  async reopen(@Tenant() ctx: TenantContext, @IdParam() id: string): Promise<ActivityResponseDto> {
    return toActivityDto(await this.activities.reopen(ctx, id));
  }

  @Get('accounts/:id/activities')
  @RequireScope('crm:read')
  @ApiOperation({ operationId: 'listAccountActivities', summary: "An account's timeline: its events, tasks and Comptoir's system entries, newest first" })
  @ApiParam({ name: 'id', format: 'uuid', description: 'Account id', example: '01934567-89ab-7cde-8f01-23456789abcd' })
  @ApiOkResponse({ type: ActivityPageDto })
  @ApiProblems(400, 401, 403, 404)
  async timeline(@Tenant() ctx: TenantContext, @IdParam() id: string, @Query() query: ListAccountActivitiesQuery): Promise<ActivityPageDto> {
    const page = await this.activities.timeline(ctx, id, query);
    return { data: page.data.map(toActivityDto), nextCursor: page.nextCursor };
  }
}

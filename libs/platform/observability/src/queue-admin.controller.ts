import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { TenantContext, ValidationFailedError } from '@comptoir/platform/kernel';
import { RequireScope, Tenant } from '@comptoir/platform/auth';
import { ApiProblems } from '@comptoir/platform/http';
import { QueueStatusService } from '@comptoir/platform/queue';

class OutboxStatusDto {
  @ApiProperty({ example: 0 }) pending: number;
  @ApiProperty({ example: 0 }) failed: number;
  @ApiProperty({ example: 0 }) oldestPendingSeconds: number;
}

class QueueStatusDto {
  @ApiProperty({ enum: ['bullmq', 'inline'], example: 'bullmq' }) driver: 'bullmq' | 'inline';
  @ApiProperty({ type: OutboxStatusDto }) outbox: OutboxStatusDto;
}

class FailedDeliveryDto {
  @ApiProperty({ example: '01934567-89ab-7cde-8f01-23456789abcd.crm.account-timeline' }) id: string;
  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcd' }) eventId: string;
  @ApiProperty({ example: 'crm.account.created' }) eventName: string;
  @ApiProperty({ nullable: true, type: String, example: 'crm.account-timeline' }) handler: string | null;
  @ApiProperty({ example: 10 }) attempts: number;
  @ApiProperty({ nullable: true, type: String, example: 'connect ECONNREFUSED' }) error: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2026-11-23T10:00:00.000Z' }) failedAt: string | null;
}

class FailedDeliveryListDto {
  @ApiProperty({ type: [FailedDeliveryDto] }) data: FailedDeliveryDto[];
}

const JOB_ID = /^[0-9a-f-]{36}(\.[a-z0-9.-]{1,100})?$/;

/** The event pipeline as an administrator sees it: backlog, failed deliveries, retry. */
@ApiTags('Admin')
@ApiBearerAuth()
@Controller('v1/admin/queue')
export class QueueAdminController {
  constructor(private readonly queue: QueueStatusService) {}

  @Get()
  @RequireScope('org:write')
  @ApiOperation({ operationId: 'getQueueStatus', summary: 'Backlog and job counts of the event pipeline' })
  @ApiOkResponse({ type: QueueStatusDto })
  @ApiProblems(401, 403)
  status(@Tenant() ctx: TenantContext): Promise<QueueStatusDto> {
    return this.queue.status(ctx.organizationId);
  }

  @Get('failed')
  @RequireScope('org:write')
  @ApiOperation({ operationId: 'listFailedDeliveries', summary: "Deliveries of this organisation's events that failed (with their last error)" })
  @ApiOkResponse({ type: FailedDeliveryListDto })
  @ApiProblems(401, 403)
  async failed(@Tenant() ctx: TenantContext): Promise<FailedDeliveryListDto> {
    return { data: await this.queue.failed(ctx.organizationId) };
  }

  @Post('failed/:jobId/retry')
  @HttpCode(204)
  @RequireScope('org:write')
  @ApiOperation({ operationId: 'retryFailedDelivery', summary: 'Retry a failed delivery now' })
  @ApiNoContentResponse({ description: 'Queued again' })
  @ApiProblems(400, 401, 403, 404)
  async retry(@Tenant() ctx: TenantContext, @Param('jobId') jobId: string): Promise<void> {
    if (!JOB_ID.test(jobId)) throw new ValidationFailedError([{ path: 'jobId', message: 'jobId must be an id listed by listFailedDeliveries' }]);
    await this.queue.retry(ctx.organizationId, jobId);
  }
}

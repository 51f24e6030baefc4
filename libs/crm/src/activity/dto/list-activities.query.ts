import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { ListQueryDto } from '@comptoir/platform/http';
import { IsDateOrInstant } from '../../common/validators';
import { ACTIVITY_KINDS, ACTIVITY_TYPES, ActivityKind, ActivityType } from '../activity.entity';

export const ACTIVITY_SORTS = ['at', '-at', 'updatedAt', '-updatedAt'] as const;
export type ActivitySort = (typeof ACTIVITY_SORTS)[number];

const RANGE =
  'Events overlapping [from, to) and tasks due in it. A date (YYYY-MM-DD) means midnight in the company time zone; a task counts when its due day meets the range.';

/** The agenda: events and tasks of the company's users, by user, account, kind, type and period. */
export class ListActivitiesQuery extends ListQueryDto {
  @ApiPropertyOptional({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abce' })
  @IsOptional()
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcd' })
  @IsOptional()
  @IsUUID()
  accountId?: string;

  @ApiPropertyOptional({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcf' })
  @IsOptional()
  @IsUUID()
  contactId?: string;

  @ApiPropertyOptional({ enum: ACTIVITY_KINDS, example: 'task' })
  @IsOptional()
  @IsIn(ACTIVITY_KINDS)
  kind?: ActivityKind;

  @ApiPropertyOptional({ enum: ACTIVITY_TYPES, example: 'call', description: 'system entries are left out unless asked for by type' })
  @IsOptional()
  @IsIn(ACTIVITY_TYPES)
  type?: ActivityType;

  @ApiPropertyOptional({ type: Boolean, example: false, description: 'true: completed tasks only; false: open tasks and all events' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  done?: boolean;

  @ApiPropertyOptional({ example: '2026-11-23', description: `Start of the period, inclusive. ${RANGE}` })
  @IsOptional()
  @IsDateOrInstant()
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-30T00:00:00+01:00', description: 'End of the period, exclusive (date or instant)' })
  @IsOptional()
  @IsDateOrInstant()
  to?: string;

  @ApiPropertyOptional({ enum: ACTIVITY_SORTS, default: 'at', example: 'at', description: 'at: chronological (event start, task due date)' })
  @IsOptional()
  @IsIn(ACTIVITY_SORTS)
  sort?: ActivitySort;
}

/** An account's timeline, newest first. */
export class ListAccountActivitiesQuery extends ListQueryDto {
  @ApiPropertyOptional({ enum: ACTIVITY_KINDS, example: 'event' })
  @IsOptional()
  @IsIn(ACTIVITY_KINDS)
  kind?: ActivityKind;

  @ApiPropertyOptional({ enum: ACTIVITY_TYPES, example: 'system' })
  @IsOptional()
  @IsIn(ACTIVITY_TYPES)
  type?: ActivityType;
}

export class ActivityStatsQuery {
  @ApiProperty({ example: '2026-11-01', description: `Start of the period, inclusive. ${RANGE}` })
  @IsDateOrInstant()
  from: string;

  @ApiProperty({ example: '2026-12-01', description: 'End of the period, exclusive (date or instant)' })
  @IsDateOrInstant()
  to: string;

  @ApiPropertyOptional({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abce' })
  @IsOptional()
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcd' })
  @IsOptional()
  @IsUUID()
  accountId?: string;
}

import { IsCalendarDate } from '@comptoir/platform/http';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { IsInstant } from '../../common/validators';
import { ACTIVITY_KINDS, ACTIVITY_TYPES, ActivityKind, ActivityType, USER_ACTIVITY_TYPES, UserActivityType } from '../activity.entity';

const TYPE_MESSAGE = `type must be one of: ${USER_ACTIVITY_TYPES.join(', ')} (system is reserved for Comptoir's own timeline entries)`;
const KIND_DESCRIPTION = 'event: happens at a time (startsAt, optional endsAt); task: to do by a date (dueOn), completed with POST /activities/{id}/complete';

export class CreateActivityDto {
  @ApiProperty({ enum: ACTIVITY_KINDS, example: 'event', description: KIND_DESCRIPTION })
  @IsIn(ACTIVITY_KINDS)
  kind: ActivityKind;

  @ApiProperty({ enum: USER_ACTIVITY_TYPES, example: 'meeting' })
  @IsIn(USER_ACTIVITY_TYPES, { message: TYPE_MESSAGE })
  type: UserActivityType;

  @ApiProperty({ example: 'Présentation du devis', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @ApiPropertyOptional({ example: 'Apporter le catalogue 2027', maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notes?: string;

  @ApiPropertyOptional({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abce', description: 'A user of the company; default: the calling user (required with an API key)' })
  @IsOptional()
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcd', description: 'Default: the account of contactId, if given' })
  @IsOptional()
  @IsUUID()
  accountId?: string;

  @ApiPropertyOptional({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcf', description: 'A contact of the account' })
  @IsOptional()
  @IsUUID()
  contactId?: string;

  @ApiPropertyOptional({ example: '2026-11-23T14:30:00+01:00', description: 'Events only (required): ISO 8601 instant with offset' })
  @IsOptional()
  @IsInstant()
  startsAt?: string;

  @ApiPropertyOptional({ example: '2026-11-23T15:30:00+01:00', description: 'Events only: after startsAt' })
  @IsOptional()
  @IsInstant()
  endsAt?: string;

  @ApiPropertyOptional({ example: '2026-11-30', description: 'Tasks only (required): calendar date YYYY-MM-DD' })
  @IsOptional()
  @IsCalendarDate()
  dueOn?: string;
}

/** Every field optional; null clears notes, accountId, contactId, endsAt (and the fields of the former kind). */
export class UpdateActivityDto {
  @ApiPropertyOptional({ enum: ACTIVITY_KINDS, example: 'task', description: 'Changing the kind drops the former kind’s times unless restated' })
  @ValidateIf((o: UpdateActivityDto) => o.kind !== undefined)
  @IsIn(ACTIVITY_KINDS)
  kind?: ActivityKind;

  @ApiPropertyOptional({ enum: USER_ACTIVITY_TYPES, example: 'call' })
  @ValidateIf((o: UpdateActivityDto) => o.type !== undefined)
  @IsIn(USER_ACTIVITY_TYPES, { message: TYPE_MESSAGE })
  type?: UserActivityType;

  @ApiPropertyOptional({ example: 'Relance du devis', maxLength: 200 })
  @ValidateIf((o: UpdateActivityDto) => o.title !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ example: 'Rappeler après 14 h', maxLength: 5000, nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notes?: string | null;

  @ApiPropertyOptional({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abce' })
  @ValidateIf((o: UpdateActivityDto) => o.userId !== undefined)
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcd', nullable: true, type: String })
  @IsOptional()
  @IsUUID()
  accountId?: string | null;

  @ApiPropertyOptional({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcf', nullable: true, type: String })
  @IsOptional()
  @IsUUID()
  contactId?: string | null;

  @ApiPropertyOptional({ example: '2026-11-23T14:30:00+01:00', nullable: true, type: String })
  @IsOptional()
  @IsInstant()
  startsAt?: string | null;

  @ApiPropertyOptional({ example: '2026-11-23T15:30:00+01:00', nullable: true, type: String })
  @IsOptional()
  @IsInstant()
  endsAt?: string | null;

  @ApiPropertyOptional({ example: '2026-11-30', nullable: true, type: String })
  @IsOptional()
  @IsCalendarDate()
  dueOn?: string | null;
}

export class ActivityResponseDto {
  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abc0' })
  id: string;

  @ApiProperty({ enum: ACTIVITY_KINDS, example: 'event' })
  kind: ActivityKind;

  @ApiProperty({ enum: ACTIVITY_TYPES, example: 'meeting', description: 'system: an entry Comptoir wrote on the account timeline (read-only)' })
  type: ActivityType;

  @ApiProperty({ example: 'Présentation du devis' })
  title: string;

  @ApiProperty({ example: null, nullable: true, type: String })
  notes: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: '01934567-89ab-7cde-8f01-23456789abce', description: 'Null on system entries' })
  userId: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: '01934567-89ab-7cde-8f01-23456789abcd' })
  accountId: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: null })
  contactId: string | null;

  @ApiProperty({ nullable: true, type: String, example: '2026-11-23T13:30:00.000Z' })
  startsAt: string | null;

  @ApiProperty({ nullable: true, type: String, example: '2026-11-23T14:30:00.000Z' })
  endsAt: string | null;

  @ApiProperty({ nullable: true, type: String, example: null, description: 'Tasks: calendar date YYYY-MM-DD' })
  dueOn: string | null;

  @ApiProperty({ nullable: true, type: String, example: null, description: 'Tasks: when it was completed' })
  doneAt: string | null;

  @ApiProperty({ example: '2026-11-20T10:00:00.000Z' })
  createdAt: string;

  @ApiProperty({ example: '2026-11-20T10:00:00.000Z' })
  updatedAt: string;
}

export class ActivityPageDto {
  @ApiProperty({ type: [ActivityResponseDto] })
  data: ActivityResponseDto[];

  @ApiProperty({ nullable: true, type: String, example: null, description: 'Pass as `cursor` for the next page; null on the last page' })
  nextCursor: string | null;
}

export class ActivityKindCountDto {
  @ApiProperty({ enum: ACTIVITY_KINDS, example: 'task' })
  kind: ActivityKind;

  @ApiProperty({ example: 7 })
  count: number;

  @ApiProperty({ example: 3, description: 'Completed tasks (always 0 for events)' })
  done: number;
}

export class ActivityTypeCountDto {
  @ApiProperty({ enum: USER_ACTIVITY_TYPES, example: 'call' })
  type: ActivityType;

  @ApiProperty({ example: 5 })
  count: number;

  @ApiProperty({ example: 3 })
  events: number;

  @ApiProperty({ example: 2 })
  tasks: number;
}

export class ActivityStatsDto {
  @ApiProperty({ example: '2026-11-01T00:00:00.000Z', description: 'Start of the period (inclusive) as an instant' })
  from: string;

  @ApiProperty({ example: '2026-12-01T00:00:00.000Z', description: 'End of the period (exclusive) as an instant' })
  to: string;

  @ApiProperty({ example: 14 })
  total: number;

  @ApiProperty({ type: [ActivityKindCountDto] })
  byKind: ActivityKindCountDto[];

  @ApiProperty({ type: [ActivityTypeCountDto], description: 'Every type, zeros included' })
  byType: ActivityTypeCountDto[];
}

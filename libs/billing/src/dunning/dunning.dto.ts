import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { ArrayDistinct, IsCalendarDate } from '@comptoir/platform/http';
import { RECOVERY_STATUSES, RecoveryStatus } from '../document/document-kinds';
import { SKIP_REASONS, SkipReason } from './dunning-run.service';
import { MERGE_FIELDS } from './merge-fields';

const UUID_EXAMPLE = '01934567-89ab-7cde-8f01-23456789abcd';
const MAIL_STATUSES = ['pending', 'sending', 'sent', 'uncertain', 'failed'] as const;
const DUE_STATES = ['not_due', 'due_soon', 'overdue'] as const;

export class CandidatesQuery {
  @ApiPropertyOptional({ example: '2026-11-24', description: 'Default: the company’s today' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;

  @ApiPropertyOptional({ enum: ['due', 'open'], example: 'due', description: '`due` (default): invoices whose next step is due; `open`: every open invoice with its colour' })
  @IsOptional()
  @IsIn(['due', 'open'])
  scope?: 'due' | 'open';
}

export class AsOfQuery {
  @ApiPropertyOptional({ example: '2026-11-24', description: 'Default: the company’s today' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}

export class StepRefDto {
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE }) id: string;
  @ApiProperty({ example: 'Relance 1' }) name: string;
}

export class NextStepDto extends StepRefDto {
  @ApiProperty({ example: '2026-11-20', nullable: true, type: String, description: 'When it falls due; null while the previous step is not sent' }) dueOn: string | null;
}

export class LastStepDto extends StepRefDto {
  @ApiProperty({ enum: MAIL_STATUSES, example: 'sent' }) status: string;
  @ApiProperty({ example: '2026-11-05', nullable: true, type: String }) sentOn: string | null;
}

export class DunningCandidateDto {
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE }) invoiceId: string;
  @ApiProperty({ example: 'F-2026-00042' }) number: string;
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE }) accountId: string;
  @ApiProperty({ example: 'Boulangerie Martin' }) customerName: string;
  @ApiProperty({ example: '600.00', description: 'Balance due' }) due: string;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ example: '2026-10-15', description: 'Due date of the oldest open installment' }) dueOn: string;
  @ApiProperty({ example: 40, description: 'asOf − dueOn (negative before the due date)' }) daysOverdue: number;
  @ApiProperty({ enum: DUE_STATES, example: 'overdue' }) dueState: string;
  @ApiProperty({ enum: RECOVERY_STATUSES, nullable: true, example: null }) recoveryStatus: string | null;
  @ApiProperty({ example: false }) collectionPending: boolean;
  @ApiProperty({ type: NextStepDto, nullable: true }) nextStep: NextStepDto | null;
  @ApiProperty({ type: LastStepDto, nullable: true }) lastStep: LastStepDto | null;
  @ApiProperty({ example: '2026-11-05', nullable: true, type: String, description: 'Sending date of the last step sent' }) lastStepSentOn: string | null;
  @ApiProperty({ example: true, description: 'Its next step is due and nothing suspends it' }) toDun: boolean;
}

export class DigestDto {
  @ApiProperty({ example: '2026-11-24' }) on: string;
  @ApiProperty({ example: 12 }) count: number;
  @ApiProperty({ example: '8450.00' }) amount: string;
}

export class DunningCandidatesDto {
  @ApiProperty({ example: '2026-11-24' }) asOf: string;
  @ApiProperty({ example: 7 }) dueSoonDays: number;
  @ApiProperty({ type: DigestDto, nullable: true, description: 'The daily job’s last count of invoices to dun' }) digest: DigestDto | null;
  @ApiProperty({ type: [DunningCandidateDto] }) data: DunningCandidateDto[];
}

export class DunningStepInputDto {
  @ApiPropertyOptional({ format: 'uuid', example: UUID_EXAMPLE, nullable: true, type: String, description: 'A live step to update; omit for a new step' })
  @IsOptional()
  @IsUUID()
  id?: string | null;

  @ApiProperty({ example: 'Relance 1', maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @ApiProperty({ example: 15, minimum: 0, maximum: 365, description: 'Days after the previous step’s sending (the first: after the due date)' })
  @IsInt()
  @Min(0)
  @Max(365)
  delayDays: number;

  @ApiProperty({ example: 'Rappel : facture {{invoice.number}}', maxLength: 300, description: `Merge fields: ${Object.keys(MERGE_FIELDS).map((f) => `{{${f}}}`).join(', ')}` })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  subject: string;

  @ApiProperty({ example: 'Bonjour,\n\nLa facture {{invoice.number}} reste due pour {{invoice.balanceDue}}.', maxLength: 20000 })
  @IsString()
  @MinLength(1)
  @MaxLength(20000)
  body: string;

  @ApiProperty({ example: true, description: 'Attach the invoice’s original PDF' })
  @IsBoolean()
  attachPdf: boolean;

  @ApiPropertyOptional({ example: 'Indemnité forfaitaire de 40 €', nullable: true, type: String, maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  feeNote?: string | null;
}

export class UpdateDunningStepsDto {
  @ApiPropertyOptional({ example: 7, minimum: 0, maximum: 90, description: 'Open invoices due within this many days show as due soon' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(90)
  dueSoonDays?: number;

  @ApiProperty({ type: [DunningStepInputDto], description: 'The whole sequence, in order (1 to 10 steps)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => DunningStepInputDto)
  steps: DunningStepInputDto[];
}

export class DunningStepDto {
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE }) id: string;
  @ApiProperty({ example: 1 }) position: number;
  @ApiProperty({ example: 'Relance 1' }) name: string;
  @ApiProperty({ example: 0 }) delayDays: number;
  @ApiProperty({ example: 'Rappel : facture {{invoice.number}}' }) subject: string;
  @ApiProperty({ example: 'Bonjour, …' }) body: string;
  @ApiProperty({ example: true }) attachPdf: boolean;
  @ApiProperty({ example: null, nullable: true, type: String }) feeNote: string | null;
}

export class DunningStepsDto {
  @ApiProperty({ example: 7 }) dueSoonDays: number;
  @ApiProperty({ type: [DunningStepDto] }) steps: DunningStepDto[];
  @ApiProperty({ example: ['customer.name', 'invoice.number'], type: [String], description: 'Merge fields templates may use' }) mergeFields: string[];
}

export class StartDunningRunDto {
  @ApiProperty({ type: [String], format: 'uuid', example: [UUID_EXAMPLE], description: 'Invoices to send their next step to (1 to 1000)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ArrayDistinct()
  @IsUUID('all', { each: true })
  invoiceIds: string[];

  @ApiPropertyOptional({ example: '2026-11-24', description: 'Default: the company’s today' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}

export class PlannedStepDto {
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE }) invoiceId: string;
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE }) stepId: string;
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE }) eventId: string;
}

export class SkippedInvoiceDto {
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE }) invoiceId: string;
  @ApiProperty({ enum: SKIP_REASONS, example: 'already_planned' }) reason: SkipReason;
}

export class DunningRunStartedDto {
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE }) id: string;
  @ApiProperty({ example: '2026-11-24' }) asOf: string;
  @ApiProperty({ example: 3, description: 'Mails this run sends' }) total: number;
  @ApiProperty({ type: [PlannedStepDto] }) planned: PlannedStepDto[];
  @ApiProperty({ type: [SkippedInvoiceDto], description: 'Selected invoices that got no mail, and why (a step already planned is never planned again)' }) skipped: SkippedInvoiceDto[];
}

export class DunningEventDto {
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE }) id: string;
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE }) invoiceId: string;
  @ApiProperty({ example: 'F-2026-00042' }) invoiceNumber: string;
  @ApiProperty({ type: StepRefDto }) step: StepRefDto;
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE }) runId: string;
  @ApiProperty({ example: '2026-11-24' }) asOf: string;
  @ApiProperty({ enum: MAIL_STATUSES, example: 'sent', description: 'The status of its mail; uncertain = the worker stopped between the mark and the send: for review' }) status: string;
  @ApiProperty({ example: 'compta@boulangerie-martin.fr' }) recipient: string;
  @ApiProperty({ example: 'Rappel : facture F-2026-00042 arrivée à échéance' }) subject: string;
  @ApiProperty({ example: '<dunning.0193…@comptoir>' }) messageId: string;
  @ApiProperty({ example: null, nullable: true, type: String }) error: string | null;
  @ApiProperty({ example: '2026-11-24T08:00:00.000Z' }) createdAt: string;
  @ApiProperty({ example: '2026-11-24T08:00:02.000Z', nullable: true, type: String }) sentAt: string | null;
}

export class DunningEventsDto {
  @ApiProperty({ type: [DunningEventDto] }) data: DunningEventDto[];
}

export class RunCountsDto {
  @ApiProperty({ example: 1 }) pending: number;
  @ApiProperty({ example: 0 }) sending: number;
  @ApiProperty({ example: 2 }) sent: number;
  @ApiProperty({ example: 0 }) uncertain: number;
  @ApiProperty({ example: 0 }) failed: number;
}

export class DunningRunDto {
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE }) id: string;
  @ApiProperty({ example: '2026-11-24' }) asOf: string;
  @ApiProperty({ example: 3 }) total: number;
  @ApiProperty({ type: RunCountsDto }) counts: RunCountsDto;
  @ApiProperty({ example: false, description: 'No mail of the run is pending or sending any more' }) done: boolean;
  @ApiProperty({ example: '2026-11-24T08:00:00.000Z' }) createdAt: string;
  @ApiProperty({ type: [DunningEventDto] }) events: DunningEventDto[];
}

export class MailAttachmentPreviewDto {
  @ApiProperty({ example: 'F-2026-00042.pdf' }) filename: string;
  @ApiProperty({ example: 'application/pdf' }) contentType: string;
}

export class DunningMailPreviewDto {
  @ApiProperty({ example: 'compta@boulangerie-martin.fr' }) to: string;
  @ApiProperty({ example: 'Rappel : facture F-2026-00042 arrivée à échéance' }) subject: string;
  @ApiProperty({ example: 'Bonjour, …' }) text: string;
  @ApiProperty({ example: '<dunning.0193…@comptoir>' }) messageId: string;
  @ApiProperty({ type: [MailAttachmentPreviewDto] }) attachments: MailAttachmentPreviewDto[];
}

export class DunningPreviewDto {
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE }) invoiceId: string;
  @ApiProperty({ type: NextStepDto, nullable: true, description: 'null: the invoice is not open, or every step was planned' }) step: NextStepDto | null;
  @ApiProperty({ type: DunningMailPreviewDto, nullable: true, description: 'null: no next step, or nobody to write to (neither the invoice’s contact nor the customer has an email)' }) mail: DunningMailPreviewDto | null;
}

export class ResolveDunningEventDto {
  @ApiProperty({ enum: ['mark_sent', 'send_again'], example: 'mark_sent', description: 'mark_sent: it did go out; send_again: it did not, send it once more (same Message-ID)' })
  @IsIn(['mark_sent', 'send_again'])
  action: 'mark_sent' | 'send_again';
}

export class RecoveryStatusDto {
  @ApiProperty({ enum: RECOVERY_STATUSES, nullable: true, example: 'disputed', description: 'null clears it (dunning resumes)' })
  @IsIn([...RECOVERY_STATUSES, null])
  status: RecoveryStatus | null;
}

export class RecoveryStatusResponseDto {
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE }) invoiceId: string;
  @ApiProperty({ enum: RECOVERY_STATUSES, nullable: true, example: 'disputed' }) recoveryStatus: RecoveryStatus | null;
}

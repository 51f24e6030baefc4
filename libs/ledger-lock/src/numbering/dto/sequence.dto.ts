import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { COUNTER_WIDTH_MAX, COUNTER_WIDTH_MIN, PATTERN_MAX_LENGTH } from '../number-pattern';
import { NUMBERED_DOCUMENT_TYPES, NumberedDocumentType, SEQUENCE_RESETS, SequenceReset } from '../numbering.types';

const PATTERN_DESCRIPTION =
  'Text printed before the counter; tokens {yyyy}, {yy} and {mm} are replaced by the document date. A yearly reset needs a year token, a monthly reset a year and {mm}.';

export class UpdateSequenceDto {
  @ApiPropertyOptional({ description: PATTERN_DESCRIPTION, maxLength: PATTERN_MAX_LENGTH, example: 'FA{yyyy}-' })
  @IsOptional()
  @IsString()
  @MaxLength(PATTERN_MAX_LENGTH)
  pattern?: string;

  @ApiPropertyOptional({ description: 'Digits of the counter (zero-padded; a larger counter gets more digits)', minimum: COUNTER_WIDTH_MIN, maximum: COUNTER_WIDTH_MAX, example: 5 })
  @IsOptional()
  @IsInt()
  @Min(COUNTER_WIDTH_MIN)
  @Max(COUNTER_WIDTH_MAX)
  counterWidth?: number;

  @ApiPropertyOptional({ enum: SEQUENCE_RESETS, description: 'When the counter restarts at 1', example: 'yearly' })
  @IsOptional()
  @IsIn(SEQUENCE_RESETS)
  reset?: SequenceReset;
}

/** An establishment's own series (the company series of every type exist from the start). */
export class CreateSequenceDto extends UpdateSequenceDto {
  @ApiProperty({ enum: NUMBERED_DOCUMENT_TYPES, example: 'invoice' })
  @IsIn(NUMBERED_DOCUMENT_TYPES)
  documentType: NumberedDocumentType;

  @ApiProperty({ format: 'uuid', description: 'The establishment this series numbers documents for', example: '01934567-89ab-7cde-8f01-23456789abcd' })
  @IsUUID()
  establishmentId: string;

  @ApiProperty({ description: PATTERN_DESCRIPTION, maxLength: PATTERN_MAX_LENGTH, example: 'FAL{yyyy}-' })
  @IsString()
  @MaxLength(PATTERN_MAX_LENGTH)
  declare pattern: string;
}

export class SequenceResponseDto {
  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcd' })
  id: string;

  @ApiProperty({ enum: NUMBERED_DOCUMENT_TYPES, example: 'invoice' })
  documentType: NumberedDocumentType;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null: the company series', example: null })
  establishmentId: string | null;

  @ApiProperty({ example: 'FA{yyyy}-' })
  pattern: string;

  @ApiProperty({ example: 5 })
  counterWidth: number;

  @ApiProperty({ enum: SEQUENCE_RESETS, example: 'yearly' })
  reset: SequenceReset;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the first number was issued; the format is frozen from then on', example: '2026-01-05T09:12:00.000Z' })
  usedAt: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Date of the latest numbered document: later ones may not be dated before it', example: '2026-03-04' })
  lastDate: string | null;

  @ApiProperty({ description: 'The number the next document dated today would get', example: 'FA2026-00042' })
  preview: string;

  @ApiProperty({ format: 'date-time', example: '2026-01-01T08:00:00.000Z' })
  createdAt: string;

  @ApiProperty({ format: 'date-time', example: '2026-01-01T08:00:00.000Z' })
  updatedAt: string;
}

export class SequenceListDto {
  @ApiProperty({ type: [SequenceResponseDto] })
  data: SequenceResponseDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Always null: every series fits in one page', example: null })
  nextCursor: string | null;
}

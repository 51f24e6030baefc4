import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsUUID } from 'class-validator';
import { ArrayDistinct, IsAmount, OptionalNestedArray } from '@comptoir/platform/http';

export class CreditNoteLineDto {
  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcd', description: 'A line of the invoice' })
  @IsUUID()
  sourceLineId: string;

  @ApiProperty({ example: '1', description: 'Quantity to credit (positive), at most what remains uncredited on that line' })
  @IsAmount(4)
  quantity: string;
}

export class CreateCreditNoteDto {
  @OptionalNestedArray(CreditNoteLineDto, { max: 1000, description: 'None: everything that remains uncredited' })
  lines?: CreditNoteLineDto[];
}

export const MAX_BATCH = 10_000;

export class ValidateBatchDto {
  @ApiProperty({ type: [String], format: 'uuid', example: ['01934567-89ab-7cde-8f01-23456789abcd'], description: `Up to ${MAX_BATCH} draft invoices, validated all or none` })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BATCH)
  @ArrayDistinct()
  @IsUUID('all', { each: true })
  ids: string[];
}

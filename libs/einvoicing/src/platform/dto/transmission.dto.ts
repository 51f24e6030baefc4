import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, MaxLength } from 'class-validator';
import { EINVOICE_STATUSES, EInvoiceStatus } from '../lifecycle';
import { SELLER_CODES, SellerCode } from '../lifecycle-rules';

export class TransmissionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: EINVOICE_STATUSES, example: 'submitted' }) status: EInvoiceStatus;
  @ApiProperty({ format: 'date-time' }) statusAt: string;
  @ApiProperty({ type: String, nullable: true, example: 'fake' }) platform: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'FAKE-3F2A9C0D11E4B7A6C5D4E3F2' }) platformRef: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why the last submission failed (status failed: it can be submitted again)' }) lastError: string | null;
}

export class SellerStatusDto {
  @ApiProperty({ enum: SELLER_CODES, example: 212, description: '212 cashed in (with the cash received per VAT rate), 207 disputed (reason required), 209 completed (after a 208 suspension)' })
  @IsInt()
  @IsIn(SELLER_CODES)
  code: SellerCode;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500, example: 'Livraison incomplète' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string | null;
}

export class CallbackReceiptDto {
  @ApiProperty({ example: 1, description: 'Statuses the message carried' }) received: number;
  @ApiProperty({ example: 1, description: 'Statuses newly stored' }) recorded: number;
  @ApiProperty({ example: 0, description: 'Statuses already stored (a redelivered message): nothing changed' }) duplicates: number;
}

export class IncomingInvoiceDto {
  @ApiProperty({ example: 'FAKE-IN-0001' }) platformRef: string;
  @ApiProperty({ enum: ['facturx', 'cii', 'ubl'] }) format: string;
  @ApiProperty({ example: 'FV-2026-118.xml' }) filename: string;
  @ApiProperty({ example: 'application/xml' }) contentType: string;
  @ApiProperty({ example: 18234 }) size: number;
  @ApiProperty({ format: 'date-time' }) receivedAt: string;
}

export class InboxDto {
  @ApiProperty({ example: 'fake' }) platform: string;
  @ApiProperty({ type: [IncomingInvoiceDto] }) data: IncomingInvoiceDto[];
}

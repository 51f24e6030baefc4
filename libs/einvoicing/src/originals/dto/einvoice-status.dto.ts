import { ApiProperty } from '@nestjs/swagger';
import { EINVOICE_STATUSES } from '../../platform/lifecycle';
import { EINVOICE_FORMATS, EINVOICE_PROFILES, EInvoiceFormat } from '../../settings/einvoicing-settings.entity';

export const EINVOICE_FLOWS = ['B2B', 'B2BINT', 'B2C'] as const;
/** `pending` until the originals are made. */
export const EINVOICE_STATUS_VALUES = ['pending', ...EINVOICE_STATUSES] as const;

export class EInvoiceFormatFileDto {
  @ApiProperty({ enum: EINVOICE_FORMATS, example: 'facturx' }) format: EInvoiceFormat;
  @ApiProperty({ example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', description: 'SHA-256 of the stored original (hex), sealed in the ledger; the download ETag' }) sha256: string;
  @ApiProperty({ example: 'application/pdf' }) contentType: string;
  @ApiProperty({ example: 'FA-2026-00042-facturx.pdf' }) filename: string;
}

export class EInvoiceWarningDto {
  @ApiProperty({ example: 'buyer.electronicAddress' }) path: string;
  @ApiProperty({ example: 'The buyer has no electronic address' }) message: string;
}

export class EInvoiceLifecycleEventDto {
  @ApiProperty({ example: 200, description: 'CDAR lifecycle status code (200 deposited … 212 cashed in, 213 rejected)' }) code: number;
  @ApiProperty({ example: 'deposited' }) status: string;
  @ApiProperty({ example: '2026-11-24T08:00:00.000Z' }) occurredAt: string;
  @ApiProperty({ enum: ['platform', 'seller'], example: 'platform' }) source: string;
  @ApiProperty({ example: null, nullable: true, type: String }) reason: string | null;
}

/** Where the e-invoice of a validated invoice, credit note or deposit invoice stands. */
export class EInvoiceStatusDto {
  @ApiProperty({ enum: EINVOICE_STATUS_VALUES, example: 'generated', description: 'pending until the originals are made, generated, then the platform lifecycle' }) status: string;
  @ApiProperty({ enum: EINVOICE_PROFILES, nullable: true, example: 'EN16931', description: 'null for documents validated before e-invoicing existed' }) profile: string | null;
  @ApiProperty({ enum: EINVOICE_FLOWS, nullable: true, example: 'B2B', description: 'B2B (domestic, transmitted), B2BINT and B2C (e-reporting)' }) flow: string | null;
  @ApiProperty({ example: true, description: 'In the French reform’s scope: seller with e-invoicing enabled, domestic business buyer' }) inScope: boolean;
  @ApiProperty({ example: 'S1', nullable: true, type: String, description: 'BT-23, the French billing mode (cadre de facturation)' }) billingMode: string | null;
  @ApiProperty({ example: '2026-11-24T08:00:00.000Z', nullable: true, type: String }) generatedAt: string | null;
  @ApiProperty({ type: [EInvoiceFormatFileDto], description: 'The stored originals; empty while pending' }) formats: EInvoiceFormatFileDto[];
  @ApiProperty({ type: [EInvoiceWarningDto], description: 'Data missing on an out-of-scope document (kept at validation, never refused)' }) warnings: EInvoiceWarningDto[];
  @ApiProperty({ example: null, nullable: true, type: String, description: 'The approved platform it was submitted to' }) platform: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) platformRef: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) submittedAt: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) lastError: string | null;
  @ApiProperty({ type: [EInvoiceLifecycleEventDto], description: 'Lifecycle statuses, oldest first' }) lifecycle: EInvoiceLifecycleEventDto[];
}

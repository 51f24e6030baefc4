import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsCalendarDate, IsDecimalString, IsEuVatNumber, OptionalNested, OptionalNestedArray } from '@comptoir/platform/http';
import { PAYMENT_METHODS } from '@comptoir/crm';
import { DocumentAddressDto, DocumentLineInputDto, EarlyPaymentDiscountDto, GeneralDiscountDto, InstallmentDto, PdfOptionsDto, ShippingDto } from './document-parts.dto';

export const MAX_LINES = 1000;
export const CREATABLE_INVOICE_KINDS = ['invoice', 'deposit'] as const;

/** Body of POST /quotes, /orders, /delivery-notes, /invoices. */
export class CreateDocumentDto {
  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcd', description: 'The customer account' })
  @IsUUID()
  accountId: string;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abce', description: 'A contact of the account' })
  @IsOptional()
  @IsUUID()
  contactId?: string | null;

  @ApiPropertyOptional({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcf', description: "Default: the company's default establishment; frozen at creation" })
  @IsOptional()
  @IsUUID()
  establishmentId?: string;

  @ApiPropertyOptional({ enum: CREATABLE_INVOICE_KINDS, example: 'invoice', default: 'invoice', description: 'Invoices only (credit notes are created from their invoice)' })
  @IsOptional()
  @IsIn(CREATABLE_INVOICE_KINDS)
  kind?: (typeof CREATABLE_INVOICE_KINDS)[number];

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Entretien des locaux — novembre', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  title?: string | null;

  @ApiPropertyOptional({ example: '2026-11-23', description: "Default: today in the company's time zone" })
  @IsOptional()
  @IsCalendarDate()
  date?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '2026-12-23', description: 'Quotes: valid until (default: date + the validity of the billing settings)' })
  @IsOptional()
  @IsCalendarDate()
  validityDate?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '2026-12-01', description: 'Orders: expected delivery date' })
  @IsOptional()
  @IsCalendarDate()
  deliveryDate?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '2026-12-31', description: "Invoices: default the last installment's due date, else the date" })
  @IsOptional()
  @IsCalendarDate()
  dueDate?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, enum: PAYMENT_METHODS, example: 'transfer' })
  @IsOptional()
  @IsIn(PAYMENT_METHODS)
  paymentMethod?: string | null;

  @OptionalNestedArray(InstallmentDto, { max: 24, description: "Installments totalling 100 % (default: the billing settings' terms)" })
  paymentTerms?: InstallmentDto[];

  @OptionalNested(EarlyPaymentDiscountDto, { description: 'Early-payment discount; null removes it' })
  earlyPaymentDiscount?: EarlyPaymentDiscountDto | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abce' })
  @IsOptional()
  @IsUUID()
  assignedUserId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Client pressé', maxLength: 5000, description: 'Never printed' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  internalNote?: string | null;

  @OptionalNested(DocumentAddressDto, { description: "Default: the account's billing address" })
  billingAddress?: DocumentAddressDto | null;

  @OptionalNested(DocumentAddressDto)
  deliveryAddress?: DocumentAddressDto | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'M. Durand, accueil', maxLength: 200, description: '"For the attention of" on the delivery address' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  deliveryAttention?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'FR44732829320', description: "Default: the account's VAT number" })
  @IsOptional()
  @IsEuVatNumber()
  buyerVatNumber?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Conditions générales de vente…', maxLength: 20000, description: 'Default: the billing settings' })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  termsOfSale?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Intervention le samedi matin', maxLength: 20000 })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  specialTerms?: string | null;

  @OptionalNested(PdfOptionsDto, { description: 'Overrides the billing settings defaults' })
  pdfOptions?: PdfOptionsDto;

  @OptionalNested(GeneralDiscountDto)
  generalDiscount?: GeneralDiscountDto | null;

  @OptionalNested(ShippingDto)
  shipping?: ShippingDto | null;

  @ApiPropertyOptional({ example: false, description: 'Quotes and orders: print as a pro-forma invoice' })
  @IsOptional()
  @IsBoolean()
  proforma?: boolean;

  @OptionalNestedArray(DocumentLineInputDto, { max: MAX_LINES, description: `Up to ${MAX_LINES} lines, in display order` })
  lines?: DocumentLineInputDto[];
}

/** PATCH of a draft: any header field; `lines` replaces every line. Establishment, currency and kind stay as created. */
export class UpdateDocumentDto extends PartialType(OmitType(CreateDocumentDto, ['establishmentId', 'kind'] as const)) {}

/** POST /{id}/lines: fast line entry from the catalog. */
export class AddLineDto {
  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcd' })
  @IsUUID()
  productId: string;

  @ApiProperty({ example: '3' })
  @IsDecimalString(4)
  quantity: string;

  @ApiPropertyOptional({ example: 'month', maxLength: 20, description: "Default: the product's unit (converted prices otherwise)" })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  unit?: string;
}

export class ConvertDocumentDto {
  @ApiProperty({ enum: ['order', 'delivery_note', 'invoice'], example: 'invoice', description: 'quote → order|invoice; order → delivery_note|invoice; delivery_note → invoice' })
  @IsIn(['order', 'delivery_note', 'invoice'])
  to: 'order' | 'delivery_note' | 'invoice';
}

import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, IsUrl, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { IsAmount, IsPercent, OptionalNestedArray, PageOf, TimestampsDto } from '@comptoir/platform/http';
import { UNIT_CODES } from '../../unit/units';
import { VAT_CATEGORY_CODES, type VatCategoryCode } from '@comptoir/billing-engine';
import { IsEan } from '../ean';
import { OTHER_TAX_MODES, PRODUCT_TYPES, ProductType } from '../product.entity';

const ACCOUNT_NUMBER = /^[0-9]{3,12}$/;
const ACCOUNT_MESSAGE = 'must be a chart-of-accounts number of 3 to 12 digits, e.g. "706000"';

export class ProductSupplierDto {
  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcd', description: 'A CRM account with the supplier role' })
  @IsUUID()
  supplierAccountId: string;

  @ApiProperty({ example: '7.2000', description: 'Purchase price net of VAT, at most 4 decimals' })
  @IsAmount(4)
  supplierPrice: string;

  @ApiPropertyOptional({ example: 'FA-220-B', maxLength: 50 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  supplierReference?: string;

  @ApiPropertyOptional({ example: '10', description: 'Minimum order quantity, at most 4 decimals' })
  @IsOptional()
  @IsAmount(4)
  minimumOrderQuantity?: string;
}

export class OtherTaxDto {
  @ApiProperty({ example: 'Éco-participation', maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  label: string;

  @ApiProperty({ enum: OTHER_TAX_MODES, example: 'fixed', description: 'fixed: amount per unit; percent: share of the line net' })
  @IsIn(OTHER_TAX_MODES)
  mode: 'fixed' | 'percent';

  @ApiProperty({ example: '0.5000', description: 'Amount per unit (4 decimals) or percent' })
  @IsAmount(4)
  value: string;

  @ApiProperty({ example: '20.00', description: 'VAT rate charged on the tax itself' })
  @IsPercent()
  vatRate: string;

  @ApiPropertyOptional({ enum: VAT_CATEGORY_CODES, example: 'S' })
  @IsOptional()
  @IsIn(VAT_CATEGORY_CODES)
  vatCategory?: VatCategoryCode;
}

export class CreateProductDto {
  @ApiProperty({ example: 'MEN-H', maxLength: 50, description: 'Unique in the company' })
  @IsString()
  @Matches(/^\S(.*\S)?$/, { message: 'reference must not start or end with spaces' })
  @MaxLength(50)
  reference: string;

  @ApiProperty({ example: 'Heure de ménage', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ example: 'Ménage, repassage et entretien courant du logement', maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiPropertyOptional({ enum: PRODUCT_TYPES, example: 'service', default: 'service' })
  @IsOptional()
  @IsIn(PRODUCT_TYPES)
  type?: ProductType;

  @ApiProperty({ enum: UNIT_CODES, example: 'hour', description: 'See GET /api/v1/units' })
  @IsIn(UNIT_CODES)
  unit: string;

  @ApiProperty({ example: '12.5000', description: 'Sale price net of VAT, at most 4 decimals' })
  @IsAmount(4)
  unitPrice: string;

  @ApiPropertyOptional({ example: '20.00', description: 'VAT rate by value; one of the company rates (GET /api/v1/vat-rates). Or give vatRateId.' })
  @IsOptional()
  @IsPercent()
  vatRate?: string;

  @ApiPropertyOptional({ enum: VAT_CATEGORY_CODES, example: 'S', description: 'With vatRate: S above 0 % (default); required at 0 % (Z, E, AE, K, G)' })
  @IsOptional()
  @IsIn(VAT_CATEGORY_CODES)
  vatCategory?: VatCategoryCode;

  @ApiPropertyOptional({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcf', description: 'VAT rate by id, instead of vatRate' })
  @IsOptional()
  @IsUUID()
  vatRateId?: string;

  @ApiPropertyOptional({ example: '8.0000', description: 'Cost price net of VAT, at most 4 decimals' })
  @IsOptional()
  @IsAmount(4)
  costPrice?: string;

  @ApiPropertyOptional({ example: '4006381333931', description: 'EAN-13 or EAN-8, check digit verified' })
  @IsOptional()
  @IsEan()
  ean?: string;

  @ApiPropertyOptional({ example: 'https://cdn.example.fr/produits/men-h.jpg', maxLength: 500 })
  @IsOptional()
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] })
  @MaxLength(500)
  imageUrl?: string;

  @ApiPropertyOptional({ example: false, default: false })
  @IsOptional()
  @IsBoolean()
  stockManaged?: boolean;

  @ApiPropertyOptional({ example: '5', description: 'Stock level that triggers a reorder, at most 4 decimals' })
  @IsOptional()
  @IsAmount(4)
  reorderThreshold?: string;

  @OptionalNestedArray(ProductSupplierDto, { max: 20, description: 'Replaces the whole list when given; the first is the preferred supplier' })
  suppliers?: ProductSupplierDto[];

  @OptionalNestedArray(OtherTaxDto, { max: 10 })
  otherTaxes?: OtherTaxDto[];

  @ApiPropertyOptional({ example: '706000', description: 'Sales account (chart of accounts)' })
  @IsOptional()
  @IsString()
  @Matches(ACCOUNT_NUMBER, { message: `salesAccount ${ACCOUNT_MESSAGE}` })
  salesAccount?: string;

  @ApiPropertyOptional({ example: '604000', description: 'Purchase account (chart of accounts)' })
  @IsOptional()
  @IsString()
  @Matches(ACCOUNT_NUMBER, { message: `purchaseAccount ${ACCOUNT_MESSAGE}` })
  purchaseAccount?: string;

  @ApiPropertyOptional({ example: true, default: true, description: 'false: archived (kept for documents, refused on new lines)' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdateProductDto extends PartialType(CreateProductDto) {}

export const PRODUCT_SORTS = ['reference', '-reference', 'name', '-name', 'createdAt', '-createdAt', 'updatedAt', '-updatedAt'] as const;
export type ProductSort = (typeof PRODUCT_SORTS)[number];

export class ProductSupplierResponseDto {
  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcd' })
  supplierAccountId: string;

  @ApiProperty({ example: '7.2000' })
  supplierPrice: string;

  @ApiProperty({ example: 'FA-220-B', nullable: true, type: String })
  supplierReference: string | null;

  @ApiProperty({ example: '10.0000', nullable: true, type: String })
  minimumOrderQuantity: string | null;
}

export class OtherTaxResponseDto {
  @ApiProperty({ example: 'Éco-participation' })
  label: string;

  @ApiProperty({ enum: OTHER_TAX_MODES, example: 'fixed' })
  mode: 'fixed' | 'percent';

  @ApiProperty({ example: '0.5000' })
  value: string;

  @ApiProperty({ example: '20.00' })
  vatRate: string;

  @ApiProperty({ enum: VAT_CATEGORY_CODES, example: 'S' })
  vatCategory: VatCategoryCode;
}

export class ProductResponseDto extends TimestampsDto {
  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcd' })
  id: string;

  @ApiProperty({ example: 'MEN-H' })
  reference: string;

  @ApiProperty({ example: 'Heure de ménage' })
  name: string;

  @ApiProperty({ example: null, nullable: true, type: String })
  description: string | null;

  @ApiProperty({ enum: PRODUCT_TYPES, example: 'service' })
  type: ProductType;

  @ApiProperty({ enum: UNIT_CODES, example: 'hour' })
  unit: string;

  @ApiProperty({ example: '12.5000' })
  unitPrice: string;

  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcf' })
  vatRateId: string;

  @ApiProperty({ example: '20.00' })
  vatRate: string;

  @ApiProperty({ enum: VAT_CATEGORY_CODES, example: 'S' })
  vatCategory: VatCategoryCode;

  @ApiProperty({ example: null, nullable: true, type: String })
  vatExemptionReason: string | null;

  @ApiProperty({ example: '8.0000', nullable: true, type: String })
  costPrice: string | null;

  @ApiProperty({ example: null, nullable: true, type: String })
  ean: string | null;

  @ApiProperty({ example: null, nullable: true, type: String })
  imageUrl: string | null;

  @ApiProperty({ example: false })
  stockManaged: boolean;

  @ApiProperty({ example: null, nullable: true, type: String })
  reorderThreshold: string | null;

  @ApiProperty({ type: [ProductSupplierResponseDto] })
  suppliers: ProductSupplierResponseDto[];

  @ApiProperty({ type: [OtherTaxResponseDto] })
  otherTaxes: OtherTaxResponseDto[];

  @ApiProperty({ example: '706000', nullable: true, type: String })
  salesAccount: string | null;

  @ApiProperty({ example: null, nullable: true, type: String })
  purchaseAccount: string | null;

  @ApiProperty({ example: true })
  active: boolean;
}

export class ProductPageDto extends PageOf(ProductResponseDto) {}

import { ApiProperty, ApiPropertyOptional, IntersectionType, PartialType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsCalendarDate, ListQueryDto, PageOf, TimestampsDto } from '@comptoir/platform/http';
import { SpecialPriceDto, SpecialPriceResponseDto, ValidityDto, ValidityResponseDto } from '../../common/price-dto';

export class CreateCustomerPriceDto extends IntersectionType(SpecialPriceDto, ValidityDto) {
  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcd', description: 'The customer account' })
  @IsUUID()
  accountId: string;

  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abce' })
  @IsUUID()
  productId: string;
}

/** The account and product of a customer price are fixed; its price and period can change. */
export class UpdateCustomerPriceDto extends PartialType(IntersectionType(SpecialPriceDto, ValidityDto)) {}

export const CUSTOMER_PRICE_SORTS = ['createdAt', '-createdAt', 'updatedAt', '-updatedAt'] as const;

export class ListCustomerPricesQuery extends ListQueryDto {
  @ApiPropertyOptional({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcd' })
  @IsOptional()
  @IsUUID()
  accountId?: string;

  @ApiPropertyOptional({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abce' })
  @IsOptional()
  @IsUUID()
  productId?: string;

  @ApiPropertyOptional({ example: '2026-11-23', description: 'Only prices valid on this day' })
  @IsOptional()
  @IsCalendarDate()
  validOn?: string;

  @ApiPropertyOptional({ enum: CUSTOMER_PRICE_SORTS, default: 'createdAt', example: '-updatedAt' })
  @IsOptional()
  @IsIn(CUSTOMER_PRICE_SORTS)
  sort?: (typeof CUSTOMER_PRICE_SORTS)[number];
}

export class CustomerPriceResponseDto extends IntersectionType(SpecialPriceResponseDto, ValidityResponseDto, TimestampsDto) {
  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcf' })
  id: string;

  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcd' })
  accountId: string;

  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abce' })
  productId: string;
}

export class CustomerPricePageDto extends PageOf(CustomerPriceResponseDto) {}

import { ApiProperty, ApiPropertyOptional, IntersectionType, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsISO4217CurrencyCode, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ListQueryDto, OptionalNestedArray, PageOf, TimestampsDto } from '@comptoir/platform/http';
import { SpecialPriceDto, SpecialPriceResponseDto, ValidityDto, ValidityResponseDto } from '../../common/price-dto';

export class PriceListItemDto extends SpecialPriceDto {
  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcd' })
  @IsUUID()
  productId: string;
}

export class CreatePriceListDto extends ValidityDto {
  @ApiProperty({ example: 'Tarif revendeurs', maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @ApiPropertyOptional({ example: 'EUR', description: "ISO 4217; default: the company's currency. Only lists in the company currency apply to document lines" })
  @IsOptional()
  @IsISO4217CurrencyCode()
  currency?: string;

  @ApiPropertyOptional({ example: true, default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @OptionalNestedArray(PriceListItemDto, { max: 5000, description: 'Replaces every item when given' })
  items?: PriceListItemDto[];
}

export class UpdatePriceListDto extends PartialType(CreatePriceListDto) {}

export class ListPriceListsQuery extends ListQueryDto {
  @ApiPropertyOptional({ description: 'Name contains (accents and case ignored)', example: 'revendeurs' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class PriceListItemResponseDto extends SpecialPriceResponseDto {
  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcd' })
  productId: string;
}

class PriceListFieldsDto extends IntersectionType(ValidityResponseDto, TimestampsDto) {
  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abce' })
  id: string;

  @ApiProperty({ example: 'Tarif revendeurs' })
  name: string;

  @ApiProperty({ example: 'EUR' })
  currency: string;

  @ApiProperty({ example: true })
  active: boolean;
}

export class PriceListSummaryDto extends PriceListFieldsDto {
  @ApiProperty({ example: 12, description: 'Number of items' })
  itemCount: number;
}

export class PriceListResponseDto extends PriceListFieldsDto {
  @ApiProperty({ type: [PriceListItemResponseDto] })
  items: PriceListItemResponseDto[];
}

export class PriceListPageDto extends PageOf(PriceListSummaryDto) {}

export class AssignPriceListDto {
  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abce' })
  @IsUUID()
  priceListId: string;
}

export class AccountPriceListResponseDto {
  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcd' })
  accountId: string;

  @ApiProperty({ type: PriceListSummaryDto, nullable: true, description: 'null: the account buys at catalog prices' })
  priceList: PriceListSummaryDto | null;
}

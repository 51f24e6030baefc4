import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ListQueryDto } from '@comptoir/platform/http';
import { PRODUCT_TYPES, ProductType } from '../product.entity';
import { PRODUCT_SORTS, ProductSort } from './product.dto';

export class ListProductsQuery extends ListQueryDto {
  @ApiPropertyOptional({ description: 'Text search on reference, name and EAN (accents and case ignored)', example: 'menage' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: PRODUCT_TYPES, example: 'service' })
  @IsOptional()
  @IsIn(PRODUCT_TYPES)
  type?: ProductType;

  @ApiPropertyOptional({ type: Boolean, example: true, description: 'true: active products only; false: archived only; absent: both' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcd', description: 'Products this supplier account sells' })
  @IsOptional()
  @IsUUID()
  supplierAccountId?: string;

  @ApiPropertyOptional({ enum: PRODUCT_SORTS, default: 'reference', example: 'name' })
  @IsOptional()
  @IsIn(PRODUCT_SORTS)
  sort?: ProductSort;
}

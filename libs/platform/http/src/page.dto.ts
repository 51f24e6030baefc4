import { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';

/**
 * The body of a keyset list (API.md): one page of `item` and the cursor of the next. Extend it to name
 * the schema: `export class ProductPageDto extends PageOf(ProductResponseDto) {}`.
 */
export function PageOf<T>(item: Type<T>) {
  abstract class PageDto {
    @ApiProperty({ type: [item] })
    data: T[];

    @ApiProperty({ nullable: true, type: String, example: null, description: 'Pass as `cursor` for the next page; null on the last page' })
    nextCursor: string | null;
  }
  return PageDto;
}

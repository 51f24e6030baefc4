import { applyDecorators, Type as Class } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, ValidateNested } from 'class-validator';

/**
 * An optional body field holding at most `max` objects of `item`, each validated as its own DTO (errors
 * name `lines[2].unitPrice`), and documented as an array of `item`.
 */
export function OptionalNestedArray(item: Class<unknown>, options: { max: number; description?: string }) {
  const decorators = [
    ApiPropertyOptional({ type: [item], ...(options.description === undefined ? {} : { description: options.description }) }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(options.max),
    ValidateNested({ each: true }),
    Type(() => item),
  ];
  // Stacked decorators apply from the bottom up; reversing keeps that order, and so the order of the errors.
  return applyDecorators(...decorators.reverse());
}

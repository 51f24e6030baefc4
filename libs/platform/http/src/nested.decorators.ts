import { applyDecorators, Type as Class } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsObject, IsOptional, ValidateNested } from 'class-validator';

type Documented = { description?: string };

/** Stacked decorators apply from the bottom up; reversing keeps that order, and so the order of the errors. */
const stacked = (...decorators: PropertyDecorator[]) => applyDecorators(...decorators.reverse());

const documented = (type: Class<unknown> | [Class<unknown>], options: Documented) =>
  ApiPropertyOptional({ type, ...(options.description === undefined ? {} : { description: options.description }) });

/**
 * A required body field holding one object of `item`, validated as its own DTO. `ValidateNested` alone
 * lets a missing (or array, or string) value through, which would reach the service as undefined.
 */
export function RequiredNested(item: Class<unknown>, options: Documented = {}) {
  const documentedRequired = ApiProperty({ type: item, ...(options.description === undefined ? {} : { description: options.description }) });
  return stacked(documentedRequired, IsObject(), ValidateNested(), Type(() => item));
}

/** An optional body field holding one object of `item`, validated as its own DTO (errors name `shipping.amount`). */
export function OptionalNested(item: Class<unknown>, options: Documented = {}) {
  return stacked(documented(item, options), IsOptional(), ValidateNested(), Type(() => item));
}

/**
 * An optional body field holding at most `max` objects of `item`, each validated as its own DTO (errors
 * name `lines[2].unitPrice`), and documented as an array of `item`.
 */
export function OptionalNestedArray(item: Class<unknown>, options: Documented & { max: number }) {
  return stacked(documented([item], options), IsOptional(), IsArray(), ArrayMaxSize(options.max), ValidateNested({ each: true }), Type(() => item));
}

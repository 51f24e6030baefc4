import { applyDecorators, Type as Class } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, ValidateNested } from 'class-validator';

type Documented = { description?: string };

/** Stacked decorators apply from the bottom up; reversing keeps that order, and so the order of the errors. */
const stacked = (...decorators: PropertyDecorator[]) => applyDecorators(...decorators.reverse());

const documented = (type: Class<unknown> | [Class<unknown>], options: Documented) =>
  ApiPropertyOptional({ type, ...(options.description === undefined ? {} : { description: options.description }) });

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

import { ArgumentMetadata } from '@nestjs/common';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, Min, ValidateNested } from 'class-validator';
import { ValidationFailedError } from '@comptoir/platform/kernel';
import { OptionalNested, OptionalNestedArray, RequiredNested } from './nested.decorators';
import { createValidationPipe } from './validation.pipe';

class ItemDto {
  @IsInt()
  @Min(1)
  quantity: number;
}

class BodyDto {
  @OptionalNestedArray(ItemDto, { max: 2, description: 'At most two' })
  items?: ItemDto[];

  @OptionalNested(ItemDto)
  main?: ItemDto;
}

/** The decorators OptionalNestedArray stands for, stacked by hand. */
class StackedBodyDto {
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2)
  @ValidateNested({ each: true })
  @Type(() => ItemDto)
  items?: ItemDto[];

  @IsOptional()
  @ValidateNested()
  @Type(() => ItemDto)
  main?: ItemDto;
}

class RequiredBodyDto {
  @RequiredNested(ItemDto)
  main: ItemDto;
}

const metadata: ArgumentMetadata = { type: 'body', metatype: BodyDto, data: '' };

async function errorsOf(value: unknown, metatype: new () => object = BodyDto): Promise<{ path: string; message: string }[]> {
  try {
    await createValidationPipe().transform(value, { ...metadata, metatype });
  } catch (error) {
    if (error instanceof ValidationFailedError) return error.errors;
    throw error;
  }
  return [];
}

describe('OptionalNestedArray', () => {
  it('accepts the field absent or with up to max valid items, turned into instances of the item', async () => {
    expect(await errorsOf({})).toEqual([]);
    const body = (await createValidationPipe().transform({ items: [{ quantity: 1 }, { quantity: 2 }] }, metadata)) as BodyDto;
    expect(body.items?.[1]).toBeInstanceOf(ItemDto);
  });

  it('validates each item and names it by index', async () => {
    expect(await errorsOf({ items: [{ quantity: 1 }, { quantity: 0 }] })).toEqual([{ path: 'items[1].quantity', message: 'quantity must not be less than 1' }]);
  });

  it('refuses more than max items and anything but an array', async () => {
    expect(await errorsOf({ items: [{ quantity: 1 }, { quantity: 1 }, { quantity: 1 }] })).toEqual([{ path: 'items', message: 'items must contain no more than 2 elements' }]);
    expect((await errorsOf({ items: 'x' })).map((e) => e.message)).toContain('items must be an array');
  });

  it('gives the same errors, in the same order, as the decorators stacked by hand', async () => {
    for (const items of ['x', 7, null, [{ quantity: 0 }, 'y', { quantity: 'z' }], { quantity: 1 }]) {
      expect(await errorsOf({ items })).toEqual(await errorsOf({ items }, StackedBodyDto));
    }
  });
});

describe('OptionalNested', () => {
  it('accepts the field absent or one valid object, turned into an instance of the item', async () => {
    const body = (await createValidationPipe().transform({ main: { quantity: 3 } }, metadata)) as BodyDto;
    expect(body.main).toBeInstanceOf(ItemDto);
  });

  it('validates the object and names its fields under the property', async () => {
    expect(await errorsOf({ main: { quantity: 0 } })).toEqual([{ path: 'main.quantity', message: 'quantity must not be less than 1' }]);
  });

  it('gives the same errors, in the same order, as the decorators stacked by hand', async () => {
    for (const main of ['x', 7, [], [{ quantity: 1 }], { quantity: 'z' }, { quantity: 1, extra: true }]) {
      expect(await errorsOf({ main })).toEqual(await errorsOf({ main }, StackedBodyDto));
    }
  });
});

describe('RequiredNested', () => {
  it('refuses the field absent, null or not an object, naming it, instead of letting undefined through', async () => {
    for (const body of [{}, { main: null }, { main: 'x' }, { main: [] }]) {
      const paths = (await errorsOf(body, RequiredBodyDto)).map((e) => e.path);
      expect(paths.length).toBeGreaterThan(0);
      expect(new Set(paths)).toEqual(new Set(['main']));
    }
  });

  it('validates the object and names its fields under the property', async () => {
    expect(await errorsOf({ main: { quantity: 0 } }, RequiredBodyDto)).toEqual([{ path: 'main.quantity', message: 'quantity must not be less than 1' }]);
    const body = (await createValidationPipe().transform({ main: { quantity: 2 } }, { ...metadata, metatype: RequiredBodyDto })) as RequiredBodyDto;
    expect(body.main).toBeInstanceOf(ItemDto);
  });
});

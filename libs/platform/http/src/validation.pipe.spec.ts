import { ArgumentMetadata, ValidationError } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsArray, IsInt, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ValidationFailedError } from '@comptoir/platform/kernel';
import { createValidationPipe, flattenValidationErrors, inspectPayload, MAX_PAYLOAD_DEPTH } from './validation.pipe';

class LineDto {
  @IsString()
  description: string;

  @IsInt()
  @Min(1)
  @Max(1000)
  quantity: number;
}

class DocumentDto {
  @IsString()
  @MaxLength(5)
  title: string;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => LineDto)
  lines: LineDto[];
}

const body = (metatype: new () => object): ArgumentMetadata => ({ type: 'body', metatype, data: '' });

async function errorsOf(value: unknown): Promise<{ path: string; message: string }[]> {
  try {
    await createValidationPipe().transform(value, body(DocumentDto));
  } catch (error) {
    if (error instanceof ValidationFailedError) return error.errors;
    throw error;
  }
  throw new Error('the pipe accepted the value');
}

describe('flattenValidationErrors', () => {
  it('names nested fields with dots and array indexes', () => {
    const tree: ValidationError[] = [
      {
        property: 'lines',
        children: [
          { property: '2', children: [{ property: 'quantity', constraints: { min: 'quantity must not be less than 1' }, children: [] }] },
          { property: '0', children: [{ property: 'description', constraints: { isString: 'description must be a string' }, children: [] }] },
        ],
      },
      { property: 'title', constraints: { isString: 'title must be a string', maxLength: 'title is too long' }, children: [] },
    ];
    expect(flattenValidationErrors(tree)).toEqual([
      { path: 'lines[2].quantity', message: 'quantity must not be less than 1' },
      { path: 'lines[0].description', message: 'description must be a string' },
      { path: 'title', message: 'title must be a string' },
      { path: 'title', message: 'title is too long' },
    ]);
  });

  it('rewords unknown fields with their full path', () => {
    const tree: ValidationError[] = [
      { property: 'lines', children: [{ property: '1', children: [{ property: 'colour', constraints: { whitelistValidation: 'property colour should not exist' } }] }] },
    ];
    expect(flattenValidationErrors(tree)).toEqual([{ path: 'lines[1].colour', message: 'lines[1].colour is not a known field' }]);
  });

  it('returns nothing for no errors', () => {
    expect(flattenValidationErrors([])).toEqual([]);
  });
});

describe('createValidationPipe', () => {
  it('reports every failing field of a nested body, unknown fields included', async () => {
    const errors = await errorsOf({ title: 'too long', lines: [{ description: 'ok', quantity: 1 }, { description: 3, quantity: 0, colour: 'red' }], extra: true });
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: 'title', message: expect.stringContaining('title') },
        { path: 'lines[1].description', message: expect.any(String) },
        { path: 'lines[1].quantity', message: expect.any(String) },
        { path: 'lines[1].colour', message: 'lines[1].colour is not a known field' },
        { path: 'extra', message: 'extra is not a known field' },
      ]),
    );
  });

  it('does not convert types implicitly', async () => {
    const errors = await errorsOf({ title: 'ok', lines: [{ description: 'x', quantity: '2' }] });
    expect(new Set(errors.map((e) => e.path))).toEqual(new Set(['lines[0].quantity']));
    expect(errors.map((e) => e.message)).toContain('quantity must be an integer number');
  });

  it('accepts a valid body and returns an instance of the DTO', async () => {
    const value = await createValidationPipe().transform({ title: 'ok', lines: [{ description: 'x', quantity: 2 }] }, body(DocumentDto));
    expect(value).toBeInstanceOf(DocumentDto);
  });

  it('refuses NUL characters, lone surrogates and deep nesting before transforming', async () => {
    expect(await errorsOf({ title: 'a\u0000b', lines: [] })).toEqual([{ path: 'title', message: 'title must not contain NUL characters' }]);
    expect(await errorsOf({ title: 'ok', lines: [{ description: '\ud800', quantity: 1 }] })).toEqual([
      { path: 'lines[0].description', message: 'lines[0].description must be well-formed Unicode text' },
    ]);
    let deep: unknown = 1;
    for (let i = 0; i < 5000; i++) deep = { a: deep };
    expect(await errorsOf({ title: 'ok', lines: [], deep })).toEqual([{ path: expect.stringMatching(/^deep(\.a)+$/), message: expect.stringContaining(`deeper than ${MAX_PAYLOAD_DEPTH}`) }]);
  });
});

describe('inspectPayload', () => {
  it('accepts ordinary values, emoji and accents included', () => {
    expect(inspectPayload({ name: 'Crêperie 🥞', tags: ['a', 'b'], n: 1, ok: true, none: null })).toEqual([]);
  });

  it('names the path of each offending string', () => {
    expect(inspectPayload({ a: ['x', 'y\u0000'], b: { c: '\udc00' } })).toEqual([
      { path: 'a[1]', message: 'a[1] must not contain NUL characters' },
      { path: 'b.c', message: 'b.c must be well-formed Unicode text' },
    ]);
    expect(inspectPayload('\u0000')).toEqual([{ path: 'body', message: 'body must not contain NUL characters' }]);
  });

  it('allows exactly MAX_PAYLOAD_DEPTH levels', () => {
    const nest = (levels: number) => {
      let v: unknown = 'leaf';
      for (let i = 0; i < levels; i++) v = [v];
      return v;
    };
    expect(inspectPayload(nest(MAX_PAYLOAD_DEPTH))).toEqual([]);
    expect(inspectPayload(nest(MAX_PAYLOAD_DEPTH + 1))).toHaveLength(1);
  });
});

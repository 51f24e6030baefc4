import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ example: 'siren', description: 'Path of the field at fault in the request' })
  path: string;

  @ApiProperty({ example: 'siren must be 9 digits with a valid Luhn key' })
  message: string;
}

/** RFC 9457 problem document, the body of every error response. */
export class ProblemDto {
  @ApiProperty({ example: 'https://comptoir.dev/problems/validation_failed' })
  type: string;

  @ApiProperty({ example: 'Bad Request' })
  title: string;

  @ApiProperty({ example: 400 })
  status: number;

  @ApiProperty({ example: 'The request is invalid' })
  detail: string;

  @ApiProperty({ example: 'validation_failed', description: 'Stable, snake_case error code' })
  code: string;

  @ApiPropertyOptional({ type: [FieldErrorDto] })
  errors?: FieldErrorDto[];

  @ApiPropertyOptional({ example: '01J9Z3Q4X5R6S7T8V9W0XYZABC' })
  requestId?: string;
}

import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

export class FecQuery {
  @ApiProperty({ example: 2026, minimum: 2000, maximum: 2099, description: 'The fiscal year, named by the calendar year in which it ends' })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2099)
  fiscalYear: number;
}

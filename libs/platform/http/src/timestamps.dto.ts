import { ApiProperty } from '@nestjs/swagger';

/** createdAt and updatedAt of a stored record, as ISO 8601 instants. */
export class TimestampsDto {
  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' })
  createdAt: string;

  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' })
  updatedAt: string;
}

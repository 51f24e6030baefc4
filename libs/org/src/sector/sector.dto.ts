import { ApiProperty, PartialType } from '@nestjs/swagger';
import { IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';

export class CreateSectorDto {
  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcd' })
  @IsUUID()
  establishmentId: string;

  @ApiProperty({ example: 'LYON-E', maxLength: 20, pattern: '^[A-Za-z0-9_-]+$' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,20}$/, { message: 'code must be 1 to 20 letters, digits, - or _' })
  code: string;

  @ApiProperty({ example: 'Lyon Est', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;
}

export class UpdateSectorDto extends PartialType(CreateSectorDto) {}

export class SectorResponseDto {
  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcd' })
  id: string;

  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abce' })
  establishmentId: string;

  @ApiProperty({ example: 'LYON-E' })
  code: string;

  @ApiProperty({ example: 'Lyon Est' })
  name: string;
}

export class SectorListResponseDto {
  @ApiProperty({ type: [SectorResponseDto] })
  data: SectorResponseDto[];
}

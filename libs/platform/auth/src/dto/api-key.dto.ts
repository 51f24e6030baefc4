import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { ALL_SCOPES } from '../scopes';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'Zapier', maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @ApiProperty({ example: ['crm:write'], description: '`<module>:read`, `<module>:write` or `*`', type: [String], enum: ALL_SCOPES })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsIn(ALL_SCOPES, { each: true })
  scopes: string[];
}

export class ApiKeyResponseDto {
  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcd' })
  id: string;

  @ApiProperty({ example: 'Zapier' })
  name: string;

  @ApiProperty({ example: 'cpk_A1b2C3d4E5f6' })
  publicId: string;

  @ApiProperty({ example: ['crm:write'], type: [String] })
  scopes: string[];

  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' })
  createdAt: string;

  @ApiPropertyOptional({ example: '2026-11-23T10:05:00.000Z', nullable: true, type: String })
  lastUsedAt: string | null;

  @ApiPropertyOptional({ example: null, nullable: true, type: String })
  revokedAt: string | null;
}

export class CreatedApiKeyResponseDto extends ApiKeyResponseDto {
  @ApiProperty({ description: 'Shown once: store it now', example: 'k3y-s3cr3t-Zq1w2e3r4t5y6u7i8o9p0aSdFgHjKl' })
  secret: string;

  @ApiProperty({ description: 'The complete bearer value: `Authorization: Bearer <token>`', example: 'cpk_A1b2C3d4E5f6.k3y-s3cr3t-Zq1w2e3r4t5y6u7i8o9p0aSdFgHjKl' })
  token: string;
}

export class ApiKeyListResponseDto {
  @ApiProperty({ type: [ApiKeyResponseDto] })
  data: ApiKeyResponseDto[];
}

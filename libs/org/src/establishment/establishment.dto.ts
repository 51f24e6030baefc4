import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { AddressDto, IsSiret } from '@comptoir/platform/http';
import { IsLogoDataUrl, LOGO_MAX_BYTES } from './logo';

const LOGO_EXAMPLE = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR42mM4ISeHFTEMLQkAkL9BAc9woTwAAAAASUVORK5CYII=';

export class CreateEstablishmentDto {
  @ApiProperty({ example: 'Agence de Lyon', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: '73282932000074', description: 'Must start with the company SIREN; Luhn-checked (La Poste rule for 356000000)' })
  @IsSiret()
  siret: string;

  @ApiPropertyOptional({ type: AddressDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => AddressDto)
  address?: AddressDto;

  @ApiPropertyOptional({ example: 'Atelier Dupont — agence de Lyon', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  documentHeader?: string;

  @ApiPropertyOptional({ example: 'SAS au capital de 10 000 € — RCS Lyon 732 829 320', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  documentFooter?: string;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: LOGO_EXAMPLE,
    description: `Logo printed on the documents: a data:image/png or data:image/jpeg base64 URL of at most ${LOGO_MAX_BYTES / 1000} kB (no SVG); null removes it`,
  })
  @IsOptional()
  @IsLogoDataUrl()
  logo?: string | null;

  @ApiPropertyOptional({ example: false, description: 'Documents created without establishmentId go to the default one' })
  @IsOptional()
  @IsBoolean()
  isDefault?: boolean;
}

export class UpdateEstablishmentDto extends PartialType(CreateEstablishmentDto) {}

export class EstablishmentResponseDto {
  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcd' })
  id: string;

  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abce' })
  companyId: string;

  @ApiProperty({ example: 'Agence de Lyon' })
  name: string;

  @ApiProperty({ example: '73282932000074' })
  siret: string;

  @ApiProperty({ type: AddressDto, nullable: true })
  address: AddressDto | null;

  @ApiProperty({ nullable: true, type: String, example: null })
  documentHeader: string | null;

  @ApiProperty({ nullable: true, type: String, example: null })
  documentFooter: string | null;

  @ApiProperty({ example: true })
  isDefault: boolean;

  @ApiProperty({ example: true })
  hasLogo: boolean;

  @ApiPropertyOptional({ nullable: true, type: String, example: LOGO_EXAMPLE, description: 'The logo data URL: only in single-establishment answers, lists carry hasLogo alone' })
  logo?: string | null;
}

export class EstablishmentListResponseDto {
  @ApiProperty({ type: [EstablishmentResponseDto] })
  data: EstablishmentResponseDto[];
}

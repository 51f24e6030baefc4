import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { RequiredNested } from '@comptoir/platform/http';
import { CompanyResponseDto, CreateCompanyDto } from '../company/company.dto';

export class SignupDto {
  @ApiProperty({ example: 'claire.martin@example.fr' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'correct horse battery staple', minLength: 10 })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  password: string;

  @ApiProperty({ example: 'Claire Martin' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'Groupe Dupont' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  organizationName: string;

  @RequiredNested(CreateCompanyDto)
  company: CreateCompanyDto;
}

export class LoginDto {
  @ApiProperty({ example: 'demo@comptoir.test' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'comptoir-demo' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}

export class OrganizationResponseDto {
  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcd' })
  id: string;

  @ApiProperty({ example: 'Groupe Dupont' })
  name: string;
}

export class SessionUserDto {
  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcd' })
  id: string;

  @ApiProperty({ example: 'claire.martin@example.fr' })
  email: string;

  @ApiProperty({ example: 'Claire Martin' })
  name: string;
}

export class SessionResponseDto {
  @ApiProperty({ description: 'Use as `Authorization: Bearer <accessToken>`; the same session is also set as an httpOnly cookie', example: 'cps_Zq1w2e3r4t5y6u7i8o9p0aSdFgHjKlZxCvBnM' })
  accessToken: string;

  @ApiProperty({ example: '2026-11-23T22:00:00.000Z' })
  expiresAt: string;

  @ApiProperty({ type: SessionUserDto })
  user: SessionUserDto;

  @ApiProperty({ type: OrganizationResponseDto })
  organization: OrganizationResponseDto;

  @ApiProperty({ type: CompanyResponseDto, description: 'The default company of the session' })
  company: CompanyResponseDto;
}

export class MeCompanyDto {
  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcd' })
  id: string;

  @ApiProperty({ example: 'Atelier Dupont SAS' })
  legalName: string;

  @ApiPropertyOptional({ example: 'admin', nullable: true, type: String })
  role: string | null;
}

export class MeResponseDto {
  @ApiProperty({ enum: ['user', 'api_key'], example: 'user' })
  type: 'user' | 'api_key';

  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcd' })
  id: string;

  @ApiProperty({ example: 'Claire Martin' })
  name: string;

  @ApiPropertyOptional({ example: 'claire.martin@example.fr', nullable: true, type: String })
  email: string | null;

  @ApiProperty({ type: OrganizationResponseDto })
  organization: OrganizationResponseDto;

  @ApiProperty({ type: CompanyResponseDto, description: 'The company this request acts on' })
  company: CompanyResponseDto;

  @ApiPropertyOptional({ example: 'admin', nullable: true, type: String })
  role: string | null;

  @ApiProperty({ example: ['*'], type: [String] })
  scopes: string[];

  @ApiProperty({ type: [MeCompanyDto], description: 'Companies the caller can switch to (Comptoir-Company header)' })
  companies: MeCompanyDto[];
}

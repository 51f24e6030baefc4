import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';

export class CreateBankAccountDto {
  @ApiPropertyOptional({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcd', description: "The customer holding it; omit for one of the company's own accounts" })
  @IsOptional()
  @IsUUID()
  accountId?: string;

  @ApiProperty({ example: 'FR14 2004 1010 0505 0001 3M02 606', maxLength: 42, description: 'Spaces and case are ignored; stored in electronic format after its checksum and country format are checked' })
  @IsString()
  @MaxLength(42)
  iban: string;

  @ApiPropertyOptional({ example: 'PSSTFRPPPAR', description: "8 or 11 characters, of the IBAN's country" })
  @IsOptional()
  @IsString()
  @MaxLength(11)
  bic?: string;

  @ApiProperty({ example: 'Boulangerie Martin', maxLength: 140 })
  @IsString()
  @MinLength(1)
  @MaxLength(140)
  holder: string;

  @ApiPropertyOptional({ example: 'Compte courant', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  label?: string;

  @ApiPropertyOptional({ example: true, description: "The company's account used by default for receipts and SEPA collections (company accounts only)" })
  @IsOptional()
  @IsBoolean()
  isDefault?: boolean;
}

/** Every field optional; `null` clears the BIC or the label. The holder (customer) never changes. */
export class UpdateBankAccountDto {
  @ApiPropertyOptional({ example: 'FR1420041010050500013M02606', maxLength: 42 })
  @ValidateIf((o: UpdateBankAccountDto) => o.iban !== undefined)
  @IsString()
  @MaxLength(42)
  iban?: string;

  @ApiPropertyOptional({ example: 'PSSTFRPPPAR', nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(11)
  bic?: string | null;

  @ApiPropertyOptional({ example: 'Boulangerie Martin', maxLength: 140 })
  @ValidateIf((o: UpdateBankAccountDto) => o.holder !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(140)
  holder?: string;

  @ApiPropertyOptional({ example: 'Compte courant', nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  label?: string | null;

  @ApiPropertyOptional({ example: true })
  @ValidateIf((o: UpdateBankAccountDto) => o.isDefault !== undefined)
  @IsBoolean()
  isDefault?: boolean;
}

export class ListBankAccountsQuery {
  @ApiPropertyOptional({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcd', description: "A customer's accounts; omitted: the company's own" })
  @IsOptional()
  @IsUUID()
  accountId?: string;
}

export class BankAccountResponseDto {
  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abce' })
  id: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: null, description: "null: one of the company's own accounts" })
  accountId: string | null;

  @ApiProperty({ example: 'FR1420041010050500013M02606' })
  iban: string;

  @ApiProperty({ example: 'PSSTFRPPPAR', nullable: true, type: String })
  bic: string | null;

  @ApiProperty({ example: 'Boulangerie Martin' })
  holder: string;

  @ApiProperty({ example: 'Compte courant', nullable: true, type: String })
  label: string | null;

  @ApiProperty({ example: false })
  isDefault: boolean;

  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' })
  createdAt: string;

  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' })
  updatedAt: string;
}

export class BankAccountListDto {
  @ApiProperty({ type: [BankAccountResponseDto] })
  data: BankAccountResponseDto[];
}

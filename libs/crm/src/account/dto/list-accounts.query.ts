import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ListQueryDto } from '@comptoir/platform/http';
import { ACCOUNT_ROLES, AccountRole } from '../account.entity';
import { ACCOUNT_SORTS, AccountSort } from './account.dto';

export class ListAccountsQuery extends ListQueryDto {
  @ApiPropertyOptional({ description: 'Text search on name, email, SIREN, external reference and city (accents and case ignored)', example: 'martin' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: ACCOUNT_ROLES, example: 'customer' })
  @IsOptional()
  @IsIn(ACCOUNT_ROLES)
  role?: AccountRole;

  @ApiPropertyOptional({ example: 'vip' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  tag?: string;

  @ApiPropertyOptional({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcd' })
  @IsOptional()
  @IsUUID()
  sectorId?: string;

  @ApiPropertyOptional({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abce' })
  @IsOptional()
  @IsUUID()
  assignedUserId?: string;

  @ApiPropertyOptional({ enum: ACCOUNT_SORTS, default: 'name', example: '-updatedAt' })
  @IsOptional()
  @IsIn(ACCOUNT_SORTS)
  sort?: AccountSort;
}

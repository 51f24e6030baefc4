import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ListQueryDto } from '@comptoir/platform/http';
import { CONTACT_SORTS, ContactSort } from './contact.dto';

/** Contacts of one account (the account is in the path). */
export class ListAccountContactsQuery extends ListQueryDto {
  @ApiPropertyOptional({ description: 'Text search on names, email and job title (accents and case ignored)', example: 'camille' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: CONTACT_SORTS, default: 'lastName', example: 'lastName' })
  @IsOptional()
  @IsIn(CONTACT_SORTS)
  sort?: ContactSort;
}

/** Contacts of the whole company, for connectors that poll with `updatedSince`. */
export class ListContactsQuery extends ListAccountContactsQuery {
  @ApiPropertyOptional({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcd' })
  @IsOptional()
  @IsUUID()
  accountId?: string;
}

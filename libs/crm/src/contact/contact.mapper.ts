import { ContactEntity } from './contact.entity';
import { ContactResponseDto } from './dto/contact.dto';

export function toContactDto(c: ContactEntity): ContactResponseDto {
  return {
    id: c.id,
    accountId: c.accountId,
    civility: c.civility,
    firstName: c.firstName,
    lastName: c.lastName,
    jobTitle: c.jobTitle,
    email: c.email,
    phone: c.phone,
    mobile: c.mobile,
    isPrimary: c.isPrimary,
    notes: c.notes,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

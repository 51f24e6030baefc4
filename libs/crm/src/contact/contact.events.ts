import { ContactResponseDto } from './dto/contact.dto';

export const CONTACT_CREATED = 'crm.contact.created';
export const CONTACT_UPDATED = 'crm.contact.updated';
export const CONTACT_DELETED = 'crm.contact.deleted';

/** Payload of every crm.contact.* event: the contact as the API shows it, and what changed. */
export interface ContactEventPayload {
  contact: ContactResponseDto;
  changed: string[];
}

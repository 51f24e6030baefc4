import { AccountResponseDto } from './dto/account.dto';

export const ACCOUNT_CREATED = 'crm.account.created';
export const ACCOUNT_UPDATED = 'crm.account.updated';
export const ACCOUNT_DELETED = 'crm.account.deleted';

/** Payload of every crm.account.* event: the account as the API shows it, and what changed. */
export interface AccountEventPayload {
  account: AccountResponseDto;
  changed: string[];
}

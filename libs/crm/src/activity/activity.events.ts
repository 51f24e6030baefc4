import { ActivityResponseDto } from './dto/activity.dto';

export const ACTIVITY_CREATED = 'crm.activity.created';
export const ACTIVITY_UPDATED = 'crm.activity.updated';
export const ACTIVITY_COMPLETED = 'crm.activity.completed';
export const ACTIVITY_DELETED = 'crm.activity.deleted';

/** Payload of every crm.activity.* event: the activity as the API shows it, and what changed. */
export interface ActivityEventPayload {
  activity: ActivityResponseDto;
  changed: string[];
}

import { ActivityEntity } from './activity.entity';
import { ActivityResponseDto } from './dto/activity.dto';

export function toActivityDto(a: ActivityEntity): ActivityResponseDto {
  return {
    id: a.id,
    kind: a.kind,
    type: a.type,
    title: a.title,
    notes: a.notes,
    userId: a.userId,
    accountId: a.accountId,
    contactId: a.contactId,
    startsAt: a.startsAt?.toISOString() ?? null,
    endsAt: a.endsAt?.toISOString() ?? null,
    dueOn: a.dueOn,
    doneAt: a.doneAt?.toISOString() ?? null,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

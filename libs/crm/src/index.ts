export * from './crm.module';
export * from './account/account.entity';
export * from './account/account.service';
export * from './account/account.events';
export * from './account/dto/account.dto';
export * from './account/electronic-address';
export * from './contact/contact.entity';
export * from './contact/contact.service';
export * from './contact/contact.events';
export * from './contact/dto/contact.dto';
export * from './activity/activity.entity';
export * from './activity/activity.service';
export * from './activity/activity.events';
export * from './activity/dto/activity.dto';

import { AccountEntity } from './account/account.entity';
import { ActivityEntity } from './activity/activity.entity';
import { ContactEntity } from './contact/contact.entity';
export const CRM_ENTITIES = [AccountEntity, ContactEntity, ActivityEntity];

import { Module } from '@nestjs/common';
import { AccountController } from './account/account.controller';
import { AccountService } from './account/account.service';
import { AccountTimelineHandler } from './account/account-timeline.handler';
import { ActivityController } from './activity/activity.controller';
import { ActivityService } from './activity/activity.service';
import { ContactController } from './contact/contact.controller';
import { ContactService } from './contact/contact.service';

/** HTTP side of the CRM: controllers and use cases. */
@Module({
  controllers: [AccountController, ContactController, ActivityController],
  providers: [AccountService, ContactService, ActivityService],
  exports: [AccountService, ContactService, ActivityService],
})
export class CrmModule {}

/** Worker side of the CRM: event handlers only. */
@Module({ providers: [AccountTimelineHandler] })
export class CrmWorkerModule {}

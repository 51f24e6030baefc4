import { Module } from '@nestjs/common';
import { AccountController } from './account/account.controller';
import { AccountService } from './account/account.service';
import { AccountTimelineHandler } from './account/account-timeline.handler';

/** HTTP side of the CRM: controllers and use cases. */
@Module({
  controllers: [AccountController],
  providers: [AccountService],
  exports: [AccountService],
})
export class CrmModule {}

/** Worker side of the CRM: event handlers only. */
@Module({ providers: [AccountTimelineHandler] })
export class CrmWorkerModule {}

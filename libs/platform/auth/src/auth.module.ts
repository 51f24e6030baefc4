import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiKeyController } from './api-key/api-key.controller';
import { ApiKeyService } from './api-key/api-key.service';
import { AuthGuard } from './guard/auth.guard';
import { PrincipalResolver } from './guard/principal-resolver.service';
import { PasswordService } from './password.service';
import { SessionService } from './session/session.service';
import { UserAccountService } from './user/user-account.service';
import { InvitationController } from './invitation/invitation.controller';
import { UserController } from './user/user.controller';

@Module({
  controllers: [ApiKeyController, UserController, InvitationController],
  providers: [PasswordService, SessionService, ApiKeyService, PrincipalResolver, UserAccountService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [PasswordService, SessionService, ApiKeyService, PrincipalResolver, UserAccountService],
})
export class AuthModule {}

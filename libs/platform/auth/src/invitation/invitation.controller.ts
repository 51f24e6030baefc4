import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TenantContext } from '@comptoir/platform/kernel';
import { ApiProblems, IdParam } from '@comptoir/platform/http';
import { InvitationListResponseDto, InvitationResponseDto, InviteUserDto } from '../dto/user.dto';
import { RequireScope, Tenant } from '../guard/auth.decorators';
import { UserAccountService } from '../user/user-account.service';
import { InvitationEntity } from './invitation.entity';

const toInvitationDto = (i: InvitationEntity): InvitationResponseDto => ({ id: i.id, email: i.email, role: i.role!, expiresAt: i.expiresAt.toISOString() });

/** Invitations to join the current company: send, list the pending ones, revoke. */
@ApiTags('Users')
@ApiBearerAuth()
@Controller('v1/invitations')
export class InvitationController {
  constructor(private readonly users: UserAccountService) {}

  @Post()
  @RequireScope('org:write')
  @ApiOperation({ operationId: 'inviteUser', summary: 'Invite someone by email with a role in the current company' })
  @ApiCreatedResponse({ type: InvitationResponseDto })
  @ApiProblems(400, 401, 403, 409)
  async create(@Tenant() ctx: TenantContext, @Body() body: InviteUserDto): Promise<InvitationResponseDto> {
    return toInvitationDto(await this.users.invite(ctx, body));
  }

  @Get()
  @RequireScope('org:read')
  @ApiOperation({ operationId: 'listInvitations', summary: 'Pending invitations to the current company' })
  @ApiOkResponse({ type: InvitationListResponseDto })
  @ApiProblems(401, 403)
  async list(@Tenant() ctx: TenantContext): Promise<InvitationListResponseDto> {
    return { data: (await this.users.listInvitations(ctx)).map(toInvitationDto) };
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireScope('org:write')
  @ApiOperation({ operationId: 'revokeInvitation', summary: 'Revoke a pending invitation: its link stops working at once' })
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiProblems(400, 401, 403, 404)
  async revoke(@Tenant() ctx: TenantContext, @IdParam() id: string): Promise<void> {
    await this.users.revokeInvitation(ctx, id);
  }
}

import { Body, Controller, Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TenantContext } from '@comptoir/platform/kernel';
import { ApiProblems, IdParam } from '@comptoir/platform/http';
import { InvitationResponseDto, InviteUserDto, SetRoleDto, UserListResponseDto, UserResponseDto } from '../dto/user.dto';
import { RequireScope, Tenant } from '../guard/auth.decorators';
import { OrganizationUser, UserAccountService } from './user-account.service';

const toUserDto = (u: OrganizationUser): UserResponseDto => ({ ...u, createdAt: u.createdAt.toISOString() });

@ApiTags('Users')
@ApiBearerAuth()
@Controller('v1/users')
export class UserController {
  constructor(private readonly users: UserAccountService) {}

  @Get()
  @RequireScope('org:read')
  @ApiOperation({ operationId: 'listUsers', summary: 'Users of the organisation with their role in the current company' })
  @ApiOkResponse({ type: UserListResponseDto })
  @ApiProblems(401, 403)
  async list(@Tenant() ctx: TenantContext): Promise<UserListResponseDto> {
    return { data: (await this.users.listUsers(ctx)).map(toUserDto) };
  }

  @Post('invitations')
  @RequireScope('org:write')
  @ApiOperation({ operationId: 'inviteUser', summary: 'Invite someone by email with a role in the current company' })
  @ApiCreatedResponse({ type: InvitationResponseDto })
  @ApiProblems(400, 401, 403, 409)
  async invite(@Tenant() ctx: TenantContext, @Body() body: InviteUserDto): Promise<InvitationResponseDto> {
    const invitation = await this.users.invite(ctx, body);
    return { id: invitation.id, email: invitation.email, role: invitation.role!, expiresAt: invitation.expiresAt.toISOString() };
  }

  @Put(':id/role')
  @RequireScope('org:write')
  @ApiOperation({ operationId: 'setUserRole', summary: "Set a user's role in the current company" })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiProblems(400, 401, 403, 404, 422)
  async setRole(@Tenant() ctx: TenantContext, @IdParam() id: string, @Body() body: SetRoleDto): Promise<UserResponseDto> {
    return toUserDto(await this.users.setRole(ctx, id, body.role));
  }

  @Delete(':id/role')
  @HttpCode(204)
  @RequireScope('org:write')
  @ApiOperation({ operationId: 'removeUserFromCompany', summary: "Remove a user's access to the current company" })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiProblems(400, 401, 403, 404, 422)
  async remove(@Tenant() ctx: TenantContext, @IdParam() id: string): Promise<void> {
    await this.users.removeFromCompany(ctx, id);
  }
}

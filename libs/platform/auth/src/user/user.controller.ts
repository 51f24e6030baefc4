import { Body, Controller, Delete, Get, HttpCode, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TenantContext } from '@comptoir/platform/kernel';
import { ApiProblems, IdParam } from '@comptoir/platform/http';
import { SetRoleDto, UserListResponseDto, UserResponseDto } from '../dto/user.dto';
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

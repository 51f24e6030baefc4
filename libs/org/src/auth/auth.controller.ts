import { Body, Controller, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { AppConfig } from '@comptoir/platform/config';
import {
  AcceptInvitationDto,
  IssuedSession,
  Public,
  RequestPasswordResetDto,
  ResetPasswordDto,
  SESSION_COOKIE,
  SessionService,
  UserAccountService,
  UserEntity,
} from '@comptoir/platform/auth';
import { ApiProblems } from '@comptoir/platform/http';
import { OrgDirectory } from '../me/org-directory.service';
import { toCompanyDto } from '../org.mappers';
import { LoginDto, SessionResponseDto, SignupDto } from './auth.dto';
import { AuthThrottlerGuard } from './auth-throttler.guard';
import { SignupService } from './signup.service';

const CREDENTIAL_LIMIT = { default: { limit: 10, ttl: 60_000 } };

@ApiTags('Auth')
@Controller('v1/auth')
@UseGuards(AuthThrottlerGuard)
export class AuthController {
  constructor(
    private readonly signups: SignupService,
    private readonly users: UserAccountService,
    private readonly sessions: SessionService,
    private readonly directory: OrgDirectory,
    private readonly config: AppConfig,
  ) {}

  @Post('signup')
  @Public()
  @Throttle(CREDENTIAL_LIMIT)
  @ApiOperation({ security: [], operationId: 'signup', summary: 'Create an organisation, its first company and its admin; signs in' })
  @ApiCreatedResponse({ type: SessionResponseDto })
  @ApiProblems(400, 409, 429)
  async signup(@Body() body: SignupDto, @Res({ passthrough: true }) res: Response): Promise<SessionResponseDto> {
    const result = await this.signups.signup(body);
    this.setCookie(res, result.session);
    return {
      accessToken: result.session.accessToken,
      expiresAt: result.session.expiresAt.toISOString(),
      user: userDto(result.user),
      organization: { id: result.organization.id, name: result.organization.name },
      company: toCompanyDto(result.company),
    };
  }

  @Post('login')
  @Public()
  @HttpCode(200)
  @Throttle(CREDENTIAL_LIMIT)
  @ApiOperation({ security: [], operationId: 'login', summary: 'Sign in with email and password (cookie + access token)' })
  @ApiOkResponse({ type: SessionResponseDto })
  @ApiProblems(400, 401, 429)
  async login(@Body() body: LoginDto, @Res({ passthrough: true }) res: Response): Promise<SessionResponseDto> {
    const user = await this.users.authenticate(body.email, body.password);
    return this.openSession(user, res);
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ operationId: 'logout', summary: 'End the current session' })
  @ApiNoContentResponse({ description: 'Signed out' })
  @ApiProblems(401)
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    const bearer = req.headers.authorization?.replace(/^Bearer\s+/i, '');
    const token = bearer ?? (req as Request & { cookies?: Record<string, string> }).cookies?.[SESSION_COOKIE];
    if (token) await this.sessions.revoke(token);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Post('invitations/accept')
  @Public()
  @Throttle(CREDENTIAL_LIMIT)
  @ApiOperation({ security: [], operationId: 'acceptInvitation', summary: 'Accept an emailed invitation: choose a name and password, and sign in' })
  @ApiCreatedResponse({ type: SessionResponseDto })
  @ApiProblems(400, 409, 422, 429)
  async acceptInvitation(@Body() body: AcceptInvitationDto, @Res({ passthrough: true }) res: Response): Promise<SessionResponseDto> {
    const { user } = await this.users.acceptInvitation(body.token, body);
    return this.openSession(user, res);
  }

  @Post('password-reset')
  @Public()
  @HttpCode(202)
  @Throttle(CREDENTIAL_LIMIT)
  @ApiOperation({ security: [], operationId: 'requestPasswordReset', summary: 'Email a password-reset link (answers 202 whether or not the email is known)' })
  @ApiAcceptedResponse({ description: 'If the email is registered, a link is on its way' })
  @ApiProblems(400, 429)
  async requestReset(@Body() body: RequestPasswordResetDto): Promise<void> {
    await this.users.requestPasswordReset(body.email);
  }

  @Post('password-reset/confirm')
  @Public()
  @HttpCode(204)
  @Throttle(CREDENTIAL_LIMIT)
  @ApiOperation({ security: [], operationId: 'confirmPasswordReset', summary: 'Set a new password with the emailed token; ends every session of the user' })
  @ApiNoContentResponse({ description: 'Password changed' })
  @ApiProblems(400, 422, 429)
  async confirmReset(@Body() body: ResetPasswordDto): Promise<void> {
    await this.users.resetPassword(body.token, body.password);
  }

  private async openSession(user: UserEntity, res: Response): Promise<SessionResponseDto> {
    const session = await this.users.login(user);
    this.setCookie(res, session);
    const { organization, company } = await this.directory.defaultsFor(user);
    return {
      accessToken: session.accessToken,
      expiresAt: session.expiresAt.toISOString(),
      user: userDto(user),
      organization,
      company: toCompanyDto(company),
    };
  }

  private setCookie(res: Response, session: IssuedSession): void {
    res.cookie(SESSION_COOKIE, session.accessToken, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.publicUrl.startsWith('https://'),
      path: '/',
      expires: session.expiresAt,
    });
  }
}

const userDto = (u: UserEntity) => ({ id: u.id, email: u.email, name: u.name });

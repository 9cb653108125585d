import { Body, Controller, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { AppConfig } from '@vgbf/config';
import { Authenticated, type AuthenticatedUser, CurrentUser, Public } from '@vgbf/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AccountsService } from '../accounts.service';
import { CSRF_COOKIE, SESSION_COOKIE, csrfTokenFor } from '../auth/auth.guard';
import {
  AcceptInvitationDto,
  ForgotPasswordDto,
  LoginDto,
  LoginResult,
  RegisterDto,
  RegistrationAccepted,
  ResetPasswordDto,
  VerifyEmailDto,
} from '../dto/auth.dto';
import { InvitationsService } from '../invitations.service';
import { SessionsService } from '../sessions.service';
import { withRetryAfter } from '../throttling/attempt-limiter';
import { LoginThrottlerGuard } from '../throttling/login-throttler.guard';
import { toUserView } from '../users';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly sessions: SessionsService,
    private readonly invitations: InvitationsService,
    private readonly config: AppConfig,
  ) {}

  @Post('register')
  @Public()
  @UseGuards(LoginThrottlerGuard)
  @HttpCode(202)
  @ApiAcceptedResponse({
    type: RegistrationAccepted,
    description:
      'Always 202 with the same body: a new address gets a verification email, an address that has an account an email to its owner (sign in or reset the password). Whether an account exists is not disclosed.',
  })
  @ApiTooManyRequestsResponse({ description: 'too_many_attempts, with Retry-After' })
  async register(
    @Body() body: RegisterDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RegistrationAccepted> {
    await this.accounts.register(body, request.ip, request.headers['user-agent'] ?? null).catch(withRetryAfter(reply));
    return { email: body.email };
  }

  @Post('verify-email')
  @Public()
  @HttpCode(204)
  async verifyEmail(@Body() body: VerifyEmailDto): Promise<void> {
    await this.accounts.verifyEmail(body.token);
  }

  @Post('login')
  @Public()
  @UseGuards(LoginThrottlerGuard)
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResult })
  @ApiTooManyRequestsResponse({ description: 'too_many_attempts, with Retry-After' })
  async login(
    @Body() body: LoginDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResult> {
    const session = await this.sessions
      .login(body, { address: request.ip, userAgent: request.headers['user-agent'] })
      .catch(withRetryAfter(reply));
    const cookie = {
      sameSite: 'lax',
      secure: this.config.isProduction,
      path: '/',
      expires: session.expiresAt,
    } as const;
    void reply.setCookie(SESSION_COOKIE, session.token, { ...cookie, httpOnly: true });
    // Bound to this session: another session's CSRF value is refused.
    void reply.setCookie(CSRF_COOKIE, csrfTokenFor(session.token), { ...cookie, httpOnly: false });
    return { token: session.token, expiresAt: session.expiresAt.toISOString(), user: toUserView(session.user) };
  }

  @Post('logout')
  @Authenticated()
  @HttpCode(204)
  async logout(@CurrentUser() user: AuthenticatedUser, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.sessions.logout(user.sessionId);
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    void reply.clearCookie(CSRF_COOKIE, { path: '/' });
  }

  @Post('forgot-password')
  @Public()
  @UseGuards(LoginThrottlerGuard)
  @HttpCode(202)
  @ApiAcceptedResponse({ description: 'Always 202: whether the account exists is not disclosed.' })
  async forgotPassword(
    @Body() body: ForgotPasswordDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.accounts.requestPasswordReset(body, request.ip).catch(withRetryAfter(reply));
  }

  @Post('resend-verification')
  @Public()
  @UseGuards(LoginThrottlerGuard)
  @HttpCode(202)
  @ApiAcceptedResponse({
    description:
      'Always 202: an unverified account gets a new verification link (older links stop working); whether the account exists or is verified is not disclosed.',
  })
  @ApiTooManyRequestsResponse({ description: 'too_many_attempts, with Retry-After' })
  async resendVerification(
    @Body() body: ForgotPasswordDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.accounts.resendVerification(body, request.ip).catch(withRetryAfter(reply));
  }

  @Post('reset-password')
  @Public()
  @HttpCode(204)
  async resetPassword(@Body() body: ResetPasswordDto): Promise<void> {
    await this.accounts.resetPassword(body);
  }

  @Post('accept-invitation')
  @Public()
  @HttpCode(204)
  async acceptInvitation(@Body() body: AcceptInvitationDto, @Req() request: FastifyRequest): Promise<void> {
    await this.invitations.accept(body, String(request.id));
  }
}

import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AppConfig } from '@vgbf/config';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from './auth/auth.guard';
import { Authenticated, CurrentUser, Public } from './auth/policy.decorators';
import { LoginDto, LoginResult, RegisterDto, UserView, VerifyEmailDto } from './dto/auth.dto';
import { type AuthenticatedUser, IdentityService, toUserView } from './identity.service';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly identity: IdentityService,
    private readonly config: AppConfig,
  ) {}

  @Post('auth/register')
  @Public()
  @ApiCreatedResponse({ type: UserView, description: 'Account created; a verification email is on its way.' })
  @ApiConflictResponse({ description: 'email_taken' })
  async register(@Body() body: RegisterDto): Promise<UserView> {
    return toUserView(await this.identity.register(body));
  }

  @Post('auth/verify-email')
  @Public()
  @HttpCode(204)
  async verifyEmail(@Body() body: VerifyEmailDto): Promise<void> {
    await this.identity.verifyEmail(body.token);
  }

  @Post('auth/login')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResult })
  async login(
    @Body() body: LoginDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResult> {
    const session = await this.identity.login(body, request.headers['user-agent']);
    void reply.setCookie(SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.isProduction,
      path: '/',
      expires: session.expiresAt,
    });
    return { token: session.token, expiresAt: session.expiresAt.toISOString(), user: toUserView(session.user) };
  }

  @Post('auth/logout')
  @Authenticated()
  @HttpCode(204)
  async logout(@CurrentUser() user: AuthenticatedUser, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.identity.logout(user.sessionId);
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Get('me')
  @Authenticated()
  @ApiOkResponse({ type: UserView })
  async me(@CurrentUser() user: AuthenticatedUser): Promise<UserView> {
    return toUserView(await this.identity.findUser(user.id));
  }
}

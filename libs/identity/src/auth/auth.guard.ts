import { createHmac, timingSafeEqual } from 'node:crypto';
import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppConfig } from '@vgbf/config';
import { POLICY_KEY, type Policy, type RequestWithUser } from '@vgbf/core';
// The cookie plugin's types (request.cookies, reply.setCookie) for every build that compiles this lib.
import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CsrfError, NotAllowedError, NotAuthenticatedError } from '../identity.errors';
import { SessionsService } from '../sessions.service';

export const SESSION_COOKIE = 'vgbf_session';
/** Readable by the page's script, which echoes it in X-CSRF-Token. */
export const CSRF_COOKIE = 'vgbf_csrf';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function sessionCredentials(request: FastifyRequest): { token: string; via: 'cookie' | 'bearer' } | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) {
    const token = header.slice('Bearer '.length).trim();
    return token ? { token, via: 'bearer' } : undefined;
  }
  const cookie = request.cookies?.[SESSION_COOKIE];
  return cookie ? { token: cookie, via: 'cookie' } : undefined;
}

/**
 * The CSRF token of one session: HMAC-SHA256 keyed by the session token (secret, httpOnly), so only a
 * holder of this session can know it, a value from another session never matches, and nothing needs
 * storing. It reveals nothing of the session token (the stored SHA-256 of the token is a different hash).
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('vgbf:csrf:v1').digest('base64url');
}

/** The X-CSRF-Token header must carry this session's own token (the vgbf_csrf cookie set at login). */
function csrfValid(request: FastifyRequest, sessionToken: string): boolean {
  const header = request.headers[CSRF_HEADER];
  if (typeof header !== 'string') return false;
  const given = Buffer.from(header);
  const expected = Buffer.from(csrfTokenFor(sessionToken));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Global guard: resolves the session, refuses cookie-authenticated writes without this session's CSRF token,
 * then applies the route's declared policy. No policy, no access.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
    private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.getAllAndOverride<Policy | undefined>(POLICY_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!policy) {
      throw new Error(`Route ${context.getClass().name}.${context.getHandler().name} declares no access policy`);
    }
    const request = context.switchToHttp().getRequest<FastifyRequest & RequestWithUser>();
    const credentials = sessionCredentials(request);
    if (credentials) {
      const session = await this.sessions.resolve(credentials.token);
      if (session) {
        request.user = {
          id: session.userId,
          roles: session.roles,
          sessionId: session.sessionId,
          via: credentials.via,
          requestId: String(request.id),
        };
      }
    }
    if (credentials?.via === 'cookie' && request.user && SAFE_METHODS.has(request.method))
      this.refreshCsrfCookie(context, request, credentials.token);
    if (policy.kind === 'public') return true;
    if (!request.user) throw new NotAuthenticatedError();
    if (credentials?.via === 'cookie' && !SAFE_METHODS.has(request.method) && !csrfValid(request, credentials.token)) {
      throw new CsrfError();
    }
    if (policy.kind === 'roles' && !policy.roles.some((role) => request.user?.roles.includes(role))) {
      throw new NotAllowedError();
    }
    return true;
  }

  /**
   * A live cookie session whose vgbf_csrf cookie is not its own (one set before tokens were bound to
   * sessions) gets the right one on its next read, so reloading the page mends it. Only this session's
   * own browser can read the cookie, so setting it on a cross-site GET reveals nothing.
   */
  private refreshCsrfCookie(context: ExecutionContext, request: FastifyRequest, sessionToken: string): void {
    const expected = csrfTokenFor(sessionToken);
    if (request.cookies?.[CSRF_COOKIE] === expected) return;
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    void reply.setCookie(CSRF_COOKIE, expected, {
      sameSite: 'lax',
      secure: this.config.isProduction,
      path: '/',
      httpOnly: false,
    });
  }
}

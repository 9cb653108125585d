import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { NotAllowedError, NotAuthenticatedError } from '../identity.errors';
import { IdentityService } from '../identity.service';
import { POLICY_KEY, type Policy, type RequestWithUser } from './policy.decorators';

export const SESSION_COOKIE = 'vgbf_session';

export function sessionToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim() || undefined;
  return request.cookies?.[SESSION_COOKIE];
}

/** Global guard: resolves the session, then applies the route's declared policy. No policy, no access. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly identity: IdentityService,
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
    const token = sessionToken(request);
    if (token) request.user = (await this.identity.authenticate(token)) ?? undefined;
    if (policy.kind === 'public') return true;
    if (!request.user) throw new NotAuthenticatedError();
    if (policy.kind === 'roles' && !policy.roles.some((role) => request.user?.roles.includes(role))) {
      throw new NotAllowedError();
    }
    return true;
  }
}

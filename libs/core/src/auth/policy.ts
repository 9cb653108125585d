import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';

export const ROLES = ['applicant', 'reviewer', 'mentor', 'fellow', 'staff', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The signed-in caller, as the auth guard resolved it. */
export interface AuthenticatedUser {
  id: string;
  roles: Role[];
  sessionId: string;
  /** How the session came: a cookie needs CSRF protection on writes, a bearer token does not. */
  via: 'cookie' | 'bearer';
  /** The request id, so audit rows point at the log lines of the request that made them. */
  requestId: string;
}

export const POLICY_KEY = 'vgbf:policy';

/**
 * Who may call a route. Every route declares one (deny by default): the guard refuses a route
 * without a policy, and a test lists every route with its policy.
 */
export type Policy = { kind: 'public' } | { kind: 'authenticated' } | { kind: 'roles'; roles: Role[] };

/** Anyone, signed in or not. */
export const Public = (): MethodDecorator & ClassDecorator =>
  SetMetadata(POLICY_KEY, { kind: 'public' } satisfies Policy);

/** Any signed-in account; services still check ownership of what is touched. */
export const Authenticated = (): MethodDecorator & ClassDecorator =>
  SetMetadata(POLICY_KEY, { kind: 'authenticated' } satisfies Policy);

/** Accounts holding at least one of these roles. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  SetMetadata(POLICY_KEY, { kind: 'roles', roles } satisfies Policy);

export interface RequestWithUser {
  user?: AuthenticatedUser;
}

/** The signed-in account of the request (the guard has already refused anonymous callers). */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthenticatedUser => {
  const user = context.switchToHttp().getRequest<RequestWithUser>().user;
  if (!user) throw new Error('CurrentUser used on a route whose policy does not require a signed-in user');
  return user;
});

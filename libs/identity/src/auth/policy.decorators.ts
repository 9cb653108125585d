import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Role } from '../entities/user.entity';
import type { AuthenticatedUser } from '../identity.service';

export const POLICY_KEY = 'vgbf:policy';

/** Who may call a route. Every route declares one; a route without a policy is refused (deny by default). */
export type Policy = { kind: 'public' } | { kind: 'authenticated' } | { kind: 'roles'; roles: Role[] };

/** Anyone, signed in or not. */
export const Public = (): MethodDecorator & ClassDecorator =>
  SetMetadata(POLICY_KEY, { kind: 'public' } satisfies Policy);

/** Any signed-in account; the service still checks ownership of what is touched. */
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

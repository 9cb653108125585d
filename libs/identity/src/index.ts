export { AuthGuard, SESSION_COOKIE } from './auth/auth.guard';
export { Authenticated, CurrentUser, POLICY_KEY, Public, Roles, type Policy } from './auth/policy.decorators';
export { Session } from './entities/session.entity';
export { LANGUAGES, ROLES, User, type Language, type Role } from './entities/user.entity';
export { UserToken } from './entities/user-token.entity';
export { IdentityModule } from './identity.module';
export { IdentityService, type AuthenticatedUser } from './identity.service';

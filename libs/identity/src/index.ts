export { AccountsService } from './accounts.service';
export {
  AuthGuard,
  CSRF_COOKIE,
  CSRF_HEADER,
  SESSION_COOKIE,
  csrfTokenFor,
  sessionCredentials,
} from './auth/auth.guard';
export { Session } from './entities/session.entity';
export { LANGUAGES, User, type Language } from './entities/user.entity';
export { UserToken } from './entities/user-token.entity';
export { InvitationsService } from './invitations.service';
export { IdentityModule } from './identity.module';
export { SessionsService } from './sessions.service';
export { UserAdminService } from './user-admin.service';
export { purgeDeadAuth } from './data-access/auth-purge';

import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@vgbf/audit';
import { AppConfig } from '@vgbf/config';
import { OutboxModule } from '@vgbf/outbox';
import { REDIS_CLIENT } from '@vgbf/queue';
import type { Redis } from 'ioredis';
import { AccountsService } from './accounts.service';
import { AuthGuard } from './auth/auth.guard';
import { AuthController } from './controllers/auth.controller';
import { InvitationsController } from './controllers/invitations.controller';
import { MeController } from './controllers/me.controller';
import { UsersController } from './controllers/users.controller';
import { Session } from './entities/session.entity';
import { User } from './entities/user.entity';
import { UserToken } from './entities/user-token.entity';
import { InvitationsService } from './invitations.service';
import { SessionsService } from './sessions.service';
import { UserAdminService } from './user-admin.service';
import { AttemptLimiter } from './throttling/attempt-limiter';
import { LoginThrottlerGuard, addressTracker } from './throttling/login-throttler.guard';
import { RedisThrottlerStorage } from './throttling/redis-throttler.storage';
import { IdentityHolder } from './personal-data/identity.holder';

@Module({
  imports: [
    TypeOrmModule.forFeature([User, Session, UserToken]),
    OutboxModule,
    AuditModule,
    ThrottlerModule.forRootAsync({
      inject: [AppConfig, REDIS_CLIENT],
      useFactory: (config: AppConfig, redis: Redis) => {
        const ttl = config.LOGIN_THROTTLE_WINDOW_SECONDS * 1000;
        return {
          throttlers: [
            // Per account, failures are counted by AttemptLimiter (per account and address, never locking the owner out).
            { name: 'ip', ttl, limit: config.LOGIN_MAX_PER_IP, getTracker: addressTracker },
          ],
          storage: new RedisThrottlerStorage(redis, config.QUEUE_PREFIX),
        };
      },
    }),
  ],
  controllers: [AuthController, MeController, InvitationsController, UsersController],
  providers: [
    IdentityHolder,
    AccountsService,
    SessionsService,
    InvitationsService,
    UserAdminService,
    LoginThrottlerGuard,
    AttemptLimiter,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AccountsService, SessionsService, InvitationsService],
})
export class IdentityModule {}

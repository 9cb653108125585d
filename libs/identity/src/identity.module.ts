import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Clock } from '@vgbf/core';
import { OutboxModule } from '@vgbf/outbox';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth/auth.guard';
import { Session } from './entities/session.entity';
import { User } from './entities/user.entity';
import { UserToken } from './entities/user-token.entity';
import { IdentityService } from './identity.service';

@Module({
  imports: [TypeOrmModule.forFeature([User, Session, UserToken]), OutboxModule],
  controllers: [AuthController],
  providers: [IdentityService, Clock, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [IdentityService],
})
export class IdentityModule {}

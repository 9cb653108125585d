import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DigestItem } from './entities/digest-item.entity';
import { NotificationPreference } from './entities/notification-preference.entity';

export const NOTIFICATION_ENTITIES = [NotificationPreference, DigestItem];

/** How people get notifications: at once or in a daily digest, and unsubscribing from optional ones. */
@Module({
  imports: [TypeOrmModule.forFeature(NOTIFICATION_ENTITIES)],
})
export class NotificationsModule {}

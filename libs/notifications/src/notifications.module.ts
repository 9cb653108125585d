import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DigestItem } from './entities/digest-item.entity';
import { NotificationPreference } from './entities/notification-preference.entity';
import { NotificationDeliveryModule } from './notification-delivery.module';
import { NotificationsController } from './notifications.controller';
import { ReminderLogEntry } from './reminders/reminder-log.entity';
import { NotificationsHolder } from './personal-data/notifications.holder';

export const NOTIFICATION_ENTITIES = [NotificationPreference, DigestItem, ReminderLogEntry];

/** How people get notifications: at once or in a daily digest, and unsubscribing from optional ones. */
@Module({
  imports: [TypeOrmModule.forFeature(NOTIFICATION_ENTITIES), NotificationDeliveryModule],
  controllers: [NotificationsController],
  providers: [NotificationsHolder],
})
export class NotificationsModule {}

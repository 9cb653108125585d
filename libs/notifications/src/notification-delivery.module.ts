import { Module } from '@nestjs/common';
import { OutboxModule } from '@vgbf/outbox';
import { NotificationDelivery } from './notification-delivery';
import { NotificationSettingsService } from './notification-settings.service';

/** What other libs use to notify people: delivery as each person asked, and their settings. */
@Module({
  imports: [OutboxModule],
  providers: [NotificationDelivery, NotificationSettingsService],
  exports: [NotificationDelivery, NotificationSettingsService],
})
export class NotificationDeliveryModule {}

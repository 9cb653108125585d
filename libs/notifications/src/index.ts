export { NotificationsModule, NOTIFICATION_ENTITIES } from './notifications.module';
export { NotificationPreference, DELIVERIES, type Delivery } from './entities/notification-preference.entity';
export { DigestItem } from './entities/digest-item.entity';

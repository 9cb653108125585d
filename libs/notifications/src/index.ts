export { NotificationsModule, NOTIFICATION_ENTITIES } from './notifications.module';
export { NotificationPreference, DELIVERIES, type Delivery } from './entities/notification-preference.entity';
export { DigestItem } from './entities/digest-item.entity';
export { NotificationDeliveryModule } from './notification-delivery.module';
export { NotificationsJobsModule } from './notifications-jobs.module';
export {
  DEFAULT_SETTINGS,
  NotificationDelivery,
  deliveryOutcome,
  type DeliveryOutcome,
  type Notification,
  type NotificationRecipient,
  type NotificationSettings,
} from './notification-delivery';
export { NotificationSettingsService } from './notification-settings.service';
export { DailyDigest } from './daily-digest';
export { NotificationSettingsDto } from './dto/notification-settings.dto';
export { unsubscribeToken, verifyUnsubscribeToken } from './unsubscribe-token';
export { ReminderPipeline, type LoggedReminder, type UpcomingReminder } from './reminders/reminder-pipeline';
export { ReminderPipelineModule } from './reminders/reminder-pipeline.module';
export { ReminderLogEntry } from './reminders/reminder-log.entity';
export type { AnyReminderFamily, ReminderFamily, ReminderItem, ReminderRange } from './reminders/reminder-family';
export {
  type ChainStep,
  type ChainTarget,
  type ReminderChain,
  addDays,
  daysBetween,
  dueSteps,
  dueWindow,
  stepDueOn,
  upcomingSteps,
} from './reminders/reminder-chain';

export { OUTBOX_STATUSES, OutboxMessage, type OutboxStatus } from './entities/outbox-message.entity';
export { OutboxModule } from './outbox.module';
export { OutboxService, type EmailAttachment, type EmailMessage } from './outbox.service';
export { OutboxRelay } from './outbox-relay';
export { mailRecipients, markOutboxDone, markOutboxFailed, outboxPayload } from './data-access/outbox-rows';
export {
  claimMailRow,
  outboxRowExists,
  recordFailedMailAttempt,
  requeueRefusedMail,
} from './data-access/outbox-delivery';

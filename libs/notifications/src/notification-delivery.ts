import { Injectable } from '@nestjs/common';
import { AppConfig } from '@vgbf/config';
import type { TemplateData, TemplateName } from '@vgbf/mail';
import { type EmailMessage, OutboxService } from '@vgbf/outbox';
import type { EntityManager } from 'typeorm';
import { insertDigestItem } from './data-access/digest-items';
import type { Delivery } from './entities/notification-preference.entity';
import { unsubscribeToken } from './unsubscribe-token';

/** How a person wants notifications; people without a row get the defaults. */
export interface NotificationSettings {
  delivery: Delivery;
  optionalEmails: boolean;
}

export const DEFAULT_SETTINGS: NotificationSettings = { delivery: 'immediate', optionalEmails: true };

export interface NotificationRecipient {
  userId: string;
  email: string;
  fullName: string;
  language: 'vi' | 'en';
}

/** What delivery fills in itself: the recipient's name and the links of notification emails. */
type DeliveryFilled = 'fullName' | 'unsubscribeUrl' | 'settingsUrl';

/**
 * A libs/mail template and its data (less what delivery fills in), checked together at compile time.
 * Optional ones show {unsubscribeUrl}, mandatory ones say why they cannot be turned off.
 */
export type Notification = {
  [N in TemplateName]: { template: N; data: Omit<TemplateData<N>, DeliveryFilled>; mandatory: boolean };
}[TemplateName];

/** sent: an email now; digest: an entry of tonight's digest; skipped: optional, and the person opted out. */
export type DeliveryOutcome = 'sent' | 'digest' | 'skipped';

/**
 * What happens to a notification for a person with these settings. A mandatory notice always goes at
 * once, also to people who chose the digest (it is never held back), and unsubscribing never stops it.
 */
export function deliveryOutcome(settings: NotificationSettings, mandatory: boolean): DeliveryOutcome {
  if (mandatory) return 'sent';
  if (!settings.optionalEmails) return 'skipped';
  return settings.delivery === 'digest' ? 'digest' : 'sent';
}

/**
 * Delivers a notification inside the caller's transaction, as its recipient asked: an outbox email
 * now, or a digest_items row for the daily digest, or nothing for an optional one they turned off.
 */
@Injectable()
export class NotificationDelivery {
  constructor(
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
  ) {}

  async deliver(
    manager: EntityManager,
    recipient: NotificationRecipient,
    settings: NotificationSettings,
    notification: Notification,
  ): Promise<DeliveryOutcome> {
    const outcome = deliveryOutcome(settings, notification.mandatory);
    const data = { ...this.links(recipient.userId), ...notification.data, fullName: recipient.fullName };
    switch (outcome) {
      case 'skipped':
        break;
      case 'sent':
        // The template and its data were checked together when the Notification was made; delivery adds
        // only the keys it fills (DeliveryFilled), which TypeScript cannot follow through the union.
        await this.outbox.enqueueEmail(manager, {
          template: notification.template,
          to: recipient.email,
          language: recipient.language,
          data,
        } as EmailMessage);
        break;
      case 'digest':
        await insertDigestItem(manager, recipient.userId, {
          template: notification.template,
          data,
          mandatory: notification.mandatory,
        });
        break;
    }
    return outcome;
  }

  /** The links every notification email may show: the person's unsubscribe link and settings page. */
  links(userId: string): { unsubscribeUrl: string; settingsUrl: string } {
    const base = this.config.PUBLIC_URL.replace(/\/$/, '');
    const token = unsubscribeToken(this.config.NOTIFICATION_LINK_SECRET, userId);
    return {
      unsubscribeUrl: `${base}/api/v1/notifications/unsubscribe?token=${encodeURIComponent(token)}`,
      settingsUrl: `${base}/settings/notifications`,
    };
  }
}

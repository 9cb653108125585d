import { Injectable } from '@nestjs/common';
import { AppConfig } from '@vgbf/config';
import {
  type ChainStep,
  type Notification,
  type ReminderChain,
  type ReminderFamily,
  type ReminderItem,
  type ReminderRange,
  dueWindow,
} from '@vgbf/notifications';
import type { EntityManager } from 'typeorm';
import { openRequestsDueBetween, requestHandlers } from './data-access/data-requests';
import type { RequestKind } from './request-deadlines';
import { KIND_WORDS } from './request-words';

export const DATA_REQUEST_REMINDER_STEPS = ['due_soon', 'due_today', 'overdue'] as const;
export type DataRequestReminderStep = (typeof DATA_REQUEST_REMINDER_STEPS)[number];
type Audience = 'staff' | 'admin';

/**
 * Staff are reminded 2 days before a request's legal deadline and on the day; the day after, staff and
 * admins get the escalation. The deadline is the acknowledgement's while the request is received, the
 * completion's after (a new due date: the chain starts afresh). All mandatory: legal deadlines.
 */
export const DATA_REQUEST_CHAIN = [
  { step: 'due_soon', offsetDays: -2, to: 'staff', template: 'data-request-due-soon', mandatory: true },
  { step: 'due_today', offsetDays: 0, to: 'staff', template: 'data-request-due-soon', mandatory: true },
  { step: 'overdue', offsetDays: 1, to: ['staff', 'admin'], template: 'data-request-overdue', mandatory: true },
] as const satisfies ReminderChain<DataRequestReminderStep, Audience>;

/** The family's name in the reminder log (never change it: it keys the log). */
export const DATA_REQUEST_FAMILY = 'data-requests';

interface RequestItem extends ReminderItem<Audience> {
  kind: RequestKind;
  person: string;
}

/** People's requests as a family of the one reminder pipeline (subject: the request; recipients: staff, admins). */
@Injectable()
export class DataRequestReminders implements ReminderFamily<DataRequestReminderStep, Audience, RequestItem> {
  readonly name = DATA_REQUEST_FAMILY;
  readonly chain = DATA_REQUEST_CHAIN;
  /** A missed run still sends its step within 2 days (over a weekend). */
  readonly catchUpDays = 2;

  constructor(private readonly config: AppConfig) {}

  async items(manager: EntityManager, range: ReminderRange): Promise<RequestItem[]> {
    const window = dueWindow(this.chain, this.catchUpDays, range);
    if (!window) return [];
    const requests = await openRequestsDueBetween(manager, window);
    if (!requests.length) return [];
    const handlers = await requestHandlers(manager);
    return requests.flatMap((r) =>
      handlers.map((h) => ({
        subjectId: r.id,
        dueOn: r.state === 'received' ? r.acknowledge_by : r.due_on,
        // Someone both staff and admin hears it once, as staff.
        audience: h.staff ? ('staff' as const) : ('admin' as const),
        recipient: {
          userId: h.id,
          email: h.email,
          fullName: h.full_name,
          language: h.language === 'en' ? ('en' as const) : ('vi' as const),
        },
        kind: r.kind as RequestKind,
        person: r.person_name ?? '',
      })),
    );
  }

  notification(item: RequestItem, step: ChainStep<DataRequestReminderStep, Audience>): Omit<Notification, 'mandatory'> {
    return {
      template: step.template,
      data: {
        person: item.person,
        kind: KIND_WORDS[item.kind][item.recipient.language],
        dueOn: item.dueOn,
        link: `${this.config.PUBLIC_URL.replace(/\/$/, '')}/staff/data-requests/${item.subjectId}`,
      },
    };
  }
}

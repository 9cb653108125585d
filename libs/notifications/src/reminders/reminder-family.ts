import type { EntityManager } from 'typeorm';
import type { Notification, NotificationRecipient } from '../notification-delivery';
import type { ChainStep, ReminderChain } from './reminder-chain';

/** One recipient of one item's chain, as a family's reader gives it (the pipeline adds what was sent). */
export interface ReminderItem<A extends string = string> {
  /** What the reminders are about (a milestone, an application, a pairing…): part of the log's key. */
  subjectId: string;
  /** The item's due date (YYYY-MM-DD, Vietnam): the chain's offsets count from it; a moved date starts afresh. */
  dueOn: string;
  /**
   * The due time that day ('HH:MI', Vietnam) when the item has one (a planned session): part of the log's
   * key, so a session moved to another hour is reminded again. Day-only items leave it out.
   */
  dueTime?: string;
  audience: A;
  recipient: NotificationRecipient;
}

/** The days a run or a dry run covers (Vietnam, inclusive), and an optional scope the family understands. */
export interface ReminderRange {
  from: string;
  to: string;
  /** e.g. a cohort id, for a staff dry run of one cohort. */
  scope?: string;
  /** The run's instant (a scheduled run's; from the Clock), for readers that need more than the day. */
  at?: Date;
}

/**
 * A reminder family, registered by its domain lib with the ReminderPipeline: its declarative chain
 * (steps at day offsets from the due date, recipients, template, mandatory or optional) and its
 * due-items reader. The pipeline does the rest for every family alike: the reminder log (once per
 * subject, step, due date and recipient), preferences, the daily digest, unsubscribe, the schedule.
 * notifications never imports a domain lib; domain libs implement this interface.
 */
export interface ReminderFamily<
  S extends string = string,
  A extends string = string,
  I extends ReminderItem<A> = ReminderItem<A>,
> {
  /** The family's name in the reminder log, e.g. 'milestones'. Never change it: it keys the log. */
  readonly name: string;
  readonly chain: ReminderChain<S, A>;
  /** A step missed because the job did not run is still sent this many days late, then dropped. */
  readonly catchUpDays: number;
  /**
   * Whether every hourly run sends this family (steps that must go soon after they are due, like a
   * session planned for tomorrow); otherwise only runs from 08:00 (Vietnam) on send it.
   */
  readonly hourly?: boolean;
  /**
   * Everyone whose chain may owe a step on a day of the range (catch-up included), read inside the
   * pipeline's transaction. Items no longer remindable (done, withdrawn…) are simply not returned.
   */
  items(manager: EntityManager, range: ReminderRange): Promise<I[]>;
  /**
   * The email of this step to this item's recipient on `day` (Vietnam; `at` is the run's instant); its
   * template must be the step's.
   */
  notification(item: I, step: ChainStep<S, A>, day: string, at: Date): Omit<Notification, 'mandatory'>;
}

/** Any family, as the pipeline holds them (its methods take the family's own item type). */
export type AnyReminderFamily = ReminderFamily<string, string, ReminderItem>;

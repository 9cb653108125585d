import type { DefaultJobOptions } from 'bullmq';

/**
 * Every queue, its jobs and their payloads, in one place. Payloads carry ids only:
 * the handler re-reads state from PostgreSQL, so a redelivered or stale job does no harm.
 */
export const QUEUES = {
  /** Sends one email recorded in the outbox. */
  mail: 'mail',
  /** Moves pending outbox rows into their queues (a job scheduler fires it every few seconds). */
  outbox: 'outbox',
  /** Runs registered scheduled jobs (reminders, reports). */
  scheduled: 'scheduled',
  /** Generates one on-demand report (a report_jobs row) recorded in the outbox. */
  reports: 'reports',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface JobPayloads {
  mail: { outboxId: string };
  outbox: Record<string, never>;
  scheduled: { name: string };
  reports: { outboxId: string };
}

/** Retries with exponential backoff; failed jobs are kept for inspection, completed ones trimmed. */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 6,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 },
  removeOnFail: false,
};

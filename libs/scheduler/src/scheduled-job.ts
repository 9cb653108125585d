import type { AppConfig } from '@vgbf/config';

/** Every schedule is read in programme time, whatever the server's time zone. */
export const SCHEDULE_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** What a handler is told about the run it performs. */
export interface ScheduledRun {
  /** The job's name. */
  name: string;
  /** The scheduled fire time of this run (not the wall clock): the same for every retry of it. */
  period: Date;
}

/** A handler's result is stored with the run (keep it small: counts, ids). */
export type ScheduledJobHandler = (run: ScheduledRun) => Promise<Record<string, unknown> | void>;

/** How a job is declared: a name, a cron (5 fields, or 6 with seconds) or a function of the config giving one. */
export interface ScheduledJobOptions {
  name: string;
  cron: string | ((config: AppConfig) => string);
}

/** A declaration found at start-up, before it is checked. */
export interface ScheduledJobDeclaration {
  name: string;
  cron: string;
  handler: ScheduledJobHandler | undefined;
  /** Where it was declared (Class.method), for error messages. */
  source: string;
}

/** A checked, runnable job. */
export interface ScheduledJob {
  name: string;
  cron: string;
  handler: ScheduledJobHandler;
}

export class SchedulerDefinitionError extends Error {
  override readonly name = 'SchedulerDefinitionError';
}

const NAME = /^[a-z0-9][a-z0-9._-]*$/;
const CRON_FIELD = /^[\d*/,\-A-Za-z?LW#]+$/;

/** A cheap shape check (5 or 6 fields of cron characters); BullMQ's parser has the last word at start-up. */
export function isCronPattern(value: string): boolean {
  const fields = value.trim().split(/\s+/);
  return (fields.length === 5 || fields.length === 6) && fields.every((f) => CRON_FIELD.test(f));
}

/**
 * Checks the declarations and returns the registry: each job has one valid name, a cron and exactly
 * one handler. Every problem is listed in one error, so the worker refuses to start with all of them.
 */
export function buildRegistry(declarations: ScheduledJobDeclaration[]): Map<string, ScheduledJob> {
  const problems: string[] = [];
  const byName = new Map<string, ScheduledJobDeclaration[]>();
  for (const d of declarations) byName.set(d.name, [...(byName.get(d.name) ?? []), d]);

  const registry = new Map<string, ScheduledJob>();
  for (const [name, list] of byName) {
    const [first] = list;
    if (!first) continue;
    if (!NAME.test(name))
      problems.push(`"${name}" (${first.source}): name must be lowercase letters, digits, ".", "_", "-"`);
    if (list.length > 1)
      problems.push(
        `"${name}" is declared ${list.length} times (${list.map((d) => d.source).join(', ')}): one handler per job`,
      );
    if (typeof first.handler !== 'function') problems.push(`"${name}" (${first.source}) has no handler`);
    if (!isCronPattern(first.cron)) problems.push(`"${name}" (${first.source}): "${first.cron}" is not a cron pattern`);
    if (typeof first.handler === 'function')
      registry.set(name, { name, cron: first.cron.trim(), handler: first.handler });
  }
  if (problems.length)
    throw new SchedulerDefinitionError(`Scheduled jobs are misdeclared:\n- ${problems.join('\n- ')}`);
  return registry;
}

/**
 * The scheduled fire time of a BullMQ job-scheduler job: `opts.prevMillis`, or the millis at the end
 * of its id (`repeat:<scheduler>:<millis>`). Undefined for a job not made by a scheduler.
 */
export function periodOf(job: { id?: string | null; opts?: { prevMillis?: number } }): Date | undefined {
  const millis = job.opts?.prevMillis ?? Number(/^repeat:.+:(\d+)$/.exec(job.id ?? '')?.[1] ?? NaN);
  return Number.isFinite(millis) && millis > 0 ? new Date(millis) : undefined;
}

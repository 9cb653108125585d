import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, type OnApplicationBootstrap, Optional } from '@nestjs/common';
import { OutboxRelay } from '@vgbf/outbox';
import { QUEUES } from '@vgbf/queue';
import type { Queue } from 'bullmq';
import { JobSchedulers } from './job-schedulers';

export interface OutboxRelaySettings {
  /** How often pending outbox rows are moved into their queues (each run drains all that wait, in batches). */
  everyMs: number;
  /**
   * A row queued longer ago than this whose job is missing from Redis counts as lost and is
   * dispatched again. Long enough that a job being added is never mistaken for a lost one.
   */
  lostAfterSeconds: number;
}

export const DEFAULT_OUTBOX_RELAY_SETTINGS: OutboxRelaySettings = { everyMs: 1_000, lostAfterSeconds: 30 };

/** Override (e.g. in a test) to find lost rows sooner than production's default. */
export const OUTBOX_RELAY_SETTINGS = Symbol('OUTBOX_RELAY_SETTINGS');

/**
 * Runs the outbox relay from a BullMQ job scheduler: one run per period however many workers there
 * are, and the relay itself is safe to run concurrently anyway (SKIP LOCKED).
 */
@Processor(QUEUES.outbox, { concurrency: 1 })
export class OutboxRelayProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly settings: OutboxRelaySettings;

  constructor(
    private readonly relay: OutboxRelay,
    @InjectQueue(QUEUES.outbox) private readonly queue: Queue,
    private readonly schedulers: JobSchedulers,
    @Optional() @Inject(OUTBOX_RELAY_SETTINGS) settings?: Partial<OutboxRelaySettings>,
  ) {
    super();
    this.settings = { ...DEFAULT_OUTBOX_RELAY_SETTINGS, ...settings };
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.schedulers.ensure({
      queue: this.queue,
      id: 'outbox-relay',
      repeat: { every: this.settings.everyMs },
      template: { name: 'relay', opts: { removeOnComplete: true, removeOnFail: 100, attempts: 1 } },
    });
  }

  async process(): Promise<{ dispatched: number; redispatched: number }> {
    const dispatched = await this.relay.drainPending();
    const redispatched = await this.relay.redispatchLostRows(this.settings.lostAfterSeconds);
    return { dispatched, redispatched };
  }
}

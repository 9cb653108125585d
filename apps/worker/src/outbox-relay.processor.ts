import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { type OnApplicationBootstrap } from '@nestjs/common';
import { OutboxRelay } from '@vgbf/outbox';
import { QUEUES } from '@vgbf/queue';
import type { Queue } from 'bullmq';

/** How often pending outbox rows are moved into their queues. */
export const OUTBOX_RELAY_EVERY_MS = 1_000;

/**
 * Runs the outbox relay from a BullMQ job scheduler: one run per period however many workers there
 * are, and the relay itself is safe to run concurrently anyway (SKIP LOCKED).
 */
@Processor(QUEUES.outbox, { concurrency: 1 })
export class OutboxRelayProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly relay: OutboxRelay,
    @InjectQueue(QUEUES.outbox) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      'outbox-relay',
      { every: OUTBOX_RELAY_EVERY_MS },
      { name: 'relay', opts: { removeOnComplete: true, removeOnFail: 100, attempts: 1 } },
    );
  }

  async process(): Promise<{ dispatched: number; redispatched: number }> {
    const dispatched = await this.relay.dispatchPending();
    const redispatched = await this.relay.redispatchLost();
    return { dispatched, redispatched };
  }
}

import { getQueueToken } from '@nestjs/bullmq';
import { Clock } from '@vgbf/core';
import { OutboxRelay } from '@vgbf/outbox';
import { QUEUES } from '@vgbf/queue';
import type { Queue } from 'bullmq';
import { type TestApp, createTestApp } from '../support/test-app';

/**
 * SQL receives "now" from the app's one Clock (issue 15): the relay's "lost job" rule used the
 * database's now(), so moving the test clock did not move it. A far-future clock makes the difference
 * unmistakable: by the database's own now() the row would have been queued years ahead.
 */
describe('SQL reads "now" from the Clock', () => {
  let t: TestApp;
  let clock: jest.SpyInstance<Date, []>;
  const T0 = new Date('2031-03-01T02:00:00Z');
  const after = (seconds: number): Date => new Date(T0.getTime() + seconds * 1000);

  beforeAll(async () => {
    t = await createTestApp();
    clock = jest.spyOn(t.app.get(Clock), 'now');
  });
  afterAll(async () => {
    clock.mockRestore();
    await t.close();
  });

  it('the outbox relay marks rows queued at the clock’s time, and calls a job lost by the clock, not the database', async () => {
    const relay = t.app.get(OutboxRelay);
    const [{ id }] = await t.db.query<Array<{ id: string }>>(
      `INSERT INTO outbox (queue, payload) VALUES ('mail', $1) RETURNING id`,
      [{ template: 'probe', to: 'clock@example.test', language: 'en', data: {} }],
    );

    clock.mockReturnValue(T0);
    expect(await relay.dispatchPending()).toBe(1);
    const queuedAt = async (): Promise<Date> =>
      (await t.db.query<Array<{ queued_at: Date }>>(`SELECT queued_at FROM outbox WHERE id = $1`, [id]))[0].queued_at;
    expect(await queuedAt()).toEqual(T0);

    // Redis loses the job (no worker runs in this app, so it is still waiting there).
    const mail = t.app.get<Queue>(getQueueToken(QUEUES.mail));
    await (await mail.getJob(id))?.remove();
    expect(await mail.getJob(id)).toBeUndefined();

    clock.mockReturnValue(after(10)); // queued 10 s ago by the clock: not lost yet (threshold 30 s)
    expect(await relay.redispatchLost(30)).toBe(0);
    expect(await queuedAt()).toEqual(T0);

    clock.mockReturnValue(after(60)); // a minute later by the clock: lost, sent again, stamped with the clock
    expect(await relay.redispatchLost(30)).toBe(1);
    expect(await queuedAt()).toEqual(after(60));
    expect(await mail.getJob(id)).toBeDefined();
  });
});

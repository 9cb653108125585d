import { claimPending, lockQueuedBefore, requeued } from './outbox-dispatch';
import { insertMail } from './outbox-writes';
import { statementRecorder } from '@vgbf/database';

describe('outbox dispatch statements', () => {
  const now = new Date('2027-01-02T03:04:05Z');

  it('claims pending rows oldest first in one UPDATE over a FOR UPDATE SKIP LOCKED subquery', async () => {
    const { manager, sent } = statementRecorder([[{ id: 'a', queue: 'mail' }], 1]);
    await expect(claimPending(manager, { limit: 7, now })).resolves.toEqual([{ id: 'a', queue: 'mail' }]);
    expect(sent).toEqual([
      {
        sql:
          `update "outbox" set "status" = 'queued', "queued_at" = $1 where "id" in ` +
          `(select "id" from "outbox" where "status" = 'pending' order by "created_at" limit $2 for update skip locked) ` +
          `returning "id", "queue"`,
        params: [now, 7],
      },
    ]);
  });

  it('locks queued rows older than the given age, oldest first, skipping locked ones', async () => {
    const { manager, sent } = statementRecorder([]);
    await lockQueuedBefore(manager, { olderThanSeconds: 30, limit: 1000, now });
    expect(sent[0]?.sql).toBe(
      `select "id", "queue" from "outbox" where "status" = 'queued' and "queued_at" < ` +
        `$1::timestamptz - make_interval(secs => $2) order by "queued_at" limit $3 for update skip locked`,
    );
    expect(sent[0]?.params).toEqual([now, 30, 1000]);
  });

  it('takes each call its own values, the ids as one uuid[] parameter', async () => {
    const { manager, sent } = statementRecorder([[], 0]);
    await requeued(manager, { ids: ['x', 'y'], now });
    await requeued(manager, { ids: ['z'], now: new Date(0) });
    expect(sent.map((s) => s.params)).toEqual([
      [now, ['x', 'y']],
      [new Date(0), ['z']],
    ]);
    expect(sent[1]?.sql).toBe(`update "outbox" set "queued_at" = $1 where "id" = ANY($2::uuid[])`);
  });

  it('writes a mail row with its payload as one parameter', async () => {
    const { manager, sent } = statementRecorder([{ id: 'm' }]);
    const payload = { template: 'x', to: 'a@b.c' };
    await insertMail(manager, { payload });
    expect(sent).toEqual([
      {
        sql: `insert into "outbox" ("queue", "payload") values ('mail', $1) returning "id", "status", "attempts", "created_at"`,
        params: [payload],
      },
    ]);
  });
});

import { claimMailRow, outboxRowExists, recordFailedMailAttempt, requeueRefusedMail } from './outbox-delivery';
import { statementRecorder } from '@vgbf/database';

describe('mail worker statements', () => {
  const now = new Date('2027-01-02T03:04:05Z');

  it('claims a row not yet done in one UPDATE that locks it, counts the attempt and returns its email', async () => {
    const payload = { to: 'a@b.vn', template: 'welcome', language: 'vi', data: {} };
    const { manager, sent } = statementRecorder([[{ id: 'r1', payload }], 1]);
    await expect(claimMailRow(manager, 'r1', now)).resolves.toEqual({ id: 'r1', email: payload });
    expect(sent).toEqual([
      {
        sql:
          `update "outbox" set "status" = 'done', "processed_at" = $1, "attempts" = "attempts" + 1, ` +
          `"last_error" = $2 where "id" = $3 and "status" <> 'done' returning "id", "payload"`,
        params: [now, null, 'r1'],
      },
    ]);
  });

  it('answers undefined when the row is done already (or gone)', async () => {
    const { manager } = statementRecorder([[], 0]);
    await expect(claimMailRow(manager, 'r1', now)).resolves.toBeUndefined();
  });

  it('tells whether the row exists', async () => {
    await expect(outboxRowExists(statementRecorder([{ known: 1 }]).manager, 'r1')).resolves.toBe(true);
    await expect(outboxRowExists(statementRecorder([]).manager, 'r1')).resolves.toBe(false);
  });

  it('queues a refused row again, and counts a failed attempt, each with why', async () => {
    const refused = statementRecorder([[], 1]);
    await requeueRefusedMail(refused.manager, 'r1', '550 no');
    expect(refused.sent[0]).toEqual({
      sql: `update "outbox" set "status" = 'queued', "processed_at" = $1, "last_error" = $2 where "id" = $3`,
      params: [null, '550 no', 'r1'],
    });
    const failed = statementRecorder([[], 1]);
    await recordFailedMailAttempt(failed.manager, 'r1', 'timeout');
    expect(failed.sent[0]).toEqual({
      sql: `update "outbox" set "attempts" = "attempts" + 1, "last_error" = $1 where "id" = $2`,
      params: ['timeout', 'r1'],
    });
  });
});

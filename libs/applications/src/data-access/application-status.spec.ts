import { statementRecorder } from '@vgbf/database';
import { changeStatus, changeStatusSubmitted } from './application-status';

const now = new Date('2027-03-01T03:00:00Z');
const change = { id: 'app-1', from: 'draft', to: 'submitted', now, actorId: 'user-1', reason: null } as const;

describe('an application status change', () => {
  it('updates the row and writes its history row in one statement, answering the new updated_at', async () => {
    const { manager, sent } = statementRecorder([{ updated_at: now }]);
    const rows = await changeStatus(manager, change);
    expect(rows).toEqual([{ updated_at: now }]);
    expect(sent).toHaveLength(1);
    const [{ sql, params }] = sent;
    expect(sql).toMatch(
      /^with "changed" as \(update "applications" set "status" = \$1, "updated_at" = \$2 where "id" = \$3 returning "updated_at"\) insert into "application_status_changes"/,
    );
    expect(sql).toMatch(/returning \(select "changed"\."updated_at" from "changed"\) as "updated_at"$/);
    expect(params).toEqual(['submitted', now, 'app-1', 'app-1', 'draft', 'submitted', 'user-1', null]);
  });

  it('sets the submission time and Idempotency-Key with a submit, in the same statement', async () => {
    const { manager, sent } = statementRecorder([{ updated_at: now }]);
    await changeStatusSubmitted(manager, { ...change, submittedAt: now, submitIdempotencyKey: 'key-12345678' });
    expect(sent).toHaveLength(1);
    expect(sent[0].sql).toContain('"submitted_at" = $3, "submit_idempotency_key" = $4 where "id" = $5');
    expect(sent[0].params).toEqual([
      'submitted',
      now,
      now,
      'key-12345678',
      'app-1',
      'app-1',
      'draft',
      'submitted',
      'user-1',
      null,
    ]);
  });
});

import { Client } from 'pg';
import { MILESTONE_STATES, milestoneStatus } from '@vgbf/milestones';
import { createDatabaseFromTemplate, dropDatabase } from '../support/databases';
import { serviceUrls } from '../support/env';
import { uniqueName } from '../support/test-app';

/**
 * Milestones' status rule is one SQL function milestones own (migration MilestoneStatusFunction):
 * reports call it instead of importing milestones' code. It says what the TypeScript rule says for every
 * state and every due date around today, and PostgreSQL inlines it (a plan shows the CASE, not a call).
 */
describe('milestone_status(state, due_on, today)', () => {
  const { databaseUrl: serverUrl } = serviceUrls();
  const name = uniqueName();
  let db: Client;

  beforeAll(async () => {
    db = new Client({ connectionString: await createDatabaseFromTemplate(serverUrl, name) });
    await db.connect();
  });

  afterAll(async () => {
    await db.end();
    await dropDatabase(serverUrl, name);
  });

  it('gives the status milestoneStatus gives, for every state and due date from 10 days before today to 10 after', async () => {
    const today = '2027-03-15';
    const cases = MILESTONE_STATES.flatMap((state) =>
      Array.from({ length: 21 }, (_, i) => {
        const due = new Date(Date.parse(`${today}T00:00:00Z`) + (i - 10) * 86_400_000).toISOString().slice(0, 10);
        return { state, due };
      }),
    );
    const { rows } = await db.query<{ state: string; due: string; status: string }>(
      `SELECT c.state, c.due, milestone_status(c.state, c.due::date, $2::date) AS status
         FROM jsonb_to_recordset($1::jsonb) AS c(state text, due text)`,
      [JSON.stringify(cases), today],
    );

    expect(rows).toHaveLength(cases.length);
    expect(rows.filter((r) => r.status !== milestoneStatus(r.state as never, r.due, today))).toEqual([]);
    expect(new Set(rows.map((r) => r.status))).toEqual(
      new Set(['overdue', 'due_soon', 'upcoming', 'submitted', 'changes_requested', 'approved', 'waived']),
    );
  });

  it('is inlined into the query that calls it', async () => {
    const { rows } = await db.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN (VERBOSE) SELECT milestone_status(m.state, m.due_on, '2027-03-15'::date) FROM milestones m`,
    );
    const plan = rows.map((r) => r['QUERY PLAN']).join('\n');

    expect(plan).toContain('CASE');
    expect(plan).not.toContain('milestone_status');
  });
});

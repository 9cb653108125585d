import { randomUUID } from 'node:crypto';
import { dataSourceOptions } from '@vgbf/database';
import { DataSource } from 'typeorm';
import { ENTITIES } from '../../apps/api/src/entities';
import { createDatabaseFromTemplate, dropDatabase } from '../support/databases';
import { serviceUrls } from '../support/env';
import { uniqueName } from '../support/test-app';

const MIGRATION = 'ReminderLog1796731500000';

describe('ReminderLog migration', () => {
  const { databaseUrl: serverUrl } = serviceUrls();
  const name = uniqueName();
  let db: DataSource;

  beforeAll(async () => {
    const url = await createDatabaseFromTemplate(serverUrl, name);
    db = new DataSource(dataSourceOptions({ DATABASE_URL: url, DATABASE_POOL_SIZE: 2 }, ENTITIES));
    await db.initialize();
  });
  afterAll(async () => {
    await db?.destroy();
    await dropDatabase(serverUrl, name);
  });

  const applied = async () =>
    (await db.query<Array<{ name: string }>>(`SELECT name FROM migrations`)).map((m) => m.name);

  it('moves the old tables’ sent rows into reminder_log under the pipeline’s key, and drops the old tables', async () => {
    // Back to just before the migration (undoing any later ones first), with old rows in the old tables.
    while ((await applied()).includes(MIGRATION)) await db.undoLastMigration({ transaction: 'each' });
    const [milestone, fellow, cohort, reviewer] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await db.query(
      `INSERT INTO milestone_reminders (milestone_id, step, due_on, recipient_id, delivery, created_at)
       VALUES ($1, 'before_7d', '2031-03-14', $2, 'digest', '2031-03-07T01:00:00Z'),
              ($1, 'before_1d', '2031-03-14', $2, 'skipped', '2031-03-13T01:00:00Z')`,
      [milestone, fellow],
    );
    await db.query(
      `INSERT INTO review_reminders (cohort_id, reviewer_id, kind, created_at)
       VALUES ($1, $2, 'review_3d', '2031-04-27T02:00:00Z')`,
      [cohort, reviewer],
    );
    await db.runMigrations({ transaction: 'each' });
    expect(await applied()).toContain(MIGRATION);
    const rows = await db.query(
      `SELECT family, subject_id, step, to_char(due_on, 'YYYY-MM-DD') AS due_on, due_time, recipient_id, delivery
         FROM reminder_log ORDER BY id`,
    );
    expect(rows).toEqual([
      {
        family: 'milestones',
        subject_id: milestone,
        step: 'before_7d',
        due_on: '2031-03-14',
        due_time: '',
        recipient_id: fellow,
        delivery: 'digest',
      },
      {
        family: 'milestones',
        subject_id: milestone,
        step: 'before_1d',
        due_on: '2031-03-14',
        due_time: '',
        recipient_id: fellow,
        delivery: 'skipped',
      },
      // No review round left: the day it was sent stands for the deadline's day.
      {
        family: 'reviews',
        subject_id: cohort,
        step: 'review_3d',
        due_on: '2031-04-27',
        due_time: '',
        recipient_id: reviewer,
        delivery: 'sent',
      },
    ]);
    const old = await db.query<Array<{ name: string | null }>>(
      `SELECT to_regclass('milestone_reminders')::text AS name UNION ALL SELECT to_regclass('review_reminders')::text
       UNION ALL SELECT to_regclass('application_reminders')::text UNION ALL SELECT to_regclass('mentoring_reminders')::text`,
    );
    expect(old).toEqual([{ name: null }, { name: null }, { name: null }, { name: null }]);
  });
});

import { DataSource } from 'typeorm';
import { ENTITIES } from '../../apps/api/src/entities';
import { createDatabaseFromTemplate, dropDatabase } from '../support/databases';
import { serviceUrls } from '../support/env';
import { uniqueName } from '../support/test-app';
import { dataSourceOptions, runQuery, runQueryFirst, typedSql } from '@vgbf/database';

describe('typedSql', () => {
  const { databaseUrl: serverUrl } = serviceUrls();
  const name = uniqueName();
  let dataSource: DataSource;

  beforeAll(async () => {
    const url = await createDatabaseFromTemplate(serverUrl, name);
    dataSource = new DataSource(dataSourceOptions({ DATABASE_URL: url, DATABASE_POOL_SIZE: 2 }, ENTITIES));
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await dropDatabase(serverUrl, name);
  });

  const insertRun = (jobName: string) =>
    typedSql
      .insertInto('scheduled_job_runs')
      .values({ job_name: jobName, period: new Date('2027-01-01T00:00:00Z') })
      .returning(['id', 'job_name', 'period', 'attempts']);

  it('compiles to parameterised SQL (no values inlined)', () => {
    const compiled = typedSql.selectFrom('users').select(['id']).where('email_normalized', '=', "x' OR 1=1").compile();
    expect(compiled.sql).toBe('select "id" from "users" where "email_normalized" = $1');
    expect(compiled.parameters).toEqual(["x' OR 1=1"]);
  });

  it('runs on the caller’s transaction: its write is seen inside and gone after a rollback', async () => {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      const [row] = await runQuery(runner.manager, insertRun('typed-sql-rollback'));
      expect(row).toMatchObject({ job_name: 'typed-sql-rollback', attempts: 1 });
      expect(row?.period).toBeInstanceOf(Date);
      const seen = await runQueryFirst(
        runner.manager,
        typedSql.selectFrom('scheduled_job_runs').select('job_name').where('id', '=', row.id),
      );
      expect(seen?.job_name).toBe('typed-sql-rollback');
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
    const after = await runQuery(
      dataSource.manager,
      typedSql.selectFrom('scheduled_job_runs').select('id').where('job_name', '=', 'typed-sql-rollback'),
    );
    expect(after).toEqual([]);
  });

  it('returns the rows of UPDATE … RETURNING and DELETE … RETURNING, not the driver’s [rows, count]', async () => {
    const [row] = await runQuery(dataSource.manager, insertRun('typed-sql-update'));
    const updated = await runQuery(
      dataSource.manager,
      typedSql
        .updateTable('scheduled_job_runs')
        .set({ attempts: 2 })
        .where('id', '=', row.id)
        .returning(['id', 'attempts']),
    );
    expect(updated).toEqual([{ id: row.id, attempts: 2 }]);
    const deleted = await runQuery(
      dataSource.manager,
      typedSql.deleteFrom('scheduled_job_runs').where('id', '=', row.id).returning('id'),
    );
    expect(deleted).toEqual([{ id: row.id }]);
  });
});

import { dataSourceOptions } from '@vgbf/database';
import { DataSource } from 'typeorm';
import { ENTITIES } from '../../apps/api/src/entities';
import { createDatabaseFromTemplate, dropDatabase } from '../support/databases';
import { serviceUrls } from '../support/env';
import { uniqueName } from '../support/test-app';

describe('Database migrations', () => {
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

  it('agree with the entities: generating a migration now would produce nothing', async () => {
    const pending = await dataSource.driver.createSchemaBuilder().log();
    const statements = pending.upQueries.map((q) => q.query);
    // A failure lists the SQL a new migration needs: run `npm run migration:generate -- libs/database/src/migrations/<Name>`.
    expect(statements).toEqual([]);
  });

  it('are all applied in the template every test database starts from', async () => {
    expect(await dataSource.showMigrations()).toBe(false);
  });

  it('revert completely and apply again', async () => {
    const count = dataSource.migrations.length;
    for (let i = 0; i < count; i++) await dataSource.undoLastMigration({ transaction: 'each' });
    const applied = await dataSource.query<Array<{ n: string }>>('SELECT count(*) AS n FROM migrations');
    expect(Number(applied[0]?.n)).toBe(0);
    await dataSource.runMigrations({ transaction: 'each' });
    expect((await dataSource.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
  });
});

import { sql } from 'kysely';
import { type EntityManager, QueryFailedError } from 'typeorm';
import { preparedQuery, type QueryArg, statementName, typedSql } from './typed-sql';
import { statementRecorder } from './statement-recorder';

const sessionsOf = (userId: string, after: Date) =>
  typedSql
    .selectFrom('sessions')
    .select(['id'])
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', after)
    .limit(5);

describe(preparedQuery.name, () => {
  it('sends the SQL a fresh build compiles, with each call’s own values in their places', async () => {
    const prepared = preparedQuery((arg: QueryArg<{ userId: string; after: Date }>) =>
      sessionsOf(arg('userId'), arg('after')),
    );
    for (const [userId, after] of [
      ['u-1', new Date('2027-01-01T00:00:00Z')],
      ['u-2', new Date('2027-06-01T00:00:00Z')],
    ] as const) {
      const { manager, sent } = statementRecorder();
      await prepared(manager, { userId, after });
      const fresh = sessionsOf(userId, after).compile();
      expect(sent).toEqual([{ sql: fresh.sql, params: [...fresh.parameters] }]);
    }
  });

  it('runs as a named prepared statement, one name per SQL text', async () => {
    const given: unknown[] = [];
    const manager = {
      query: (query: unknown) => {
        given.push(query);
        return Promise.resolve([]);
      },
    } as unknown as EntityManager;
    const byUser = preparedQuery((arg: QueryArg<{ userId: string; after: Date }>) =>
      sessionsOf(arg('userId'), arg('after')),
    );
    const sameText = preparedQuery((arg: QueryArg<{ userId: string; after: Date }>) =>
      sessionsOf(arg('userId'), arg('after')),
    );
    const other = preparedQuery((arg: QueryArg<{ userId: string }>) =>
      typedSql.selectFrom('sessions').select(['id']).where('user_id', '=', arg('userId')),
    );
    await byUser(manager, { userId: 'u-1', after: new Date() });
    await byUser(manager, { userId: 'u-2', after: new Date() });
    await sameText(manager, { userId: 'u-3', after: new Date() });
    await other(manager, { userId: 'u-1' });
    const text = sessionsOf('u', new Date()).compile().sql;
    expect(given[0]).toEqual({ name: statementName(text), text });
    expect(given[1]).toEqual(given[0]);
    expect(given[2]).toEqual(given[0]);
    expect((given[3] as { name: string }).name).not.toBe((given[0] as { name: string }).name);
    expect((given[0] as { name: string }).name).toMatch(/^vgbf_[0-9a-f]{32}$/);
  });

  it("runs on the transaction's pg client, or the pool without one, and fails as TypeORM's runner does", async () => {
    const byUser = preparedQuery((arg: QueryArg<{ userId: string }>) =>
      typedSql.selectFrom('sessions').select(['id']).where('user_id', '=', arg('userId')),
    );
    const text = typedSql.selectFrom('sessions').select(['id']).where('user_id', '=', 'u').compile().sql;
    const calls: unknown[] = [];
    const pg = (answer: () => Promise<{ rows: unknown[] }>) => ({
      query: (config: unknown) => {
        calls.push(config);
        return answer();
      },
    });
    const postgres = { options: { type: 'postgres' } };
    const client = pg(() => Promise.resolve({ rows: [{ id: 's-1' }] }));
    const inTransaction = {
      queryRunner: { isReleased: false, driver: postgres, databaseConnection: client },
    } as unknown as EntityManager;
    expect(await byUser(inTransaction, { userId: 'u-1' })).toEqual([{ id: 's-1' }]);
    expect(calls).toEqual([{ name: statementName(text), text, values: ['u-1'] }]);

    const pool = pg(() => Promise.resolve({ rows: [{ id: 's-2' }] }));
    const pooled = { dataSource: { driver: { ...postgres, master: pool } } } as unknown as EntityManager;
    expect(await byUser(pooled, { userId: 'u-2' })).toEqual([{ id: 's-2' }]);

    const deadlock = Object.assign(new Error('deadlock detected'), { code: '40P01' });
    const failing = {
      queryRunner: { isReleased: false, driver: postgres, databaseConnection: pg(() => Promise.reject(deadlock)) },
    } as unknown as EntityManager;
    const error = await byUser(failing, { userId: 'u-3' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueryFailedError);
    expect((error as QueryFailedError).driverError).toBe(deadlock);

    // A released runner is not used behind TypeORM's back: manager.query decides (and refuses).
    const released = {
      queryRunner: { isReleased: true, driver: postgres, databaseConnection: client },
      query: () => Promise.reject(new Error('released')),
    } as unknown as EntityManager;
    await expect(byUser(released, { userId: 'u-4' })).rejects.toThrow('released');
    expect(calls).toHaveLength(3);
  });

  it('refuses, when built, an argument used as a name or leaking into the SQL text', () => {
    expect(() =>
      preparedQuery((arg: QueryArg<{ column: string }>) =>
        typedSql
          .selectFrom('sessions')
          .select(['id'])
          .where(sql.ref(arg('column')), '=', 1),
      ),
    ).toThrow(/parameters only/);
    expect(() =>
      preparedQuery((arg: QueryArg<{ table: string }>) =>
        typedSql
          .selectFrom('sessions')
          .select(['id'])
          .where(sql.raw(`${String(arg('table'))}.id`), '=', 1),
      ),
    ).toThrow(/parameters only/);
  });
});

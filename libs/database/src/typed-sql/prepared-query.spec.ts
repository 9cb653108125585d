import { sql } from 'kysely';
import { preparedQuery, type QueryArg, typedSql } from './typed-sql';
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

import { sql } from 'kysely';
import { preparedQuery } from './prepared-query';
import { typedSql } from './typed-sql';

const sessionsOf = (userId: string, after: Date) =>
  typedSql
    .selectFrom('sessions')
    .select(['id'])
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', after)
    .limit(5);

describe(preparedQuery.name, () => {
  it('sends the SQL a fresh build compiles, with each call’s own values in their places', () => {
    const prepared = preparedQuery(sessionsOf);
    for (const [user, at] of [
      ['u-1', new Date('2027-01-01T00:00:00Z')],
      ['u-2', new Date('2027-06-01T00:00:00Z')],
    ] as const) {
      const fresh = sessionsOf(user, at).compile();
      expect(prepared.compile(user, at)).toEqual({ sql: fresh.sql, parameters: [...fresh.parameters] });
    }
  });

  it('refuses an argument that is not a plain parameter of the query (a name, or unused)', () => {
    const byName = preparedQuery((column: string) =>
      typedSql.selectFrom('sessions').select(['id']).where(sql.ref(column), '=', 1),
    );
    expect(() => byName.compile('user_id')).toThrow(/not plain parameters/);
    const unused = preparedQuery((_userId: string) => typedSql.selectFrom('sessions').select(['id']));
    expect(() => unused.compile('u-1')).toThrow(/not plain parameters/);
  });
});

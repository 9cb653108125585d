import { runQueryFirst, typedSql } from '@vgbf/database';
import { sql } from 'kysely';
import type { EntityManager } from 'typeorm';

/** `before` minus `days` days, in SQL. */
const daysBefore = (before: Date, days: number) => sql<Date>`${before}::timestamptz - make_interval(days => ${days})`;

/**
 * Deletes the sign-in sessions and one-time tokens dead (revoked/used or expired) for more than `days`
 * days before `before`, and says how many of each. Deleting twice deletes nothing more.
 */
export async function purgeDeadAuth(
  manager: EntityManager,
  before: Date,
  days: number,
): Promise<{ sessions: number; userTokens: number }> {
  const cutoff = daysBefore(before, days);
  const row = await runQueryFirst(
    manager,
    typedSql
      .with('s', (db) =>
        db
          .deleteFrom('sessions')
          .where((eb) => eb.or([eb('revoked_at', '<', cutoff), eb('expires_at', '<', cutoff)]))
          .returning('id'),
      )
      .with('t', (db) =>
        db
          .deleteFrom('user_tokens')
          .where((eb) => eb.or([eb('used_at', '<', cutoff), eb('expires_at', '<', cutoff)]))
          .returning('id'),
      )
      .selectNoFrom((eb) => [
        eb
          .selectFrom('s')
          .select((e) => e.fn.countAll<string>().as('n'))
          .as('sessions'),
        eb
          .selectFrom('t')
          .select((e) => e.fn.countAll<string>().as('n'))
          .as('user_tokens'),
      ]),
  );
  return { sessions: Number(row?.sessions ?? 0), userTokens: Number(row?.user_tokens ?? 0) };
}

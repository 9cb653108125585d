import { runQueryFirst, typedSql } from '@vgbf/database';
import { sql } from 'kysely';
import type { EntityManager } from 'typeorm';

/** How many active fellows are placed at the hub, leaving one fellow out. */
export async function placedAtHub(manager: EntityManager, hubId: string, exceptFellowId: string): Promise<number> {
  const row = await runQueryFirst(
    manager,
    typedSql
      .selectFrom('active_fellows_v')
      .select(sql<number>`count(*)::int`.as('placed'))
      .where('hub_id', '=', hubId)
      .where('id', '<>', exceptFellowId),
  );
  return row?.placed ?? 0;
}

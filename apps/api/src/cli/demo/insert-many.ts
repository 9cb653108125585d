import type { EntityManager, ObjectLiteral } from 'typeorm';

const CHUNK = 500;

/**
 * Multi-row INSERTs, a few hundred rows each (PostgreSQL takes at most 65,535 parameters a statement).
 * `returning` names properties; the rows returned are keyed by column name (applicantId → applicant_id).
 */
export async function insertMany(
  manager: EntityManager,
  entity: Function,
  rows: ObjectLiteral[],
  returning: string[],
): Promise<Array<Record<string, string>>> {
  const out: Array<Record<string, string>> = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(entity)
      .values(rows.slice(i, i + CHUNK))
      .returning(returning)
      .execute();
    out.push(...(result.raw as Array<Record<string, string>>));
  }
  return out;
}

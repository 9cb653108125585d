import { runQuery, typedSql } from '@vgbf/database';
import { type TransferRegister, countryOfTimeZone, isAbroad } from '@vgbf/personal-data';
import type { DataSource } from 'typeorm';

// The same categories placement and mentoring record when they confirm a placement or approve a pairing.
const PLACEMENT = ['identity', 'contact', 'enterprise', 'application_content', 'programme'] as const;
const PAIRING = ['identity', 'contact', 'enterprise', 'programme', 'mentoring_notes'] as const;

/**
 * The demo's transfer register: a row for each placement with a hub abroad and each pairing with a
 * mentor abroad of the cohort, as the placement's confirmation and the matching's approval record them
 * (the seed writes those rows in bulk, so it records their transfers itself, once they are committed).
 * Recording the same placement or pairing again is a no-op. Returns how many were abroad.
 */
export async function recordDemoTransfers(
  db: DataSource,
  transfers: TransferRegister,
  cohortId: string,
): Promise<number> {
  const placed = await runQuery(
    db.manager,
    typedSql
      .selectFrom('fellows as f')
      .innerJoin('hubs as h', 'h.id', 'f.hub_id')
      .select(['f.id', 'f.user_id', 'h.id as hub_id', 'h.name', 'h.city', 'h.time_zone'])
      .where('f.cohort_id', '=', cohortId)
      .orderBy('f.id'),
  );
  const paired = await runQuery(
    db.manager,
    typedSql
      .selectFrom('pairings as p')
      .innerJoin('fellows as f', 'f.id', 'p.fellow_id')
      .innerJoin('mentor_profiles as m', 'm.user_id', 'p.mentor_id')
      .innerJoin('user_contacts_v as u', 'u.id', 'p.mentor_id')
      .select(['p.id', 'f.user_id', 'u.full_name', 'm.organisation', 'm.time_zone'])
      .where('p.cohort_id', '=', cohortId)
      .orderBy('p.id'),
  );
  let abroad = 0;
  for (const f of placed.filter((x) => isAbroad(x.time_zone))) {
    abroad += 1;
    await transfers.record({
      subjectUserId: f.user_id,
      cohortId,
      sourceKind: 'placement',
      sourceId: `${f.id}:${f.hub_id}`,
      recipientKind: 'hub',
      recipientName: `${f.name} (${f.city})`,
      country: countryOfTimeZone(f.time_zone) ?? 'ZZ',
      categories: PLACEMENT,
      basis: 'consent',
    });
  }
  for (const p of paired.filter((x) => isAbroad(x.time_zone))) {
    abroad += 1;
    const name = p.full_name ?? '—';
    await transfers.record({
      subjectUserId: p.user_id,
      cohortId,
      sourceKind: 'pairing',
      sourceId: p.id,
      recipientKind: 'mentor',
      recipientName: p.organisation ? `${name} (${p.organisation})` : name,
      country: countryOfTimeZone(p.time_zone) ?? 'ZZ',
      categories: PAIRING,
      basis: 'consent',
    });
  }
  return abroad;
}

import type { ApplicationStatus, Region } from './entities/application.entity';

export const ELIGIBILITIES = ['eligible', 'ineligible', 'unchecked'] as const;
export type Eligibility = (typeof ELIGIBILITIES)[number];

/** What staff can narrow a cohort's applications by: the list and the export take the same. */
export interface ApplicationFilters {
  cohortId: string;
  status?: ApplicationStatus;
  /** Ranked this hub (any rank). */
  hub?: string;
  sector?: string;
  region?: Region;
  eligibility?: Eligibility;
  /** Name or enterprise, diacritics ignored. */
  q?: string;
}

/** The text staff search: the applicant's name and the enterprise's, folded the same way as the query. */
export const SEARCH_DOCUMENT = `vgbf_fold(coalesce(a.personal->>'fullName', '') || ' ' || coalesce(a.enterprise->>'name', ''))`;

/**
 * Eligibility is checked at submit: a submitted application not ruled ineligible passed the rules;
 * one never submitted has not been checked yet.
 */
const ELIGIBILITY_CONDITION: Record<Eligibility, string> = {
  eligible: `a.submitted_at IS NOT NULL AND a.status <> 'ineligible'`,
  ineligible: `a.status = 'ineligible'`,
  unchecked: `a.submitted_at IS NULL`,
};

/** The eligibility of row `a` as a value, agreeing with the filter above. */
export const ELIGIBILITY_OF = `CASE WHEN ${ELIGIBILITY_CONDITION.ineligible} THEN 'ineligible' WHEN ${ELIGIBILITY_CONDITION.unchecked} THEN 'unchecked' ELSE 'eligible' END`;

/** The staff list's order (newest submissions first, drafts last); the export keeps it. */
export const STAFF_ORDER = 'a.submitted_at DESC NULLS LAST, a.created_at DESC, a.id';

export interface SqlCondition {
  /** A WHERE condition over `applications a`, with $1…$n placeholders. */
  where: string;
  params: unknown[];
}

/** The one translation of staff filters to SQL, so the list and the export select the same rows. */
export function applicationFilters(filters: ApplicationFilters): SqlCondition {
  const where = ['a.cohort_id = $1'];
  const params: unknown[] = [filters.cohortId];
  const add = (sql: string, value: unknown): void => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (filters.status) add('a.status = ?', filters.status);
  if (filters.hub) add('? = ANY(a.hub_preferences)', filters.hub);
  if (filters.sector) add(`a.enterprise->>'sector' = ?`, filters.sector);
  if (filters.region) add('a.region = ?', filters.region);
  if (filters.eligibility) where.push(`(${ELIGIBILITY_CONDITION[filters.eligibility]})`);
  const q = filters.q?.trim();
  if (q) add(`${SEARCH_DOCUMENT} LIKE '%' || vgbf_fold(?) || '%'`, q.replace(/[%_\\]/g, '\\$&'));
  return { where: where.join(' AND '), params };
}

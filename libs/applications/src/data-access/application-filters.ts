import type { Database } from '@vgbf/database';
import { type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { ApplicationStatus, Region } from '../entities/application.entity';

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

/** Expressions over `applications a`. */
export type ApplicationsA = ExpressionBuilder<Database & { a: Database['applications'] }, 'a'>;

/** `a.<column>->>'<key>'`: one text field of a jsonb column, the key a literal (as the search index has it). */
export const field = (
  eb: ApplicationsA,
  column: 'a.personal' | 'a.enterprise',
  key: string,
): RawBuilder<string | null> => sql<string | null>`${eb.ref(column)}->>${sql.lit(key)}`;

/**
 * The text staff search: the applicant's name and the enterprise's, folded the same way as the query.
 * The very expression of the trigram index applications_search_idx (migration ApplicationSearch).
 */
export const searchDocument = (eb: ApplicationsA): RawBuilder<string> =>
  sql<string>`vgbf_fold(coalesce(${field(eb, 'a.personal', 'fullName')}, '') || ' ' || coalesce(${field(eb, 'a.enterprise', 'name')}, ''))`;

/**
 * Eligibility is checked at submit: a submitted application not ruled ineligible passed the rules;
 * one never submitted has not been checked yet.
 */
const ELIGIBILITY_CONDITION: Record<Eligibility, (eb: ApplicationsA) => Expression<SqlBool>> = {
  eligible: (eb) => eb.and([eb('a.submitted_at', 'is not', null), eb('a.status', '<>', sql.lit('ineligible'))]),
  ineligible: (eb) => eb('a.status', '=', sql.lit('ineligible')),
  unchecked: (eb) => eb('a.submitted_at', 'is', null),
};

/** The eligibility of row `a` as a value, agreeing with the filter above. */
export const eligibilityOf = (eb: ApplicationsA) =>
  eb
    .case()
    .when(ELIGIBILITY_CONDITION.ineligible(eb))
    .then(sql.lit<Eligibility>('ineligible'))
    .when(ELIGIBILITY_CONDITION.unchecked(eb))
    .then(sql.lit<Eligibility>('unchecked'))
    .else(sql.lit<Eligibility>('eligible'))
    .end();

/** The one translation of staff filters to SQL, so the list and the export select the same rows. */
export const applicationFilters =
  (filters: ApplicationFilters) =>
  (eb: ApplicationsA): Expression<SqlBool> => {
    const where: Array<Expression<SqlBool>> = [eb('a.cohort_id', '=', filters.cohortId)];
    if (filters.status) where.push(eb('a.status', '=', filters.status));
    if (filters.hub) where.push(sql<SqlBool>`${filters.hub} = ANY(${eb.ref('a.hub_preferences')})`);
    if (filters.sector) where.push(eb(field(eb, 'a.enterprise', 'sector'), '=', filters.sector));
    if (filters.region) where.push(eb('a.region', '=', filters.region));
    if (filters.eligibility) where.push(ELIGIBILITY_CONDITION[filters.eligibility](eb));
    const q = filters.q?.trim();
    if (q) {
      const search = q.replace(/[%_\\]/g, '\\$&');
      where.push(sql<SqlBool>`${searchDocument(eb)} LIKE '%' || vgbf_fold(${search}) || '%'`);
    }
    return eb.and(where);
  };

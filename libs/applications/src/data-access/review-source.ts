import { runQueryFirst, typedSql } from '@vgbf/database';
import { type Expression, sql } from 'kysely';
import type { EntityManager } from 'typeorm';
import type { ApplicantIdentity } from '../redaction';

/**
 * What a blind review may show of an application, before its free text is redacted: no name,
 * contact, referee, enterprise name, tax code or website — those are only in `ApplicantIdentity`.
 * Values are as stored (JSON), for the reader to check.
 */
export interface ReviewContent {
  applicationId: string;
  cohortId: string;
  region: string | null;
  hubPreferences: string[];
  languages: Record<string, unknown>;
  essays: { motivation: unknown; marketEntryPlan: unknown; ambassador: unknown };
  enterprise: {
    sector: unknown;
    foundingYear: unknown;
    employeesBand: unknown;
    revenueBand: unknown;
    exportMarkets: unknown;
  };
}

/** An application's reviewable content, and everything that would name its applicant (for the redaction). */
export interface BlindReviewSource {
  content: ReviewContent;
  identity: ApplicantIdentity;
}

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** `json -> 'key'`: one key of a jsonb column, as the JSON value it holds (the key is a constant). */
const key = (json: Expression<unknown>, name: string) => sql<unknown>`${json} -> ${sql.lit(name)}`;

/** The identifying parts of an application with its applicant's email (left join: the account may be gone). */
const identityRow = () =>
  typedSql
    .selectFrom('applications as a')
    .leftJoin('user_contacts_v as u', 'u.id', 'a.applicant_id')
    .select((eb) => [
      key(eb.ref('a.personal'), 'fullName').as('full_name'),
      key(eb.ref('a.personal'), 'phone').as('phone'),
      key(eb.ref('a.enterprise'), 'taxCode').as('tax_code'),
      key(eb.ref('a.enterprise'), 'name').as('enterprise_name'),
      key(eb.ref('a.enterprise'), 'website').as('website'),
      key(eb.ref('a.enterprise'), 'domain').as('domain'),
      'a.referees',
      'u.email',
    ]);

type IdentityRow = {
  full_name: unknown;
  phone: unknown;
  tax_code: unknown;
  enterprise_name: unknown;
  website: unknown;
  domain: unknown;
  referees: unknown;
  email: string | null;
};

function identityOf(row: IdentityRow): ApplicantIdentity {
  const referees = Array.isArray(row.referees) ? (row.referees as Array<Record<string, unknown>>) : [];
  return {
    fullName: str(row.full_name),
    email: row.email ?? null,
    phone: str(row.phone),
    taxCode: str(row.tax_code),
    enterpriseName: str(row.enterprise_name),
    websites: [str(row.website), str(row.domain)],
    referees: referees.map((r) => ({ name: str(r.name), email: str(r.email) })),
  };
}

/** Everything that would name an application's applicant, for the redaction of what reviewers read. */
export async function applicantIdentity(
  manager: EntityManager,
  applicationId: string,
): Promise<ApplicantIdentity | undefined> {
  const row = await runQueryFirst(manager, identityRow().where('a.id', '=', applicationId));
  return row && identityOf(row);
}

/**
 * An application as a blind review reads it: the content it may show and, apart, the identity its
 * free text is redacted against. Undefined for an unknown application.
 */
export async function blindReviewSource(
  manager: EntityManager,
  applicationId: string,
): Promise<BlindReviewSource | undefined> {
  const row = await runQueryFirst(
    manager,
    identityRow()
      .select((eb) => [
        'a.id',
        'a.cohort_id',
        'a.region',
        'a.hub_preferences',
        'a.languages',
        key(eb.ref('a.essays'), 'motivation').as('motivation'),
        key(eb.ref('a.essays'), 'marketEntryPlan').as('market_entry_plan'),
        key(eb.ref('a.essays'), 'ambassador').as('ambassador'),
        key(eb.ref('a.enterprise'), 'sector').as('sector'),
        key(eb.ref('a.enterprise'), 'foundingYear').as('founding_year'),
        key(eb.ref('a.enterprise'), 'employeesBand').as('employees_band'),
        key(eb.ref('a.enterprise'), 'revenueBand').as('revenue_band'),
        key(eb.ref('a.enterprise'), 'exportMarkets').as('export_markets'),
      ])
      .where('a.id', '=', applicationId),
  );
  if (!row) return undefined;
  return {
    identity: identityOf(row),
    content: {
      applicationId: row.id,
      cohortId: row.cohort_id,
      region: row.region,
      hubPreferences: row.hub_preferences,
      languages: (row.languages ?? {}) as Record<string, unknown>,
      essays: { motivation: row.motivation, marketEntryPlan: row.market_entry_plan, ambassador: row.ambassador },
      enterprise: {
        sector: row.sector,
        foundingYear: row.founding_year,
        employeesBand: row.employees_band,
        revenueBand: row.revenue_band,
        exportMarkets: row.export_markets,
      },
    },
  };
}

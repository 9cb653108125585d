import { type Database, runQuery, runQueryFirst, typedSql } from '@vgbf/database';
import { type Expression, type ExpressionBuilder, sql, type SqlBool } from 'kysely';
import type { EntityManager } from 'typeorm';
import type { MentorView } from '../mentors/dto/mentor.dto';
import type { MentorCsvRecord } from '../mentors/mentor-csv';

/** A profile's writable values, as stored (dates as YYYY-MM-DD). */
export interface ProfileValues {
  organisation: string | null;
  title: string | null;
  sectors: string[];
  expertise: string[];
  languages: string[];
  city: string | null;
  timeZone: string;
  capacity: number;
  availableFrom: string | null;
  availableTo: string | null;
  bio: string | null;
  active: boolean;
}

export const PROFILE_FIELDS = [
  'organisation',
  'title',
  'sectors',
  'expertise',
  'languages',
  'city',
  'timeZone',
  'capacity',
  'availableFrom',
  'availableTo',
  'bio',
  'active',
] as const satisfies ReadonlyArray<keyof ProfileValues>;

interface ProfileRow {
  organisation: string | null;
  title: string | null;
  sectors: string[];
  expertise: string[];
  languages: string[];
  city: string | null;
  time_zone: string;
  capacity: number;
  available_from: string | null;
  available_to: string | null;
  bio: string | null;
  active: boolean;
}

const profileColumns = [
  'p.organisation',
  'p.title',
  'p.sectors',
  'p.expertise',
  'p.languages',
  'p.city',
  'p.time_zone',
  'p.capacity',
  sql<string | null>`to_char(${sql.ref('p.available_from')}, 'YYYY-MM-DD')`.as('available_from'),
  sql<string | null>`to_char(${sql.ref('p.available_to')}, 'YYYY-MM-DD')`.as('available_to'),
  'p.bio',
  'p.active',
] as const;

const toValues = (r: ProfileRow): ProfileValues => ({
  organisation: r.organisation,
  title: r.title,
  sectors: r.sectors,
  expertise: r.expertise,
  languages: r.languages,
  city: r.city,
  timeZone: r.time_zone,
  capacity: r.capacity,
  availableFrom: r.available_from,
  availableTo: r.available_to,
  bio: r.bio,
  active: r.active,
});

/** The stored profile, locked for the caller's transaction when `lock`; null when there is none. */
export async function readProfile(manager: EntityManager, userId: string, lock = false): Promise<ProfileValues | null> {
  let query = typedSql.selectFrom('mentor_profiles as p').select(profileColumns).where('p.user_id', '=', userId);
  if (lock) query = query.forUpdate();
  const row = await runQueryFirst(manager, query);
  return row ? toValues(row) : null;
}

const columns = (v: ProfileValues) => ({
  organisation: v.organisation,
  title: v.title,
  sectors: v.sectors,
  expertise: v.expertise,
  languages: v.languages,
  city: v.city,
  time_zone: v.timeZone,
  capacity: v.capacity,
  available_from: v.availableFrom,
  available_to: v.availableTo,
  bio: v.bio,
  active: v.active,
});

export async function insertProfile(manager: EntityManager, userId: string, values: ProfileValues): Promise<void> {
  await runQuery(manager, typedSql.insertInto('mentor_profiles').values({ user_id: userId, ...columns(values) }));
}

export async function updateProfile(
  manager: EntityManager,
  userId: string,
  values: ProfileValues,
  at: Date,
): Promise<void> {
  await runQuery(
    manager,
    typedSql
      .updateTable('mentor_profiles')
      .set({ ...columns(values), updated_at: at })
      .where('user_id', '=', userId),
  );
}

/** The fields that differ, each with its old and new value, for the audit row (empty: nothing to write). */
export function profileChanges(
  before: ProfileValues,
  after: ProfileValues,
): { before: Partial<ProfileValues>; after: Partial<ProfileValues> } {
  const changed = PROFILE_FIELDS.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
  return {
    before: Object.fromEntries(changed.map((f) => [f, before[f]])),
    after: Object.fromEntries(changed.map((f) => [f, after[f]])),
  };
}

interface MentorRow extends ProfileRow {
  user_id: string;
  email: string;
  full_name: string;
  language: MentorView['language'];
  invitation_pending: boolean;
  active_pairings: number;
  created_at: Date;
  updated_at: Date;
}

/** The tables a mentor's row is read from: `p` mentor_profiles, `u` user_contacts_v, `a` user_accounts_v. */
export type MentorTables = ExpressionBuilder<
  Database & { p: Database['mentor_profiles']; u: Database['user_contacts_v']; a: Database['user_accounts_v'] },
  'p' | 'u' | 'a'
>;

/** One mentor as staff see them: account, profile and how many fellows they mentor now. */
const mentors = () =>
  typedSql
    .selectFrom('mentor_profiles as p')
    .innerJoin('user_contacts_v as u', 'u.id', 'p.user_id')
    .innerJoin('user_accounts_v as a', 'a.id', 'p.user_id')
    .select((eb) => [
      'p.user_id',
      'u.email',
      'u.full_name',
      'u.language',
      eb.not('a.has_password').$castTo<boolean>().as('invitation_pending'),
      ...profileColumns,
      eb
        .selectFrom('pairings as pr')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('pr.mentor_id', '=', 'p.user_id')
        .where('pr.status', '=', 'active')
        .$asScalar()
        .$castTo<number>()
        .as('active_pairings'),
      'p.created_at',
      'p.updated_at',
    ])
    .$castTo<MentorRow>();

export const toMentorView = (r: MentorRow): MentorView => ({
  userId: r.user_id,
  email: r.email,
  fullName: r.full_name,
  language: r.language,
  invitationPending: r.invitation_pending,
  ...toValues(r),
  activePairings: r.active_pairings,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

/** `vgbf_fold(text) LIKE '%' || vgbf_fold(search) || '%'`: the search (LIKE-escaped) anywhere in the text, accents and case ignored. */
export const foldedContains = (text: Expression<string | null>, search: string) =>
  sql<SqlBool>`vgbf_fold(${text}) LIKE '%' || vgbf_fold(${search.replace(/[%_\\]/g, '\\$&')}) || '%'`;

/** The mentors matching the condition, by name. */
export async function mentorViews(
  manager: EntityManager,
  where: (eb: MentorTables) => Expression<SqlBool>,
): Promise<MentorView[]> {
  const rows = await runQuery(
    manager,
    mentors().where(where).orderBy('u.full_name').orderBy('u.email').orderBy('p.user_id'),
  );
  return rows.map(toMentorView);
}

/** Every mentor with a profile, by name: the columns of the import. */
export function mentorCsvRecords(manager: EntityManager): Promise<MentorCsvRecord[]> {
  return runQuery(
    manager,
    typedSql
      .selectFrom('mentor_profiles as p')
      .innerJoin('user_contacts_v as u', 'u.id', 'p.user_id')
      .select([
        'u.email',
        'u.full_name as fullName',
        'u.language',
        'p.organisation',
        'p.title',
        'p.sectors',
        'p.expertise',
        'p.languages',
        'p.city',
        'p.time_zone as timeZone',
        'p.capacity',
        sql<string | null>`to_char(${sql.ref('p.available_from')}, 'YYYY-MM-DD')`.as('availableFrom'),
        sql<string | null>`to_char(${sql.ref('p.available_to')}, 'YYYY-MM-DD')`.as('availableTo'),
      ])
      .orderBy('u.full_name')
      .orderBy('u.email')
      .$castTo<MentorCsvRecord>(),
  );
}

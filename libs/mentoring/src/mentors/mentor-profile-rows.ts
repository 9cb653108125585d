import type { EntityManager } from 'typeorm';
import type { MentorView } from './dto/mentor.dto';

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

const PROFILE_COLUMNS = `p.organisation, p.title, p.sectors, p.expertise, p.languages, p.city, p.time_zone, p.capacity,
       to_char(p.available_from, 'YYYY-MM-DD') AS available_from, to_char(p.available_to, 'YYYY-MM-DD') AS available_to,
       p.bio, p.active`;

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
  const [row] = await manager.query<ProfileRow[]>(
    `SELECT ${PROFILE_COLUMNS} FROM mentor_profiles p WHERE p.user_id = $1${lock ? ' FOR UPDATE' : ''}`,
    [userId],
  );
  return row ? toValues(row) : null;
}

const params = (v: ProfileValues): unknown[] => [
  v.organisation,
  v.title,
  v.sectors,
  v.expertise,
  v.languages,
  v.city,
  v.timeZone,
  v.capacity,
  v.availableFrom,
  v.availableTo,
  v.bio,
  v.active,
];

export async function insertProfile(manager: EntityManager, userId: string, values: ProfileValues): Promise<void> {
  await manager.query(
    `INSERT INTO mentor_profiles (user_id, organisation, title, sectors, expertise, languages, city, time_zone, capacity,
                                  available_from, available_to, bio, active)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [userId, ...params(values)],
  );
}

export async function updateProfile(
  manager: EntityManager,
  userId: string,
  values: ProfileValues,
  at: Date,
): Promise<void> {
  await manager.query(
    `UPDATE mentor_profiles
        SET organisation = $2, title = $3, sectors = $4, expertise = $5, languages = $6, city = $7, time_zone = $8,
            capacity = $9, available_from = $10, available_to = $11, bio = $12, active = $13, updated_at = $14
      WHERE user_id = $1`,
    [userId, ...params(values), at],
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

/** One mentor as staff see them: account, profile and how many fellows they mentor now. */
export const MENTOR_SQL = `
  SELECT p.user_id, u.email, u.full_name, u.language, NOT a.has_password AS invitation_pending,
         ${PROFILE_COLUMNS},
         (SELECT count(*)::int FROM pairings pr WHERE pr.mentor_id = p.user_id AND pr.status = 'active') AS active_pairings,
         p.created_at, p.updated_at
    FROM mentor_profiles p
    JOIN user_contacts_v u ON u.id = p.user_id
    JOIN user_accounts_v a ON a.id = p.user_id`;

export const MENTOR_ORDER = 'ORDER BY u.full_name, u.email, p.user_id';

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

export async function mentorViews(manager: EntityManager, where: string, args: unknown[]): Promise<MentorView[]> {
  const rows = await manager.query<MentorRow[]>(`${MENTOR_SQL} WHERE ${where} ${MENTOR_ORDER}`, args);
  return rows.map(toMentorView);
}

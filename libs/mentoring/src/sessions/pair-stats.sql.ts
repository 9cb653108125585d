import { relation, statement } from '@vgbf/database';
import { type RawBuilder, sql } from 'kysely';
import type { MatchReason } from '@vgbf/solvers';
import type { PairingStatus } from '../entities/pairing.entity';
import type { PairView } from './pair.dto';

const p = relation('pairings', 'p');
const pairs = relation('pairings', 'pairs');
const s = relation('mentoring_sessions', 's');
const f = relation('fellows_v', 'f');
const fu = relation('user_contacts_v', 'fu');
const h = relation('hubs_v', 'h');
const m = relation('user_contacts_v', 'm');
const mp = relation('mentor_profiles', 'mp');

/** Which pairs: a caller's own (as mentor or fellow), a cohort's, or one. */
export type PairsFilter = { mineOf: string } | { cohortId: string } | { pairingId: string };

const where = (filter: PairsFilter): RawBuilder<boolean> =>
  'mineOf' in filter
    ? sql<boolean>`(${p('mentor_id')} = ${filter.mineOf} OR ${f('user_id')} = ${filter.mineOf})`
    : 'cohortId' in filter
      ? sql<boolean>`${p('cohort_id')} = ${filter.cohortId}`
      : sql<boolean>`${p('id')} = ${filter.pairingId}`;

/**
 * Pairs with their mentoring stats, in one query: the pairs chosen by `filter`, each with its sessions
 * aggregated once, and the totals over all of them as window sums on every row (so a cohort's
 * dashboard is one round trip). `timeZone` is the programme's (whose calendar month is "this month"),
 * `viewer` the caller (each pair says whether they see it as its mentor, its fellow or staff). Every
 * column through `relation`, so renaming one fails the build.
 */
export function pairsWithStats(filter: PairsFilter, timeZone: string, now: Date, viewer: string) {
  return statement(sql<PairStatsRow>`
  WITH pairs AS (
    SELECT ${p('id')}, ${p('cohort_id')}, ${p('status')}, ${p('created_at')}, ${p('ended_at')}, ${p('mentor_id')},
           ${p('fellow_id')}, ${p('reasons')},
           CASE WHEN ${p('mentor_id')} = ${viewer} THEN 'mentor' WHEN ${f('user_id')} = ${viewer} THEN 'fellow' ELSE 'staff' END AS viewed_as
      FROM ${p.table} JOIN ${f.table} ON ${f('id')} = ${p('fellow_id')}
     WHERE ${where(filter)}),
  stats AS (
    SELECT ${s('pairing_id')},
           count(*)::int AS sessions,
           count(*) FILTER (
             WHERE date_trunc('month', ${s('held_at')} AT TIME ZONE ${timeZone})
                 = date_trunc('month', ${now}::timestamptz AT TIME ZONE ${timeZone})
           )::int AS sessions_this_month,
           sum(${s('duration_minutes')})::int AS minutes,
           max(${s('held_at')}) AS last_session_at,
           count(${s('rating')})::int AS ratings,
           coalesce(sum(${s('rating')}), 0)::int AS rating_sum,
           count(*) FILTER (WHERE ${s('confirmed_at')} IS NULL)::int AS unconfirmed
      FROM ${s.table} JOIN pairs ON ${pairs('id')} = ${s('pairing_id')}
     GROUP BY ${s('pairing_id')})
  SELECT ${pairs('id')}, ${pairs('cohort_id')}, ${pairs('status')}, pairs.viewed_as, ${pairs('created_at')},
         ${pairs('ended_at')}, ${pairs('reasons')},
         ${f('id')} AS fellow_id, ${f('user_id')} AS fellow_user_id, ${f('full_name')} AS fellow_name,
         ${fu('email')} AS fellow_email, ${f('enterprise_name')}, ${f('sector')}, ${h('name')} AS hub_name,
         ${h('city')} AS hub_city,
         to_char(${f('start_date')}, 'YYYY-MM-DD') AS start_date, to_char(${f('end_date')}, 'YYYY-MM-DD') AS end_date,
         ${m('id')} AS mentor_user_id, ${m('full_name')} AS mentor_name, ${m('email')} AS mentor_email,
         ${mp('organisation')}, ${mp('city')} AS mentor_city, ${mp('time_zone')} AS mentor_time_zone,
         coalesce(st.sessions, 0) AS sessions,
         coalesce(st.sessions_this_month, 0) AS sessions_this_month,
         coalesce(st.minutes, 0) AS minutes,
         st.last_session_at,
         round(st.rating_sum::numeric / nullif(st.ratings, 0), 2)::float8 AS average_rating,
         coalesce(st.unconfirmed, 0) AS unconfirmed,
         count(*) OVER ()::int AS total_pairs,
         (count(*) FILTER (WHERE ${pairs('status')} = 'active') OVER ())::int AS total_active,
         coalesce(sum(st.sessions) OVER (), 0)::int AS total_sessions,
         coalesce(sum(st.sessions_this_month) OVER (), 0)::int AS total_this_month,
         coalesce(sum(st.minutes) OVER (), 0)::int AS total_minutes,
         round(sum(st.rating_sum) OVER ()::numeric / nullif(sum(st.ratings) OVER (), 0), 2)::float8 AS total_average_rating,
         coalesce(sum(st.unconfirmed) OVER (), 0)::int AS total_unconfirmed
    FROM pairs
    JOIN ${f.table} ON ${f('id')} = ${pairs('fellow_id')}
    JOIN ${fu.table} ON ${fu('id')} = ${f('user_id')}
    LEFT JOIN ${h.table} ON ${h('id')} = ${f('hub_id')}
    JOIN ${m.table} ON ${m('id')} = ${pairs('mentor_id')}
    LEFT JOIN ${mp.table} ON ${mp('user_id')} = ${pairs('mentor_id')}
    LEFT JOIN stats st ON st.pairing_id = ${pairs('id')}
   ORDER BY ${pairs('status')}, ${f('full_name')}, ${pairs('id')}`);
}

export interface PairStatsRow {
  id: string;
  cohort_id: string;
  status: PairingStatus;
  viewed_as: 'mentor' | 'fellow' | 'staff';
  created_at: Date;
  ended_at: Date | null;
  reasons: MatchReason[];
  fellow_id: string;
  fellow_user_id: string;
  fellow_name: string;
  fellow_email: string;
  enterprise_name: string | null;
  sector: string | null;
  hub_name: string | null;
  hub_city: string | null;
  start_date: string;
  end_date: string;
  mentor_user_id: string;
  mentor_name: string;
  mentor_email: string;
  organisation: string | null;
  mentor_city: string | null;
  mentor_time_zone: string | null;
  sessions: number;
  sessions_this_month: number;
  minutes: number;
  last_session_at: Date | null;
  average_rating: number | null;
  unconfirmed: number;
  total_pairs: number;
  total_active: number;
  total_sessions: number;
  total_this_month: number;
  total_minutes: number;
  total_average_rating: number | null;
  total_unconfirmed: number;
}

export const hours = (minutes: number): number => Math.round((minutes / 60) * 100) / 100;

export const toPairView = (r: PairStatsRow): PairView => ({
  id: r.id,
  cohortId: r.cohort_id,
  status: r.status,
  viewedAs: r.viewed_as,
  pairedAt: r.created_at.toISOString(),
  endedAt: r.ended_at?.toISOString() ?? null,
  reasons: r.reasons,
  fellow: {
    id: r.fellow_id,
    userId: r.fellow_user_id,
    fullName: r.fellow_name,
    email: r.fellow_email,
    enterpriseName: r.enterprise_name,
    sector: r.sector,
    hub: r.hub_name,
    hubCity: r.hub_city,
    startDate: r.start_date,
    endDate: r.end_date,
  },
  mentor: {
    userId: r.mentor_user_id,
    fullName: r.mentor_name,
    email: r.mentor_email,
    organisation: r.organisation,
    city: r.mentor_city,
    timeZone: r.mentor_time_zone,
  },
  stats: {
    sessions: r.sessions,
    sessionsThisMonth: r.sessions_this_month,
    hours: hours(r.minutes),
    lastSessionAt: r.last_session_at?.toISOString() ?? null,
    averageRating: r.average_rating,
    unconfirmed: r.unconfirmed,
  },
});

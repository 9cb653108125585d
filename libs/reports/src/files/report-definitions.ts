import { PROGRAM_TIME_ZONE } from '@vgbf/core';
import type { ReportKind } from '../entities/report-job.entity';
import { milestoneStatusSql } from '@vgbf/milestones';
import { PROGRESS_SQL, type ProgressRow } from '../progress/progress.sql';
import type { ReportColumn } from './report-writers';

/** What a report reads (one SQL, read through a cursor) and the columns it writes. */
export interface ReportDefinition<Row = Record<string, unknown>> {
  sheet: string;
  sql: string;
  /** The SQL's parameters for one cohort; `progress` are PROGRESS_SQL's (only cohort_progress reads them). */
  params(cohortId: string, progress: unknown[]): unknown[];
  columns: Array<ReportColumn<Row>>;
}

const text = (v: unknown): string | null =>
  v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v);
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

export const progressColumns: Array<ReportColumn<ProgressRow>> = [
  { header: 'Fellow', width: 28, value: (r) => r.full_name },
  { header: 'Hub', value: (r) => r.hub },
  { header: 'Milestones', value: (r) => r.milestones },
  { header: 'Due to date', value: (r) => r.due },
  { header: 'Approved of due', value: (r) => r.approved_due },
  { header: '% approved', value: (r) => r.percent_approved },
  { header: 'Overdue', value: (r) => r.overdue },
  { header: 'Confirmed sessions', value: (r) => r.confirmed_sessions },
  { header: 'Days since last confirmed session', value: (r) => r.days_since_session },
  { header: 'Average rating', value: (r) => r.average_rating },
  { header: 'At-risk flags', width: 40, value: (r) => r.flags.map((f) => f.rule).join(', ') },
];

type Row = Record<string, unknown>;

export const REPORT_DEFINITIONS: Record<ReportKind, ReportDefinition> = {
  cohort_progress: {
    sheet: 'Progress',
    sql: PROGRESS_SQL,
    params: (_cohortId, progress) => progress,
    columns: progressColumns as unknown as Array<ReportColumn<Row>>,
  },
  mentoring_activity: {
    sheet: 'Sessions',
    sql: `SELECT f.full_name AS fellow, m.full_name AS mentor, to_char(s.held_at AT TIME ZONE $2, 'YYYY-MM-DD HH24:MI') AS held_at,
                 s.duration_minutes, s.mode, array_to_string(s.topics, ', ') AS topics,
                 CASE WHEN s.confirmed_at IS NULL THEN 'no' ELSE 'yes' END AS confirmed, s.rating
            FROM mentoring_sessions s JOIN pairings p ON p.id = s.pairing_id
            JOIN fellows f ON f.id = p.fellow_id JOIN users m ON m.id = p.mentor_id
           WHERE p.cohort_id = $1
           ORDER BY f.full_name, s.held_at, s.id`,
    params: (cohortId) => [cohortId, PROGRAM_TIME_ZONE],
    columns: [
      { header: 'Fellow', width: 28, value: (r) => text(r.fellow) },
      { header: 'Mentor', width: 28, value: (r) => text(r.mentor) },
      { header: 'Held at (GMT+7)', width: 18, value: (r) => text(r.held_at) },
      { header: 'Minutes', value: (r) => num(r.duration_minutes) },
      { header: 'Mode', value: (r) => text(r.mode) },
      { header: 'Topics', width: 30, value: (r) => text(r.topics) },
      { header: 'Confirmed', value: (r) => text(r.confirmed) },
      { header: 'Rating', value: (r) => num(r.rating) },
    ],
  },
  milestone_status: {
    sheet: 'Milestones',
    sql: `SELECT f.full_name AS fellow, m.code, m.title ->> 'en' AS title, to_char(m.due_on, 'YYYY-MM-DD') AS due_on,
                 m.state, ${milestoneStatusSql('m', '($3::timestamptz AT TIME ZONE $2)::date')} AS status,
                 to_char(m.approved_at AT TIME ZONE $2, 'YYYY-MM-DD') AS approved_on
            FROM milestones m JOIN fellows f ON f.id = m.fellow_id
           WHERE f.cohort_id = $1
           ORDER BY f.full_name, m.position, m.id`,
    params: (cohortId, progress) => [cohortId, PROGRAM_TIME_ZONE, progress[1]],
    columns: [
      { header: 'Fellow', width: 28, value: (r) => text(r.fellow) },
      { header: 'Code', value: (r) => text(r.code) },
      { header: 'Title', width: 30, value: (r) => text(r.title) },
      { header: 'Due on', value: (r) => text(r.due_on) },
      { header: 'State', value: (r) => text(r.state) },
      { header: 'Status today', value: (r) => text(r.status) },
      { header: 'Approved on', value: (r) => text(r.approved_on) },
    ],
  },
  selection_outcome: {
    sheet: 'Selection',
    sql: `SELECT a.personal ->> 'fullName' AS full_name, a.region, a.enterprise ->> 'sector' AS sector, a.status,
                 to_char(a.submitted_at AT TIME ZONE $2, 'YYYY-MM-DD') AS submitted_on,
                 CASE WHEN f.id IS NULL THEN 'no' ELSE 'yes' END AS fellow
            FROM applications a LEFT JOIN fellows f ON f.application_id = a.id
           WHERE a.cohort_id = $1 AND a.status <> 'draft'
           ORDER BY a.status, a.personal ->> 'fullName', a.id`,
    params: (cohortId) => [cohortId, PROGRAM_TIME_ZONE],
    columns: [
      { header: 'Applicant', width: 28, value: (r) => text(r.full_name) },
      { header: 'Region', value: (r) => text(r.region) },
      { header: 'Sector', value: (r) => text(r.sector) },
      { header: 'Status', value: (r) => text(r.status) },
      { header: 'Submitted on', value: (r) => text(r.submitted_on) },
      { header: 'Fellow', value: (r) => text(r.fellow) },
    ],
  },
};

/** "VGBF 2027" → "vgbf-2027": a file name part without diacritics or spaces. */
export function fileSlug(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'cohort';
}

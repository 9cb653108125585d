import { runQuery, runQueryFirst, typedSql } from '@vgbf/database';
import type { EntityManager } from 'typeorm';

/** An announcement with its cohort's name and its sender's name. */
export interface AnnouncementRow {
  id: string;
  cohort_id: string;
  cohort_name: string;
  audience: string;
  template: string;
  subject_vi: string;
  body_vi: string;
  subject_en: string;
  body_en: string;
  recipient_count: number;
  sender_name: string;
  created_at: Date;
}

export interface CohortHeader {
  id: string;
  name: string;
  application_closes_at: Date;
}

const announcements = () =>
  typedSql
    .selectFrom('announcements as a')
    .innerJoin('cohort_headers_v as c', 'c.id', 'a.cohort_id')
    .innerJoin('user_contacts_v as u', 'u.id', 'a.sent_by')
    .select([
      'a.id',
      'a.cohort_id',
      'c.name as cohort_name',
      'a.audience',
      'a.template',
      'a.subject_vi',
      'a.body_vi',
      'a.subject_en',
      'a.body_en',
      'a.recipient_count',
      'u.full_name as sender_name',
      'a.created_at',
    ])
    .$narrowType<{ cohort_name: string; sender_name: string }>();

export function announcementById(manager: EntityManager, id: string): Promise<AnnouncementRow | undefined> {
  return runQueryFirst(manager, announcements().where('a.id', '=', id));
}

/** Sent announcements, newest first (the latest 200), of one cohort or all. */
export function latestAnnouncements(manager: EntityManager, cohortId?: string): Promise<AnnouncementRow[]> {
  let query = announcements();
  if (cohortId) query = query.where('a.cohort_id', '=', cohortId);
  return runQuery(manager, query.orderBy('a.created_at', 'desc').orderBy('a.id').limit(200));
}

/** The announcements addressed to this person, newest first (the latest 50). */
export function announcementsTo(manager: EntityManager, userId: string): Promise<AnnouncementRow[]> {
  return runQuery(
    manager,
    announcements()
      .innerJoin('announcement_recipients as r', 'r.announcement_id', 'a.id')
      .where('r.user_id', '=', userId)
      .orderBy('a.created_at', 'desc')
      .orderBy('a.id')
      .limit(50),
  );
}

/** The announcement a retried request (same Idempotency-Key) already made, if any. */
export async function announcementIdFor(manager: EntityManager, idempotencyKey: string): Promise<string | undefined> {
  const row = await runQueryFirst(
    manager,
    typedSql.selectFrom('announcements').select('id').where('idempotency_key', '=', idempotencyKey),
  );
  return row?.id;
}

export function cohortHeader(manager: EntityManager, id: string): Promise<CohortHeader | undefined> {
  return runQueryFirst(
    manager,
    typedSql
      .selectFrom('cohort_headers_v')
      .select(['id', 'name', 'application_closes_at'])
      .where('id', '=', id)
      .$narrowType<CohortHeader>(),
  );
}

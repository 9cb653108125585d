import { runQuery, runQueryFirst, typedSql } from '@vgbf/database';
import type { ApplicationLanguages } from '@vgbf/fellows';
import type { Language } from '@vgbf/identity';
import { sql } from 'kysely';
import type { EntityManager } from 'typeorm';
import type { Offer } from '../offers/offer.entity';

export interface OfferRow {
  id: string;
  application_id: string;
  cohort_id: string;
  cohort_name: string;
  status: Offer['status'];
  expires_at: Date;
  responded_at: Date | null;
  created_at: Date;
}

/** An applicant's offers (or one of them), with the cohort's name, newest first. */
export function offersOfApplicant(manager: EntityManager, applicantId: string, offerId?: string): Promise<OfferRow[]> {
  let query = typedSql
    .selectFrom('offers as o')
    .innerJoin('application_review_v as a', 'a.id', 'o.application_id')
    .innerJoin('cohort_headers_v as c', 'c.id', 'o.cohort_id')
    .select([
      'o.id',
      'o.application_id',
      'o.cohort_id',
      'c.name as cohort_name',
      'o.status',
      'o.expires_at',
      'o.responded_at',
      'o.created_at',
    ])
    .where('a.applicant_id', '=', applicantId)
    .orderBy('o.created_at', 'desc')
    .$castTo<OfferRow>();
  if (offerId !== undefined) query = query.where('o.id', '=', offerId);
  return runQuery(manager, query);
}

export interface AdmissionRow {
  cohort_id: string;
  applicant_id: string;
  full_name: string;
  gender: string | null;
  province: string | null;
  region: string | null;
  enterprise_name: string | null;
  sector: string | null;
  languages: ApplicationLanguages;
  hub_preferences: string[];
}

/** What an accepted application hands to the programme year (its name, else the account's). */
export function admissionSnapshot(manager: EntityManager, applicationId: string): Promise<AdmissionRow | undefined> {
  return runQueryFirst(
    manager,
    typedSql
      .selectFrom('application_review_v as a')
      .innerJoin('user_contacts_v as u', 'u.id', 'a.applicant_id')
      .select((eb) => [
        'a.cohort_id',
        'a.applicant_id',
        eb.fn.coalesce('a.full_name', 'u.full_name').as('full_name'),
        'a.gender',
        'a.province',
        'a.region',
        'a.enterprise_name',
        'a.sector',
        'a.languages',
        'a.hub_preferences',
      ])
      .where('a.id', '=', applicationId)
      .$castTo<AdmissionRow>(),
  );
}

/** Waitlisted candidates who withdrew or were rejected since leave the cohort's queue. */
export async function dropLeftWaitlist(manager: EntityManager, cohortId: string, now: Date): Promise<void> {
  await runQuery(
    manager,
    typedSql
      .updateTable('waitlist_entries as w')
      .from('applications_blind_v as a')
      .set({ status: 'removed', updated_at: now })
      .whereRef('a.id', '=', 'w.application_id')
      .where('w.cohort_id', '=', cohortId)
      .where('w.status', '=', 'waiting')
      .where('a.status', '<>', 'waitlisted'),
  );
}

/** The applications holding a seat of the cohort: a pending or accepted offer, and the application still offered or accepted. */
export async function seatHolders(manager: EntityManager, cohortId: string): Promise<string[]> {
  const rows = await runQuery(
    manager,
    typedSql
      .selectFrom('offers as o')
      .innerJoin('applications_blind_v as a', 'a.id', 'o.application_id')
      .select('o.application_id')
      .where('o.cohort_id', '=', cohortId)
      .where('o.status', 'in', ['pending', 'accepted'])
      .where('a.status', 'in', ['offered', 'accepted']),
  );
  return rows.map((r) => r.application_id);
}

/** The cohort's waiting list, in rank order. */
export async function waitingList(manager: EntityManager, cohortId: string): Promise<string[]> {
  const rows = await runQuery(
    manager,
    typedSql
      .selectFrom('waitlist_entries')
      .select('application_id')
      .where('cohort_id', '=', cohortId)
      .where('status', '=', 'waiting')
      .orderBy('rank'),
  );
  return rows.map((r) => r.application_id);
}

export interface CandidateAttributesRow {
  id: string;
  region: string | null;
  gender: string | null;
  sector: string | null;
  hubs: string[];
}

/** The attributes selection's constraints count, of these applications now. */
export function candidateAttributes(manager: EntityManager, ids: string[]): Promise<CandidateAttributesRow[]> {
  return runQuery(
    manager,
    typedSql
      .selectFrom('application_review_v')
      .select(['id', 'region', 'gender', 'sector', 'hub_preferences as hubs'])
      .where((eb) => eb('id', '=', eb.fn.any(eb.val(ids))))
      .$castTo<CandidateAttributesRow>(),
  );
}

/** Pending offers past their deadline, and freed seats not yet settled (a run that stopped half-way). */
export function offersDue(manager: EntityManager, period: Date): Promise<Array<{ id: string; cohort_id: string }>> {
  return runQuery(
    manager,
    typedSql
      .selectFrom('offers')
      .select(['id', 'cohort_id'])
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'pending'), eb('expires_at', '<=', period)]),
          eb.and([eb('status', 'in', ['declined', 'expired']), eb('vacancy_settled_at', 'is', null)]),
        ]),
      )
      .orderBy('expires_at')
      .orderBy('id'),
  );
}

/**
 * Marks the pending offers in their last 2 days that have had no reminder yet as reminded now;
 * returns them, the soonest first.
 */
export function markOffersReminded(
  manager: EntityManager,
  period: Date,
): Promise<Array<{ application_id: string; expires_at: Date }>> {
  return runQuery(
    manager,
    typedSql
      .with('due', (db) =>
        db
          .updateTable('offers')
          .set({ reminded_at: period })
          .where('status', '=', 'pending')
          .where('reminded_at', 'is', null)
          .where('expires_at', '>', period)
          .where('expires_at', '<=', sql<Date>`${period}::timestamptz + interval '2 days'`)
          .returning(['application_id', 'expires_at']),
      )
      .selectFrom('due')
      .selectAll()
      .orderBy('expires_at'),
  );
}

export interface OfferRecipientRow {
  application_id: string;
  email: string;
  language: Language;
  full_name: string;
  cohort: string;
}

/** Who these applications' offer emails go to: the account's address and language, the application's name. */
export function offerRecipients(manager: EntityManager, applicationIds: string[]): Promise<OfferRecipientRow[]> {
  return runQuery(
    manager,
    typedSql
      .selectFrom('application_review_v as a')
      .innerJoin('user_contacts_v as u', 'u.id', 'a.applicant_id')
      .innerJoin('cohort_headers_v as c', 'c.id', 'a.cohort_id')
      .select((eb) => [
        'a.id as application_id',
        'u.email',
        'u.language',
        eb.fn.coalesce('a.full_name', 'u.full_name').as('full_name'),
        'c.name as cohort',
      ])
      .where((eb) => eb('a.id', '=', eb.fn.any(eb.val(applicationIds))))
      .$castTo<OfferRecipientRow>(),
  );
}

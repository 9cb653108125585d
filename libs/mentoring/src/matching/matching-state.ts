import { Injectable } from '@nestjs/common';
import { CohortsService } from '@vgbf/cohorts';
import { FellowsService } from '@vgbf/fellows';
import { ConstraintTable, ProposalRuns, fingerprint } from '@vgbf/proposals';
import type { MatchingInput, MatchingWeights } from '@vgbf/solvers';
import type { EntityManager } from 'typeorm';
import type { MatchingState, MentorRow, StoredInput, StoredResult } from './matching-view';
import { utcOffsetMinutes } from './time-zones';

/** Matching's runs on the proposal kernel: approved (not "confirmed"), each run on its own. */
export const matchingRuns = new ProposalRuns<StoredInput, StoredResult>({
  table: 'matching_runs',
  confirmed: 'approved',
  label: 'Proposal',
});

/** Matching's locks and forbids: fellow → mentor. */
export const matchingConstraints = new ConstraintTable({
  table: 'matching_constraints',
  subject: 'fellow_id',
  target: 'mentor_id',
});

/** Reads what a matching stands on: the fellows to match, the mentors free for the cohort, their constraints. */
@Injectable()
export class MatchingStateReader {
  constructor(
    private readonly cohorts: CohortsService,
    private readonly fellows: FellowsService,
  ) {}

  async read(
    manager: EntityManager,
    cohortId: string,
    weights: MatchingWeights,
    includeMatched = false,
  ): Promise<MatchingState> {
    const cohort = await this.cohorts.get(cohortId, manager);
    const active = await this.fellows.activeInCohort(cohortId, manager);
    const paired = new Set(
      (
        await manager.query<Array<{ fellow_id: string }>>(
          `SELECT fellow_id FROM pairings WHERE cohort_id = $1 AND status = 'active'`,
          [cohortId],
        )
      ).map((r) => r.fellow_id),
    );
    const fellows = includeMatched ? active : active.filter((f) => !paired.has(f.id));
    const start = new Date(`${cohort.programmeStartDate}T00:00:00Z`);
    const mentors = await manager.query<MentorRow[]>(
      `SELECT m.user_id AS id, u.full_name, u.email, u.language, m.organisation, m.sectors, m.expertise, m.languages,
              m.city, m.time_zone, m.capacity,
              (SELECT count(*)::int FROM pairings p WHERE p.mentor_id = m.user_id AND p.status = 'active') AS active_pairs
         FROM mentor_profiles m JOIN user_contacts_v u ON u.id = m.user_id
        WHERE m.active
          AND (m.available_to IS NULL OR m.available_to >= $1::date)
          AND (m.available_from IS NULL
               OR m.available_from <= ($1::date + make_interval(months => $2::int))::date)
        ORDER BY u.full_name, m.user_id`,
      [cohort.programmeStartDate, cohort.trackMonths],
    );
    const ids = fellows.map((f) => f.id);
    const constraints = await matchingConstraints.forSubjects(manager, ids);
    const conflicts = await manager.query<Array<{ fellowId: string; mentorId: string }>>(
      `SELECT fellow_id AS "fellowId", mentor_id AS "mentorId" FROM mentor_conflicts WHERE fellow_id = ANY($1)
        ORDER BY fellow_id, mentor_id`,
      [ids],
    );
    const hubs = new Map(cohort.hubs.map((h) => [h.id, h]));
    const mentorIds = new Set(mentors.map((m) => m.id));
    const input: MatchingInput = {
      weights,
      fellows: fellows.map((f) => {
        const hub = f.hub ? hubs.get(f.hub.id) : undefined;
        return {
          id: f.id,
          sector: f.sector,
          goals: f.goals,
          languages: f.languages,
          organisation: f.enterpriseName,
          hub: hub
            ? {
                code: hub.code,
                city: hub.city,
                utcOffsetMinutes: utcOffsetMinutes(hub.timeZone, start),
                languages: hub.localLanguages,
              }
            : null,
        };
      }),
      mentors: mentors.map((m) => ({
        id: m.id,
        name: m.full_name,
        sectors: m.sectors,
        expertise: m.expertise,
        languages: m.languages,
        city: m.city,
        utcOffsetMinutes: utcOffsetMinutes(m.time_zone, start),
        capacity: Math.max(0, m.capacity - m.active_pairs),
        organisation: m.organisation,
      })),
      conflicts,
      locked: constraints
        .filter((c) => c.kind === 'lock' && mentorIds.has(c.targetId))
        .map((c) => ({ fellowId: c.subjectId, mentorId: c.targetId })),
      forbidden: constraints
        .filter((c) => c.kind === 'forbid')
        .map((c) => ({ fellowId: c.subjectId, mentorId: c.targetId })),
    };
    // What a proposal of this cohort stands on: its fellows and their constraints. Mentors come and go
    // elsewhere all the time; approval checks the mentors a proposal uses instead (see the stale check).
    const { fellows: matched, conflicts: conflicted, locked, forbidden } = input;
    return {
      cohort,
      fellows,
      mentors,
      constraints,
      input,
      fingerprint: fingerprint({ matched, conflicted, locked, forbidden }),
    };
  }
}

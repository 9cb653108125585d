import { Injectable } from '@nestjs/common';
import { CohortsService } from '@vgbf/cohorts';
import { FellowsService } from '@vgbf/fellows';
import { ConstraintTable, ProposalRuns, fingerprint } from '@vgbf/proposals';
import type { MatchingInput, MatchingWeights } from '@vgbf/solvers';
import { ConsentLedger, isAbroad } from '@vgbf/personal-data';
import type { EntityManager } from 'typeorm';
import { availableMentors, conflictsOfFellows, pairedFellowIds } from '../data-access/matching';
import type { MatchingState, StoredInput, StoredResult } from './matching-view';
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
    private readonly consents: ConsentLedger,
  ) {}

  async read(
    manager: EntityManager,
    cohortId: string,
    weights: MatchingWeights,
    includeMatched = false,
  ): Promise<MatchingState> {
    const cohort = await this.cohorts.get(cohortId, manager);
    const active = await this.fellows.activeInCohort(cohortId, manager);
    const paired = new Set(await pairedFellowIds(manager, cohortId));
    const fellows = includeMatched ? active : active.filter((f) => !paired.has(f.id));
    const start = new Date(`${cohort.programmeStartDate}T00:00:00Z`);
    const mentors = await availableMentors(manager, cohort.programmeStartDate, cohort.trackMonths);
    const ids = fellows.map((f) => f.id);
    const constraints = await matchingConstraints.forSubjects(manager, ids);
    const conflicts = await conflictsOfFellows(manager, ids);
    const hubs = new Map(cohort.hubs.map((h) => [h.id, h]));
    const mentorIds = new Set(mentors.map((m) => m.id));
    // A mentor abroad sees the fellow's data abroad: a fellow without the consent to 'abroad' is never
    // paired with one (forbidden pairs, so a consent withdrawn after a proposal also makes it stale).
    const consenting = await this.consents.holders(
      fellows.map((f) => f.userId),
      'abroad',
    );
    const abroad = mentors.filter((m) => isAbroad(m.time_zone));
    const withoutConsent = fellows.filter((f) => !consenting.has(f.userId));
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
      forbidden: [
        ...constraints.filter((c) => c.kind === 'forbid').map((c) => ({ fellowId: c.subjectId, mentorId: c.targetId })),
        ...withoutConsent.flatMap((f) => abroad.map((m) => ({ fellowId: f.id, mentorId: m.id }))),
      ],
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

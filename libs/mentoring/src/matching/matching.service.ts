import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@vgbf/audit';
import { type CohortView, CohortsService } from '@vgbf/cohorts';
import { AppConfig } from '@vgbf/config';
import { type AuthenticatedUser, Clock, NotFoundError } from '@vgbf/core';
import { type FellowView, FellowsService } from '@vgbf/fellows';
import type { Language } from '@vgbf/identity';
import { OutboxService } from '@vgbf/outbox';
import {
  DEFAULT_MATCHING_WEIGHTS,
  type MatchReason,
  type MatchedPair,
  type MatchingInfeasibility,
  type MatchingInput,
  type MatchingWeights,
  matchMentors,
} from '@vgbf/solvers';
import { DataSource, type EntityManager } from 'typeorm';
import type { MatchingRunStatus } from '../entities/matching-run.entity';
import type {
  ActivePairView,
  MatchingFellowView,
  MatchingMentorView,
  MatchingOverview,
  MatchingProposalView,
  MatchingRequestDto,
  PairConstraintsDto,
  RematchRequestDto,
  RematchRequestView,
  ResolveRematchDto,
} from './dto/matching.dto';
import { lockUnavailableCode, matchingReasonCode } from './infeasibility-words';
import {
  InvalidMatchingInputError,
  MatchingInfeasibleError,
  MatchingProposalClosedError,
  MatchingStaleError,
  NothingToMatchError,
  RematchAlreadyRequestedError,
  RematchResolvedError,
} from './matching.errors';
import { describeReasons } from './reasons';
import { utcOffsetMinutes } from './time-zones';

interface MentorRow {
  id: string;
  full_name: string;
  email: string;
  language: Language;
  organisation: string | null;
  sectors: string[];
  expertise: string[];
  languages: string[];
  city: string | null;
  time_zone: string;
  capacity: number;
  active_pairs: number;
}

interface ConstraintRow {
  fellow_id: string;
  mentor_id: string;
  kind: 'lock' | 'forbid';
}

interface RunRow {
  id: string;
  status: MatchingRunStatus;
  input: { weights: MatchingWeights; fingerprint: string };
  result: { pairs: MatchedPair[]; minScore: number | null; totalScore: number };
  created_at: Date;
  approved_at: Date | null;
}

/** Everything the matching needs, read in one transaction. */
interface MatchingState {
  cohort: CohortView;
  /** Active fellows without an active mentor. */
  fellows: FellowView[];
  mentors: MentorRow[];
  constraints: ConstraintRow[];
  input: MatchingInput;
  fingerprint: string;
}

const RUN_COLUMNS = 'id, status, input, result, created_at, approved_at';

/**
 * Mentor matching: staff lock or forbid pairs, run the exact matching (the worst-off fellow's score
 * first, then the total) over the fellows still without a mentor, read each pair's reasons, approve
 * (pairs made and both sides emailed). Fellows and mentors may ask for a rematch; staff decide.
 */
@Injectable()
export class MatchingService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cohorts: CohortsService,
    private readonly fellows: FellowsService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async overview(cohortId: string): Promise<MatchingOverview> {
    return this.db.transaction('REPEATABLE READ', async (manager) => {
      const state = await this.state(manager, cohortId, DEFAULT_MATCHING_WEIGHTS);
      const [run] = await manager.query<RunRow[]>(
        `SELECT ${RUN_COLUMNS} FROM matching_runs WHERE cohort_id = $1 AND status = 'proposed'
          ORDER BY created_at DESC LIMIT 1`,
        [cohortId],
      );
      const pairs = await manager.query<
        Array<{
          id: string;
          fellow_id: string;
          fellow_name: string;
          mentor_id: string;
          mentor_name: string;
          score: number;
          reasons: MatchReason[];
          created_at: Date;
        }>
      >(
        `SELECT p.id, p.fellow_id, f.full_name AS fellow_name, p.mentor_id, u.full_name AS mentor_name, p.score,
                p.reasons, p.created_at
           FROM pairings p JOIN fellows f ON f.id = p.fellow_id JOIN users u ON u.id = p.mentor_id
          WHERE p.cohort_id = $1 AND p.status = 'active'
          ORDER BY f.full_name, p.id`,
        [cohortId],
      );
      return {
        cohortId,
        defaultWeights: DEFAULT_MATCHING_WEIGHTS,
        unmatched: state.fellows.map((f) => this.fellowView(f, state.constraints)),
        mentors: state.mentors.map((m) => this.mentorView(m)),
        pairs: pairs.map((p): ActivePairView => ({
          id: p.id,
          fellow: { id: p.fellow_id, fullName: p.fellow_name },
          mentor: { id: p.mentor_id, fullName: p.mentor_name },
          score: p.score,
          reasons: p.reasons,
          because: describeReasons(p.reasons),
          createdAt: p.created_at.toISOString(),
        })),
        proposal: run ? this.proposalView(run, state) : null,
        rematchRequests: await this.rematchRequests(cohortId, manager),
      };
    });
  }

  /** Replaces a fellow's locked and forbidden mentors. */
  async setConstraints(
    actor: AuthenticatedUser,
    cohortId: string,
    fellowId: string,
    input: PairConstraintsDto,
  ): Promise<MatchingFellowView> {
    return this.db.transaction(async (manager) => {
      const fellow = await this.fellows.lock(manager, fellowId);
      if (!fellow || fellow.cohortId !== cohortId) throw new NotFoundError('Fellow', fellowId);
      const lockedMentorId = input.lockedMentorId ?? null;
      const named = [...(lockedMentorId ? [lockedMentorId] : []), ...input.forbiddenMentorIds];
      const known = new Set(
        (
          await manager.query<Array<{ user_id: string }>>(
            `SELECT user_id FROM mentor_profiles WHERE user_id = ANY($1)`,
            [named],
          )
        ).map((r) => r.user_id),
      );
      const errors = [
        ...(lockedMentorId && !known.has(lockedMentorId) ? [{ field: 'lockedMentorId', message: 'not a mentor' }] : []),
        ...input.forbiddenMentorIds
          .filter((id) => !known.has(id))
          .map(() => ({ field: 'forbiddenMentorIds', message: 'each forbidden mentor must be a mentor' })),
        ...(lockedMentorId && input.forbiddenMentorIds.includes(lockedMentorId)
          ? [{ field: 'lockedMentorId', message: 'a mentor cannot be both locked and forbidden' }]
          : []),
      ];
      if (errors.length) throw new InvalidMatchingInputError(errors);

      const before = await manager.query<ConstraintRow[]>(
        `DELETE FROM matching_constraints WHERE fellow_id = $1 RETURNING fellow_id, mentor_id, kind`,
        [fellowId],
      );
      const rows = [
        ...(lockedMentorId ? [{ mentor_id: lockedMentorId, kind: 'lock' }] : []),
        ...input.forbiddenMentorIds.map((id) => ({ mentor_id: id, kind: 'forbid' })),
      ];
      if (rows.length)
        await manager.query(
          `INSERT INTO matching_constraints (cohort_id, fellow_id, mentor_id, kind, created_by)
           SELECT $1, $2, r.mentor_id, r.kind, $4 FROM jsonb_to_recordset($3::jsonb) AS r(mentor_id uuid, kind text)`,
          [cohortId, fellowId, JSON.stringify(rows), actor.id],
        );
      await this.audit.record(manager, actor, {
        action: 'matching.constraints_changed',
        entityType: 'fellow',
        entityId: fellowId,
        before: { constraints: before.map((c) => ({ mentorId: c.mentor_id, kind: c.kind })) },
        after: { lockedMentorId, forbiddenMentorIds: input.forbiddenMentorIds },
      });
      const constraints = await manager.query<ConstraintRow[]>(
        `SELECT fellow_id, mentor_id, kind FROM matching_constraints WHERE fellow_id = $1`,
        [fellowId],
      );
      return this.fellowView(fellow, constraints);
    });
  }

  async propose(
    actor: AuthenticatedUser,
    cohortId: string,
    request: MatchingRequestDto,
  ): Promise<MatchingProposalView> {
    const weights: MatchingWeights = request.weights ? { ...request.weights } : DEFAULT_MATCHING_WEIGHTS;
    return this.db.transaction(async (manager) => {
      await this.lockCohort(manager, cohortId);
      const state = await this.state(manager, cohortId, weights);
      if (!state.fellows.length) throw new NothingToMatchError();
      const unavailable = state.constraints.filter(
        (c) => c.kind === 'lock' && !state.mentors.some((m) => m.id === c.mentor_id),
      );
      if (unavailable.length)
        throw new MatchingInfeasibleError(
          unavailable.map((c) => ({
            kind: 'lock_unavailable',
            fellowId: c.fellow_id,
            mentorId: c.mentor_id,
            ...lockUnavailableCode(this.fellowName(state, c.fellow_id)),
            message: `${this.fellowName(state, c.fellow_id)} is locked to a mentor who is inactive or unavailable for this cohort.`,
          })),
        );
      const result = matchMentors(state.input);
      if (result.status === 'infeasible')
        throw new MatchingInfeasibleError(
          result.reasons.map((r) => ({
            ...r,
            ...matchingReasonCode(
              r,
              (id) => this.fellowName(state, id),
              (id) => state.mentors.find((m) => m.id === id)?.full_name ?? id,
            ),
            message: this.sentence(r, state),
          })),
        );

      await manager.query(
        `UPDATE matching_runs SET status = 'superseded' WHERE cohort_id = $1 AND status = 'proposed'`,
        [cohortId],
      );
      const [run] = await manager.query<RunRow[]>(
        `INSERT INTO matching_runs (cohort_id, input, result, created_by) VALUES ($1, $2, $3, $4) RETURNING ${RUN_COLUMNS}`,
        [
          cohortId,
          { weights, fingerprint: state.fingerprint },
          { pairs: result.pairs, minScore: result.minScore, totalScore: result.totalScore },
          actor.id,
        ],
      );
      return this.proposalView(run, state);
    });
  }

  async proposal(cohortId: string, id: string): Promise<MatchingProposalView> {
    return this.db.transaction('REPEATABLE READ', async (manager) => {
      const run = await this.run(manager, cohortId, id);
      return this.proposalView(run, await this.state(manager, cohortId, run.input.weights, true));
    });
  }

  /** Makes the proposed pairs and emails both sides of each, in one transaction. */
  async approve(actor: AuthenticatedUser, cohortId: string, id: string): Promise<MatchingProposalView> {
    return this.db.transaction(async (manager) => {
      await this.lockCohort(manager, cohortId);
      const run = await this.run(manager, cohortId, id);
      if (run.status !== 'proposed') throw new MatchingProposalClosedError(run.status);
      const state = await this.state(manager, cohortId, run.input.weights);
      if (state.fingerprint !== run.input.fingerprint) throw new MatchingStaleError();
      // Each mentor it uses is still active, available and has the places it needs.
      const needed = new Map<string, number>();
      for (const p of run.result.pairs) needed.set(p.mentorId, (needed.get(p.mentorId) ?? 0) + 1);
      for (const [mentorId, places] of needed) {
        const mentor = state.mentors.find((m) => m.id === mentorId);
        if (!mentor || mentor.capacity - mentor.active_pairs < places) throw new MatchingStaleError();
      }

      await manager.query(
        `INSERT INTO pairings (cohort_id, fellow_id, mentor_id, score, reasons, matching_run_id)
         SELECT $1, p."fellowId", p."mentorId", p.score, p.reasons, $3
           FROM jsonb_to_recordset($2::jsonb) AS p("fellowId" uuid, "mentorId" uuid, score int, reasons jsonb)`,
        [cohortId, JSON.stringify(run.result.pairs), id],
      );
      const now = this.clock.now();
      await manager.query(
        `UPDATE matching_runs SET status = 'approved', approved_by = $2, approved_at = $3 WHERE id = $1`,
        [id, actor.id, now],
      );
      const contacts = new Map(
        (
          await manager.query<Array<{ id: string; email: string; language: Language; full_name: string }>>(
            `SELECT id, email, language, full_name FROM users WHERE id = ANY($1)`,
            [[...state.fellows.map((f) => f.userId), ...state.mentors.map((m) => m.id)]],
          )
        ).map((u) => [u.id, u]),
      );
      for (const pair of run.result.pairs) {
        const fellow = state.fellows.find((f) => f.id === pair.fellowId)!;
        const mentor = contacts.get(pair.mentorId)!;
        const fellowUser = contacts.get(fellow.userId)!;
        for (const [me, other, role, link] of [
          [fellowUser, mentor, 'mentor', 'mentoring'],
          [mentor, fellowUser, 'fellow', 'mentoring'],
        ] as const) {
          await this.outbox.enqueueEmail(manager, {
            template: 'pairing-approved',
            to: me.email,
            language: me.language,
            data: {
              fullName: me === fellowUser ? fellow.fullName : me.full_name,
              cohort: state.cohort.name,
              otherName: other === fellowUser ? fellow.fullName : other.full_name,
              otherRole: role,
              otherEmail: other.email,
              reasons: describeReasons(pair.reasons, me.language),
              link: `${this.config.PUBLIC_URL}/${link}`,
            },
          });
        }
      }
      await this.audit.record(manager, actor, {
        action: 'matching.approved',
        entityType: 'cohort',
        entityId: cohortId,
        after: {
          runId: id,
          pairs: run.result.pairs.length,
          minScore: run.result.minScore,
          totalScore: run.result.totalScore,
        },
      });
      return this.proposalView(await this.run(manager, cohortId, id), { ...state, fellows: state.fellows });
    });
  }

  /** The fellow or the mentor of an active pair asks staff for another match. */
  async requestRematch(
    actor: AuthenticatedUser,
    pairingId: string,
    input: RematchRequestDto,
  ): Promise<RematchRequestView> {
    return this.db.transaction(async (manager) => {
      const [pair] = await manager.query<Array<{ mentor_id: string; fellow_user: string; cohort_id: string }>>(
        `SELECT p.mentor_id, f.user_id AS fellow_user, p.cohort_id
           FROM pairings p JOIN fellows f ON f.id = p.fellow_id WHERE p.id = $1 AND p.status = 'active'`,
        [pairingId],
      );
      const role = pair?.mentor_id === actor.id ? 'mentor' : pair?.fellow_user === actor.id ? 'fellow' : null;
      if (!pair || !role) throw new NotFoundError('Pairing', pairingId);
      const [row] = await manager.query<Array<{ id: string }>>(
        `INSERT INTO rematch_requests (pairing_id, requested_by, requester_role, reason) VALUES ($1, $2, $3, $4)
         ON CONFLICT (pairing_id, requested_by) WHERE status = 'open' DO NOTHING RETURNING id`,
        [pairingId, actor.id, role, input.reason],
      );
      if (!row) throw new RematchAlreadyRequestedError();
      await this.audit.record(manager, actor, {
        action: 'rematch.requested',
        entityType: 'pairing',
        entityId: pairingId,
        after: { requestId: row.id, role, reason: input.reason },
      });
      const [view] = await this.rematchRequests(pair.cohort_id, manager, row.id);
      return view;
    });
  }

  async rematchRequests(
    cohortId: string,
    manager: EntityManager = this.db.manager,
    id?: string,
  ): Promise<RematchRequestView[]> {
    const rows = await manager.query<
      Array<{
        id: string;
        pairing_id: string;
        fellow_id: string;
        fellow_name: string;
        mentor_id: string;
        mentor_name: string;
        requester_role: 'fellow' | 'mentor';
        reason: string;
        status: string;
        resolution: string | null;
        created_at: Date;
        resolved_at: Date | null;
      }>
    >(
      `SELECT r.id, r.pairing_id, p.fellow_id, f.full_name AS fellow_name, p.mentor_id, u.full_name AS mentor_name,
              r.requester_role, r.reason, r.status, r.resolution, r.created_at, r.resolved_at
         FROM rematch_requests r
         JOIN pairings p ON p.id = r.pairing_id
         JOIN fellows f ON f.id = p.fellow_id
         JOIN users u ON u.id = p.mentor_id
        WHERE p.cohort_id = $1 AND ($2::uuid IS NULL OR r.id = $2)
        ORDER BY (r.status = 'open') DESC, r.created_at DESC`,
      [cohortId, id ?? null],
    );
    return rows.map((r) => ({
      id: r.id,
      pairingId: r.pairing_id,
      fellow: { id: r.fellow_id, fullName: r.fellow_name },
      mentor: { id: r.mentor_id, fullName: r.mentor_name },
      requesterRole: r.requester_role,
      reason: r.reason,
      status: r.status,
      resolution: r.resolution,
      createdAt: r.created_at.toISOString(),
      resolvedAt: r.resolved_at?.toISOString() ?? null,
    }));
  }

  /** Staff decide: end the pair (the fellow is matched again, never to the same mentor) or keep it. */
  async resolveRematch(actor: AuthenticatedUser, id: string, input: ResolveRematchDto): Promise<RematchRequestView> {
    return this.db.transaction(async (manager) => {
      const [request] = await manager.query<
        Array<{ status: string; pairing_id: string; cohort_id: string; fellow_id: string; mentor_id: string }>
      >(
        `SELECT r.status, r.pairing_id, p.cohort_id, p.fellow_id, p.mentor_id
           FROM rematch_requests r JOIN pairings p ON p.id = r.pairing_id WHERE r.id = $1 FOR UPDATE OF r, p`,
        [id],
      );
      if (!request) throw new NotFoundError('Request', id);
      if (request.status !== 'open') throw new RematchResolvedError(request.status);
      const now = this.clock.now();
      const status = input.decision === 'rematch' ? 'rematched' : 'kept';
      if (input.decision === 'rematch') {
        await manager.query(
          `UPDATE pairings SET status = 'ended', ended_at = $2, ended_reason = $3 WHERE id = $1 AND status = 'active'`,
          [request.pairing_id, now, input.note],
        );
        await manager.query(
          `INSERT INTO matching_constraints (cohort_id, fellow_id, mentor_id, kind, note, created_by)
           VALUES ($1, $2, $3, 'forbid', $4, $5)
           ON CONFLICT (fellow_id, mentor_id) DO UPDATE SET kind = 'forbid', note = EXCLUDED.note`,
          [request.cohort_id, request.fellow_id, request.mentor_id, `Rematch: ${input.note}`, actor.id],
        );
      }
      // Whoever else asked about the same pair gets the same answer.
      await manager.query(
        `UPDATE rematch_requests SET status = $2, resolution = $3, resolved_by = $4, resolved_at = $5
          WHERE pairing_id = $1 AND status = 'open'`,
        [request.pairing_id, status, input.note, actor.id, now],
      );
      await this.audit.record(manager, actor, {
        action: `rematch.${status}`,
        entityType: 'pairing',
        entityId: request.pairing_id,
        after: { requestId: id, decision: input.decision, note: input.note },
      });
      const [view] = await this.rematchRequests(request.cohort_id, manager, id);
      return view;
    });
  }

  private async state(
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
         FROM mentor_profiles m JOIN users u ON u.id = m.user_id
        WHERE m.active
          AND (m.available_to IS NULL OR m.available_to >= $1::date)
          AND (m.available_from IS NULL
               OR m.available_from <= ($1::date + make_interval(months => $2::int))::date)
        ORDER BY u.full_name, m.user_id`,
      [cohort.programmeStartDate, cohort.trackMonths],
    );
    const ids = fellows.map((f) => f.id);
    const constraints = await manager.query<ConstraintRow[]>(
      `SELECT fellow_id, mentor_id, kind FROM matching_constraints WHERE fellow_id = ANY($1) ORDER BY fellow_id, mentor_id`,
      [ids],
    );
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
        .filter((c) => c.kind === 'lock' && mentorIds.has(c.mentor_id))
        .map((c) => ({ fellowId: c.fellow_id, mentorId: c.mentor_id })),
      forbidden: constraints
        .filter((c) => c.kind === 'forbid')
        .map((c) => ({ fellowId: c.fellow_id, mentorId: c.mentor_id })),
    };
    // What a proposal of this cohort stands on: its fellows and their constraints. Mentors come and go
    // elsewhere all the time; approval checks the mentors a proposal uses instead (see approve()).
    const { fellows: matched, conflicts: conflicted, locked, forbidden } = input;
    const fingerprint = createHash('sha256')
      .update(JSON.stringify({ matched, conflicted, locked, forbidden }))
      .digest('base64url');
    return { cohort, fellows, mentors, constraints, input, fingerprint };
  }

  private fellowView(f: FellowView, constraints: ConstraintRow[]): MatchingFellowView {
    const mine = constraints.filter((c) => c.fellow_id === f.id);
    return {
      id: f.id,
      fullName: f.fullName,
      sector: f.sector,
      goals: f.goals,
      languages: f.languages,
      hub: f.hub?.code ?? null,
      lockedMentorId: mine.find((c) => c.kind === 'lock')?.mentor_id ?? null,
      forbiddenMentorIds: mine.filter((c) => c.kind === 'forbid').map((c) => c.mentor_id),
    };
  }

  private mentorView(m: MentorRow): MatchingMentorView {
    return {
      id: m.id,
      fullName: m.full_name,
      organisation: m.organisation,
      sectors: m.sectors,
      expertise: m.expertise,
      languages: m.languages,
      city: m.city,
      timeZone: m.time_zone,
      capacity: m.capacity,
      free: Math.max(0, m.capacity - m.active_pairs),
    };
  }

  private proposalView(run: RunRow, state: MatchingState): MatchingProposalView {
    const mentor = new Map(state.mentors.map((m) => [m.id, m]));
    return {
      id: run.id,
      status: run.status,
      weights: run.input.weights,
      minScore: run.result.minScore,
      totalScore: run.result.totalScore,
      pairs: run.result.pairs
        .map((p) => ({
          fellow: { id: p.fellowId, fullName: this.fellowName(state, p.fellowId) },
          mentor: { id: p.mentorId, fullName: mentor.get(p.mentorId)?.full_name ?? p.mentorId },
          mentorOrganisation: mentor.get(p.mentorId)?.organisation ?? null,
          score: p.score,
          locked: p.locked,
          reasons: p.reasons,
          because: describeReasons(p.reasons),
        }))
        .sort((a, b) => a.score - b.score || a.fellow.fullName.localeCompare(b.fellow.fullName, 'vi')),
      createdAt: run.created_at.toISOString(),
      approvedAt: run.approved_at?.toISOString() ?? null,
    };
  }

  private fellowName(state: MatchingState, id: string): string {
    return state.fellows.find((f) => f.id === id)?.fullName ?? id;
  }

  private sentence(r: MatchingInfeasibility, state: MatchingState): string {
    const mentorName = (id: string) => state.mentors.find((m) => m.id === id)?.full_name ?? id;
    switch (r.kind) {
      case 'no_mentor':
        return r.why === 'no_common_language'
          ? `No mentor shares a language with ${this.fellowName(state, r.fellowId)}.`
          : `Every mentor who shares a language with ${this.fellowName(state, r.fellowId)} is forbidden (${r.forbidden}), in conflict (${r.conflicted}) or full (${r.full}).`;
      case 'capacity':
        return `${r.needed} fellows need a mentor but mentors have ${r.available} places left.`;
      case 'lock_invalid':
        return `The lock of ${this.fellowName(state, r.fellowId)} to ${mentorName(r.mentorId)} breaks a rule: ${r.why.replace(/_/g, ' ')}.`;
      case 'crowded':
        return `${r.fellowIds.length} fellows (${r.fellowIds
          .slice(0, 5)
          .map((id) => this.fellowName(state, id))
          .join(
            ', ',
          )}${r.fellowIds.length > 5 ? '…' : ''}) can only be paired with ${r.mentorIds.length} mentors who have ${r.capacity} places left.`;
    }
  }

  private async lockCohort(manager: EntityManager, cohortId: string): Promise<void> {
    const [row] = await manager.query<unknown[]>(`SELECT 1 FROM cohorts WHERE id = $1 FOR UPDATE`, [cohortId]);
    if (!row) throw new NotFoundError('Cohort', cohortId);
  }

  private async run(manager: EntityManager, cohortId: string, id: string): Promise<RunRow> {
    const [run] = await manager.query<RunRow[]>(
      `SELECT ${RUN_COLUMNS} FROM matching_runs WHERE id = $1 AND cohort_id = $2`,
      [id, cohortId],
    );
    if (!run) throw new NotFoundError('Proposal', id);
    return run;
  }
}

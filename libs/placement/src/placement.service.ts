import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@vgbf/audit';
import { type CohortView, CohortsService, type HubView } from '@vgbf/cohorts';
import { AppConfig } from '@vgbf/config';
import { type AuthenticatedUser, Clock, NotFoundError } from '@vgbf/core';
import { type FellowView, FellowsService, describeLanguageRule, meetsLanguageRule } from '@vgbf/fellows';
import { AccountsService } from '@vgbf/identity';
import { OutboxService } from '@vgbf/outbox';
import {
  type NotHigherReason,
  type Placement,
  type PlacementInfeasibility,
  type PlacementInput,
  placeFellows,
} from '@vgbf/solvers';
import { DataSource, type EntityManager } from 'typeorm';
import {
  DEFAULT_RANK_WEIGHTS,
  type FellowConstraintsDto,
  type MovePlacementDto,
  type NotHigherView,
  type PlacementFellowView,
  type PlacementOverview,
  type PlacementProposalView,
  type PlacementRequestDto,
  type ProposedPlacementView,
} from './dto/placement.dto';
import type { PlacementRunStatus } from './entities/placement-run.entity';
import { placementReasonCode } from './infeasibility-words';
import {
  HubFullError,
  InvalidPlacementInputError,
  NoFellowsError,
  PlacementConfirmedError,
  PlacementInfeasibleError,
  PlacementNotConfirmedError,
  PlacementStaleError,
  PlacementSupersededError,
} from './placement.errors';

const HUB_OF_COHORT = 'validation.hub_of_cohort';

interface ConstraintRow {
  fellow_id: string;
  hub_id: string;
  kind: 'lock' | 'forbid';
  note: string | null;
}

interface RunRow {
  id: string;
  status: PlacementRunStatus;
  input: StoredInput;
  result: StoredResult;
  created_at: Date;
  confirmed_at: Date | null;
}

interface StoredInput {
  rankWeights: number[];
  /** A digest of the fellows, their preferences, eligibility and constraints, and the hubs: staleness check. */
  fingerprint: string;
}

interface StoredResult {
  totalPoints: number;
  placements: Placement[];
}

/** What the solver needs, read in one transaction. */
interface PlacementState {
  cohort: CohortView;
  fellows: FellowView[];
  constraints: ConstraintRow[];
  input: PlacementInput;
  fingerprint: string;
}

/** The hubs whose language rule this fellow meets, by code. */
const eligibleHubs = (fellow: FellowView, cohort: CohortView): string[] =>
  cohort.hubs.filter((h) => meetsLanguageRule(fellow.languageCertificates, h.languageRequirements)).map((h) => h.code);

const hubName = (hubs: HubView[], code: string): string => hubs.find((h) => h.code === code)?.name ?? code;

/**
 * Hub placement: staff set locks and forbids, run the exact solver (preferences, capacities,
 * minimums, language rules), read why each fellow got what they got, confirm (which places and
 * emails every fellow), and afterwards move single fellows with an audited reason.
 */
@Injectable()
export class PlacementService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cohorts: CohortsService,
    private readonly fellows: FellowsService,
    private readonly accounts: AccountsService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async overview(cohortId: string): Promise<PlacementOverview> {
    return this.db.transaction('REPEATABLE READ', async (manager) => {
      const state = await this.state(manager, cohortId, DEFAULT_RANK_WEIGHTS);
      const [run] = await manager.query<RunRow[]>(
        `SELECT id, status, input, result, created_at, confirmed_at FROM placement_runs
          WHERE cohort_id = $1 AND status <> 'superseded' ORDER BY (status = 'confirmed') DESC, created_at DESC LIMIT 1`,
        [cohortId],
      );
      const eligible = new Map(state.input.fellows.map((f) => [f.id, f.eligibleHubs]));
      return {
        cohortId,
        confirmed: run?.status === 'confirmed',
        hubs: state.cohort.hubs.map((h) => ({
          id: h.id,
          code: h.code,
          name: h.name,
          nameVi: h.nameVi,
          city: h.city,
          capacity: h.capacity,
          minimumFellows: h.minimumFellows,
          languageRule: describeLanguageRule(h.languageRequirements),
          languageRequirements: h.languageRequirements.map((r) => ({ test: r.test, minimum: r.minimum })),
          placed: state.fellows.filter((f) => f.hub?.id === h.id).length,
        })),
        fellows: state.fellows.map((f) => this.fellowView(f, state.constraints, eligible.get(f.id) ?? [])),
        proposal: run ? this.proposalView(run, state) : null,
      };
    });
  }

  /** Replaces one fellow's lock and forbidden hubs (before a run; they never move a confirmed fellow). */
  async setConstraints(
    actor: AuthenticatedUser,
    cohortId: string,
    fellowId: string,
    input: FellowConstraintsDto,
  ): Promise<PlacementFellowView> {
    return this.db.transaction(async (manager) => {
      const fellow = await this.fellows.lock(manager, fellowId);
      if (!fellow || fellow.cohortId !== cohortId) throw new NotFoundError('Fellow', fellowId);
      const cohort = await this.cohorts.get(cohortId, manager);
      const hubIds = new Set(cohort.hubs.map((h) => h.id));
      const lockedHubId = input.lockedHubId ?? null;
      const errors = [
        ...(lockedHubId && !hubIds.has(lockedHubId)
          ? [{ field: 'lockedHubId', message: 'not a hub of this cohort', code: HUB_OF_COHORT }]
          : []),
        ...input.forbiddenHubIds
          .filter((id) => !hubIds.has(id))
          .map(() => ({
            field: 'forbiddenHubIds',
            message: 'each forbidden hub must be a hub of this cohort',
            code: HUB_OF_COHORT,
          })),
        ...(lockedHubId && input.forbiddenHubIds.includes(lockedHubId)
          ? [
              {
                field: 'lockedHubId',
                message: 'a fellow cannot be locked to a hub that is also forbidden',
                code: 'validation.lock_forbidden_hub',
              },
            ]
          : []),
      ];
      if (errors.length) throw new InvalidPlacementInputError(errors);

      const before = await manager.query<ConstraintRow[]>(
        `DELETE FROM placement_constraints WHERE fellow_id = $1 RETURNING fellow_id, hub_id, kind, note`,
        [fellowId],
      );
      const rows: Array<{ hubId: string; kind: ConstraintRow['kind'] }> = [
        ...(lockedHubId ? [{ hubId: lockedHubId, kind: 'lock' as const }] : []),
        ...input.forbiddenHubIds.map((hubId) => ({ hubId, kind: 'forbid' as const })),
      ];
      if (rows.length)
        await manager.query(
          `INSERT INTO placement_constraints (cohort_id, fellow_id, hub_id, kind, note, created_by)
           SELECT $1, $2, r.hub_id, r.kind, $4, $5 FROM jsonb_to_recordset($3::jsonb) AS r(hub_id uuid, kind text)`,
          [
            cohortId,
            fellowId,
            JSON.stringify(rows.map((r) => ({ hub_id: r.hubId, kind: r.kind }))),
            input.note ?? null,
            actor.id,
          ],
        );
      await this.audit.record(manager, actor, {
        action: 'placement.constraints_changed',
        entityType: 'fellow',
        entityId: fellowId,
        before: { constraints: before.map((c) => ({ hubId: c.hub_id, kind: c.kind })) },
        after: { lockedHubId, forbiddenHubIds: input.forbiddenHubIds, note: input.note ?? null },
      });
      const current = rows.map((r) => ({
        fellow_id: fellowId,
        hub_id: r.hubId,
        kind: r.kind,
        note: input.note ?? null,
      }));
      return this.fellowView(fellow, current, eligibleHubs(fellow, cohort));
    });
  }

  /** Runs the solver and keeps its answer as the cohort's newest proposal (older open ones are superseded). */
  async propose(
    actor: AuthenticatedUser,
    cohortId: string,
    request: PlacementRequestDto,
  ): Promise<PlacementProposalView> {
    const rankWeights = request.rankWeights ?? DEFAULT_RANK_WEIGHTS;
    if (rankWeights.some((w, i) => i > 0 && w > rankWeights[i - 1]))
      throw new InvalidPlacementInputError([
        {
          field: 'rankWeights',
          message: 'rank weights must not rise: a better choice earns at least as much',
          code: 'validation.rank_weights_rise',
        },
      ]);
    return this.db.transaction(async (manager) => {
      await this.lockCohort(manager, cohortId);
      if (await this.confirmedRun(manager, cohortId)) throw new PlacementConfirmedError();
      const state = await this.state(manager, cohortId, rankWeights);
      if (!state.fellows.length) throw new NoFellowsError();
      const result = placeFellows(state.input);
      if (result.status === 'infeasible')
        throw new PlacementInfeasibleError(
          result.reasons.map((r) => ({
            ...r,
            ...placementReasonCode(r, state.cohort.hubs, (id) => this.nameOf(state, id)),
            message: this.sentence(r, state),
          })),
        );

      await manager.query(
        `UPDATE placement_runs SET status = 'superseded' WHERE cohort_id = $1 AND status = 'proposed'`,
        [cohortId],
      );
      const stored: StoredResult = { totalPoints: result.totalPoints, placements: result.placements };
      const [run] = await manager.query<RunRow[]>(
        `INSERT INTO placement_runs (cohort_id, input, result, created_by) VALUES ($1, $2, $3, $4)
         RETURNING id, status, input, result, created_at, confirmed_at`,
        [cohortId, { rankWeights, fingerprint: state.fingerprint } satisfies StoredInput, stored, actor.id],
      );
      return this.proposalView(run, state);
    });
  }

  async proposal(cohortId: string, id: string): Promise<PlacementProposalView> {
    return this.db.transaction('REPEATABLE READ', async (manager) => {
      const run = await this.run(manager, cohortId, id);
      return this.proposalView(run, await this.state(manager, cohortId, run.input.rankWeights));
    });
  }

  /** Places every fellow as proposed and emails each of them, in one transaction. */
  async confirm(actor: AuthenticatedUser, cohortId: string, id: string): Promise<PlacementProposalView> {
    return this.db.transaction(async (manager) => {
      await this.lockCohort(manager, cohortId);
      const run = await this.run(manager, cohortId, id);
      if (run.status === 'confirmed' || (await this.confirmedRun(manager, cohortId)))
        throw new PlacementConfirmedError();
      if (run.status === 'superseded') throw new PlacementSupersededError();
      const state = await this.state(manager, cohortId, run.input.rankWeights);
      if (state.fingerprint !== run.input.fingerprint) throw new PlacementStaleError();

      const now = this.clock.now();
      const hubId = new Map(state.cohort.hubs.map((h) => [h.code, h.id]));
      await this.fellows.place(
        manager,
        run.result.placements.map((p) => ({ fellowId: p.fellowId, hubId: hubId.get(p.hub)! })),
        now,
      );
      await manager.query(
        `UPDATE placement_runs SET status = 'confirmed', confirmed_by = $2, confirmed_at = $3 WHERE id = $1`,
        [id, actor.id, now],
      );
      const contacts = await this.accounts.contacts(state.fellows.map((f) => f.userId));
      const byId = new Map(state.fellows.map((f) => [f.id, f]));
      for (const p of run.result.placements) {
        const fellow = byId.get(p.fellowId)!;
        const hub = state.cohort.hubs.find((h) => h.code === p.hub)!;
        const contact = contacts.get(fellow.userId)!;
        await this.outbox.enqueueEmail(manager, {
          template: 'placement-confirmed',
          to: contact.email,
          language: contact.language,
          data: {
            fullName: fellow.fullName,
            cohort: state.cohort.name,
            hub: hub.name,
            city: hub.city,
            rank: p.rank === null ? '—' : String(p.rank),
            startDate: fellow.startDate,
            endDate: fellow.endDate,
            link: `${this.config.PUBLIC_URL}/programme`,
          },
        });
      }
      await this.audit.record(manager, actor, {
        action: 'placement.confirmed',
        entityType: 'cohort',
        entityId: cohortId,
        after: { runId: id, totalPoints: run.result.totalPoints, placements: run.result.placements.length },
      });
      return this.proposalView(
        await this.run(manager, cohortId, id),
        await this.state(manager, cohortId, run.input.rankWeights),
      );
    });
  }

  /** After confirmation: one fellow to another hub (capacity still holds), audited, and the fellow told why. */
  async move(actor: AuthenticatedUser, fellowId: string, input: MovePlacementDto): Promise<FellowView> {
    return this.db.transaction(async (manager) => {
      // The cohort first, then the fellow: the order confirm() takes them in (it places every fellow
      // under the cohort's lock), so a move during a confirmation waits instead of deadlocking.
      const { cohortId } = await this.fellows.get(fellowId, manager);
      await this.lockCohort(manager, cohortId);
      const fellow = await this.fellows.lock(manager, fellowId);
      if (!fellow) throw new NotFoundError('Fellow', fellowId);
      if (!(await this.confirmedRun(manager, fellow.cohortId))) throw new PlacementNotConfirmedError();
      const cohort = await this.cohorts.get(fellow.cohortId, manager);
      const hub = cohort.hubs.find((h) => h.id === input.hubId);
      if (!hub) {
        throw new InvalidPlacementInputError([
          { field: 'hubId', message: 'not a hub of this cohort', code: HUB_OF_COHORT },
        ]);
      }
      if (fellow.hub?.id === hub.id) return fellow;
      const [{ placed }] = await manager.query<Array<{ placed: number }>>(
        `SELECT count(*)::int AS placed FROM fellows WHERE hub_id = $1 AND status = 'active' AND id <> $2`,
        [hub.id, fellowId],
      );
      if (placed >= hub.capacity) throw new HubFullError(hub.name, hub.capacity);

      await this.fellows.place(manager, [{ fellowId, hubId: hub.id }], this.clock.now());
      await this.audit.record(manager, actor, {
        action: 'placement.changed',
        entityType: 'fellow',
        entityId: fellowId,
        before: { hub: fellow.hub?.code ?? null },
        after: { hub: hub.code, reason: input.reason },
      });
      const contact = (await this.accounts.contacts([fellow.userId])).get(fellow.userId)!;
      await this.outbox.enqueueEmail(manager, {
        template: 'placement-changed',
        to: contact.email,
        language: contact.language,
        data: {
          fullName: fellow.fullName,
          cohort: cohort.name,
          previousHub: fellow.hub?.name ?? '—',
          hub: hub.name,
          city: hub.city,
          reason: input.reason,
          link: `${this.config.PUBLIC_URL}/programme`,
        },
      });
      return this.fellows.get(fellowId, manager);
    });
  }

  private async state(manager: EntityManager, cohortId: string, rankWeights: number[]): Promise<PlacementState> {
    const cohort = await this.cohorts.get(cohortId, manager);
    const fellows = await this.fellows.activeInCohort(cohortId, manager);
    const constraints = await manager.query<ConstraintRow[]>(
      `SELECT fellow_id, hub_id, kind, note FROM placement_constraints WHERE cohort_id = $1 ORDER BY fellow_id, hub_id`,
      [cohortId],
    );
    const code = new Map(cohort.hubs.map((h) => [h.id, h.code]));
    const hubCodes = new Set(cohort.hubs.map((h) => h.code));
    const input: PlacementInput = {
      hubs: cohort.hubs.map((h) => ({ code: h.code, capacity: h.capacity, minimum: h.minimumFellows })),
      rankWeights,
      fellows: fellows.map((f) => {
        const mine = constraints.filter((c) => c.fellow_id === f.id);
        return {
          id: f.id,
          score: f.selectionScore ?? 0,
          // A hub the cohort no longer has (renamed or removed) cannot be a preference.
          preferences: f.hubPreferences.filter((h) => hubCodes.has(h)),
          eligibleHubs: eligibleHubs(f, cohort),
          lockedHub: code.get(mine.find((c) => c.kind === 'lock')?.hub_id ?? '') ?? null,
          forbiddenHubs: mine.filter((c) => c.kind === 'forbid').map((c) => code.get(c.hub_id)!),
        };
      }),
    };
    const fingerprint = createHash('sha256')
      .update(JSON.stringify({ hubs: input.hubs, fellows: input.fellows }))
      .digest('base64url');
    return { cohort, fellows, constraints, input, fingerprint };
  }

  private fellowView(
    f: FellowView,
    constraints: ConstraintRow[],
    eligibleHubs: readonly string[],
  ): PlacementFellowView {
    const mine = constraints.filter((c) => c.fellow_id === f.id);
    return {
      id: f.id,
      fullName: f.fullName,
      selectionScore: f.selectionScore,
      hubPreferences: f.hubPreferences,
      eligibleHubs: [...eligibleHubs],
      lockedHubId: mine.find((c) => c.kind === 'lock')?.hub_id ?? null,
      forbiddenHubIds: mine.filter((c) => c.kind === 'forbid').map((c) => c.hub_id),
      constraintNote: mine.find((c) => c.note)?.note ?? null,
      hub: f.hub?.code ?? null,
    };
  }

  private proposalView(run: RunRow, state: PlacementState): PlacementProposalView {
    const { hubs } = state.cohort;
    const names = new Map(state.fellows.map((f) => [f.id, f]));
    const byRank: Record<string, number> = {};
    const placements: ProposedPlacementView[] = run.result.placements.map((p) => {
      const fellow = names.get(p.fellowId);
      const key = p.rank === null ? 'unranked' : String(p.rank);
      byRank[key] = (byRank[key] ?? 0) + 1;
      return {
        fellowId: p.fellowId,
        fullName: fellow?.fullName ?? p.fellowId,
        selectionScore: fellow?.selectionScore ?? null,
        hub: p.hub,
        hubId: hubs.find((h) => h.code === p.hub)?.id ?? '',
        hubName: hubName(hubs, p.hub),
        rank: p.rank,
        points: p.points,
        locked: p.locked,
        notHigher: p.notHigher.map((r) => this.notHigherView(r, hubs, fellow?.fullName ?? p.fellowId)),
      };
    });
    placements.sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi') || a.fellowId.localeCompare(b.fellowId));
    return {
      id: run.id,
      status: run.status,
      rankWeights: run.input.rankWeights,
      totalPoints: run.result.totalPoints,
      byRank,
      placements,
      createdAt: run.created_at.toISOString(),
      confirmedAt: run.confirmed_at?.toISOString() ?? null,
    };
  }

  private notHigherView(r: NotHigherReason, hubs: HubView[], fullName: string): NotHigherView {
    const name = hubName(hubs, r.hub);
    const base = { hub: r.hub, hubName: name, rank: r.rank, reason: r.reason };
    switch (r.reason) {
      case 'locked':
        return { ...base, detail: `Staff locked ${fullName} to another hub.` };
      case 'forbidden':
        return { ...base, detail: `Staff ruled out ${name} for ${fullName}.` };
      case 'language': {
        const rule = describeLanguageRule(hubs.find((h) => h.code === r.hub)?.languageRequirements ?? []);
        return { ...base, languageRule: rule, detail: `${name} asks for ${rule}.` };
      }
      case 'capacity':
        return {
          ...base,
          capacity: r.capacity,
          higherScored: r.higherScored,
          detail: `${name} is full with ${r.capacity} fellows, ${r.higherScored} of them with a higher score.`,
        };
      case 'minimum':
        return {
          ...base,
          minimumHub: r.minimumHub,
          minimum: r.minimum,
          detail: `${hubName(hubs, r.minimumHub)} needs at least ${r.minimum} fellows, and ${fullName} is one of them.`,
        };
    }
  }

  /** An infeasibility as staff read it, with names rather than ids. */
  private nameOf(state: PlacementState, id: string): string {
    return state.fellows.find((f) => f.id === id)?.fullName ?? id;
  }

  private sentence(r: PlacementInfeasibility, state: PlacementState): string {
    const { hubs } = state.cohort;
    const who = (ids: string[]): string => {
      const names = ids.map((id) => state.fellows.find((f) => f.id === id)?.fullName ?? id);
      return names.length > 5 ? `${names.slice(0, 5).join(', ')} and ${names.length - 5} more` : names.join(', ');
    };
    switch (r.kind) {
      case 'no_hub':
        return `No hub is open to ${who(r.fellowIds)}: each hub is forbidden or asks for a language level they lack.`;
      case 'lock_forbidden':
        return `${who([r.fellowId])} is locked to ${hubName(hubs, r.hub)}, which is also forbidden for them.`;
      case 'lock_over_capacity':
        return `${r.locked} fellows are locked to ${hubName(hubs, r.hub)}, which holds ${r.capacity}.`;
      case 'capacity':
        return `${r.needed} fellows need a place but the hubs hold ${r.available} together.`;
      case 'minimum': {
        const hub = hubs.find((h) => h.code === r.hub);
        const rule = describeLanguageRule(hub?.languageRequirements ?? []);
        return `${hub?.name ?? r.hub} needs at least ${r.minimum} fellows but only ${r.eligible} may go there${rule ? ` (it asks for ${rule})` : ''}.`;
      }
      case 'minimums':
        return `${r.hubs.map((h) => hubName(hubs, h)).join(', ')} need at least ${r.minimum} fellows together, but only ${r.fellowIds.length} may go to any of them.`;
      case 'crowded':
        return `${who(r.fellowIds)} (${r.fellowIds.length}) may only go to ${r.hubs.map((h) => hubName(hubs, h)).join(', ')}, which hold ${r.capacity}.`;
    }
  }

  private async lockCohort(manager: EntityManager, cohortId: string): Promise<void> {
    const [row] = await manager.query<unknown[]>(`SELECT 1 FROM cohorts WHERE id = $1 FOR UPDATE`, [cohortId]);
    if (!row) throw new NotFoundError('Cohort', cohortId);
  }

  private async confirmedRun(manager: EntityManager, cohortId: string): Promise<boolean> {
    const [row] = await manager.query<unknown[]>(
      `SELECT 1 FROM placement_runs WHERE cohort_id = $1 AND status = 'confirmed'`,
      [cohortId],
    );
    return row !== undefined;
  }

  private async run(manager: EntityManager, cohortId: string, id: string): Promise<RunRow> {
    const [run] = await manager.query<RunRow[]>(
      `SELECT id, status, input, result, created_at, confirmed_at FROM placement_runs WHERE id = $1 AND cohort_id = $2`,
      [id, cohortId],
    );
    if (!run) throw new NotFoundError('Proposal', id);
    return run;
  }
}

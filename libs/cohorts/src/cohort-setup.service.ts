import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@vgbf/audit';
import { type AuthenticatedUser, NotFoundError, toProgramLocal } from '@vgbf/core';
import { Transactions } from '@vgbf/database';
import { DataSource, type EntityManager, In, Not } from 'typeorm';
import { CohortHooks } from './cohort-hooks';
import { CohortNameTakenError, CohortSettingsLockedError } from './cohorts.errors';
import { CohortsService, assertHubMinimums, hubRow } from './cohorts.service';
import type { CohortView, CopyCohortDto, HubDto } from './dto/cohort.dto';
import { Cohort } from './entities/cohort.entity';
import { Hub } from './entities/hub.entity';

const hubSnapshot = (hubs: Array<Pick<Hub, 'code' | 'name' | 'nameVi' | 'city' | 'capacity' | 'minimumFellows'>>) =>
  hubs.map(({ code, name, nameVi, city, capacity, minimumFellows }) => ({
    code,
    name,
    nameVi,
    city,
    capacity,
    minimumFellows,
  }));

/** A local wall time or day moved by whole years (29 February becomes 28 February). */
function plusYears(local: string, years: number): string {
  const y = Number(local.slice(0, 4)) + years;
  const shifted = `${y}${local.slice(4)}`;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return shifted.slice(5, 10) === '02-29' && !leap ? shifted.replace(`${y}-02-29`, `${y}-02-28`) : shifted;
}

/** Hubs of a cohort replaced as a whole, and a new cohort started from a copy of an earlier one. */
@Injectable()
export class CohortSetupService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cohorts: CohortsService,
    private readonly hooks: CohortHooks,
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
  ) {}

  /** Replaces the hubs (kept by code, so their ids stay) while the cohort is a draft or open; audited. */
  async replaceHubs(actor: AuthenticatedUser, id: string, hubs: HubDto[]): Promise<CohortView> {
    assertHubMinimums(hubs);
    return this.transactions.run(async (manager) => {
      const cohort = await manager
        .getRepository(Cohort)
        .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!cohort) throw new NotFoundError('Cohort', id);
      if (cohort.status !== 'draft' && cohort.status !== 'open')
        throw new CohortSettingsLockedError('hubs', cohort.status);
      const repo = manager.getRepository(Hub);
      const before = await repo.findBy({ cohortId: id });
      await repo.delete({ cohortId: id, code: Not(In(hubs.map((h) => h.code))) });
      await repo.upsert(
        hubs.map((hub) => hubRow(id, hub)),
        { conflictPaths: ['cohortId', 'code'] },
      );
      const after = await repo.findBy({ cohortId: id });
      await this.audit.record(manager, actor, {
        action: 'cohort.hubs_updated',
        entityType: 'cohort',
        entityId: id,
        before: { hubs: hubSnapshot(before) },
        after: { hubs: hubSnapshot(after) },
      });
      return this.cohorts.get(id, manager);
    });
  }

  /**
   * A new draft cohort with the source's size, track, hubs and eligibility rules, its window and
   * programme start a year later, its feedback checkpoints, and whatever other modules copy (rubric, milestone
   * template); audited.
   */
  async copy(actor: AuthenticatedUser, sourceId: string, input: CopyCohortDto): Promise<CohortView> {
    return this.transactions.run(async (manager) => {
      const source = await manager.getRepository(Cohort).findOneBy({ id: sourceId });
      if (!source) throw new NotFoundError('Cohort', sourceId);
      await this.assertNameFree(manager, input.name);
      const hubs = await manager.getRepository(Hub).findBy({ cohortId: sourceId });
      const created = await this.cohorts.create(actor, {
        name: input.name,
        year: source.year + 1,
        targetSize: source.targetSize,
        trackMonths: source.trackMonths,
        applicationOpensAt: plusYears(toProgramLocal(source.applicationOpensAt), 1),
        applicationClosesAt: plusYears(toProgramLocal(source.applicationClosesAt), 1),
        offerResponseDays: source.offerResponseDays,
        programmeStartDate: plusYears(source.programmeStartDate, 1),
        hubs: hubs.sort((a, b) => a.code.localeCompare(b.code)).map((h) => ({ ...h, nameVi: h.nameVi ?? undefined })),
        eligibilityRules: source.eligibilityRules as never,
      });
      await manager.update(Cohort, { id: created.id }, { feedbackCheckpoints: source.feedbackCheckpoints });
      const copied: Record<string, unknown> = { feedbackCheckpoints: source.feedbackCheckpoints.length };
      for (const { module, copy } of this.hooks.copiers) copied[module] = await copy(manager, sourceId, created.id);
      await this.audit.record(manager, actor, {
        action: 'cohort.copied',
        entityType: 'cohort',
        entityId: created.id,
        before: { cohortId: sourceId, name: source.name },
        after: { name: created.name, year: created.year, copied },
      });
      return created;
    });
  }

  private async assertNameFree(manager: EntityManager, name: string): Promise<void> {
    const taken = await manager
      .getRepository(Cohort)
      .createQueryBuilder('c')
      .where('lower(c.name) = lower(:name)', { name })
      .getExists();
    if (taken) throw new CohortNameTakenError(name);
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@vgbf/audit';
import { type AuthenticatedUser, NotFoundError } from '@vgbf/core';
import { Transactions } from '@vgbf/database';
import { DataSource, type EntityManager } from 'typeorm';
import type { FellowsDirectoryEntry, FellowsDirectoryQuery, MentorConflictView } from './dto/mentor.dto';
import {
  activeFellowsDirectory,
  type ConflictRow,
  conflictOf,
  conflictsOfMentor,
  deleteConflict,
  fellowExists,
  holdsMentorRole,
  insertConflict,
} from '../data-access/mentor-conflicts';
import { NotAMentorError } from './mentors.errors';

const toView = (r: ConflictRow): MentorConflictView => ({
  id: r.id,
  mentorId: r.mentor_id,
  mentorName: r.mentor_name,
  fellowId: r.fellow_id,
  fellowName: r.fellow_name,
  cohortId: r.cohort_id,
  reason: r.reason,
  declaredBy: r.declared_by,
  declaredByMentor: r.declared_by === r.mentor_id,
  createdAt: r.created_at.toISOString(),
});

/** Pairs the matching must never make: declared by the mentor or by staff, with the reason. */
@Injectable()
export class MentorConflictsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
  ) {}

  /** Declaring the same pair twice keeps the first declaration (and its reason). */
  async declare(
    actor: AuthenticatedUser,
    mentorId: string,
    fellowId: string,
    reason: string,
  ): Promise<MentorConflictView> {
    return this.transactions.run(async (manager) => {
      await this.assertMentor(manager, mentorId);
      if (!(await fellowExists(manager, fellowId))) throw new NotFoundError('Fellow', fellowId);
      const inserted = await insertConflict(manager, {
        mentor_id: mentorId,
        fellow_id: fellowId,
        reason,
        declared_by: actor.id,
      });
      if (inserted) {
        await this.audit.record(manager, actor, {
          action: 'mentor_conflict.declared',
          entityType: 'mentor',
          entityId: mentorId,
          after: { conflictId: inserted, fellowId, reason },
        });
      }
      const row = (await conflictOf(manager, mentorId, fellowId)) as ConflictRow;
      return toView(row);
    });
  }

  async list(mentorId: string): Promise<MentorConflictView[]> {
    await this.assertMentor(this.db.manager, mentorId);
    const rows = await conflictsOfMentor(this.db.manager, mentorId);
    return rows.map(toView);
  }

  async remove(actor: AuthenticatedUser, mentorId: string, conflictId: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      const removed = await deleteConflict(manager, conflictId, mentorId);
      if (!removed) throw new NotFoundError('Conflict', conflictId);
      await this.audit.record(manager, actor, {
        action: 'mentor_conflict.removed',
        entityType: 'mentor',
        entityId: mentorId,
        before: { conflictId, fellowId: removed.fellow_id, reason: removed.reason, declaredBy: removed.declared_by },
      });
    });
  }

  /**
   * The active fellows a mentor may declare a conflict with: name, enterprise and sector only
   * (no contact data, nothing from the selection).
   */
  async directory(query: FellowsDirectoryQuery): Promise<FellowsDirectoryEntry[]> {
    const q = query.q?.trim() ?? '';
    const rows = await activeFellowsDirectory(this.db.manager, query.cohortId ?? undefined, q);
    return rows.map((r) => ({
      fellowId: r.id,
      fullName: r.full_name,
      enterpriseName: r.enterprise_name,
      sector: r.sector,
      cohortId: r.cohort_id,
      cohortName: r.cohort_name,
    }));
  }

  /** Conflicts belong to accounts holding the mentor role; anyone else is "not a mentor" (404). */
  private async assertMentor(manager: EntityManager, userId: string): Promise<void> {
    if (!(await holdsMentorRole(manager, userId))) throw new NotAMentorError();
  }
}

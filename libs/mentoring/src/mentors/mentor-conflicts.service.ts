import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@vgbf/audit';
import { type AuthenticatedUser, NotFoundError } from '@vgbf/core';
import { Transactions } from '@vgbf/database';
import { DataSource, type EntityManager } from 'typeorm';
import type { FellowsDirectoryEntry, FellowsDirectoryQuery, MentorConflictView } from './dto/mentor.dto';
import { NotAMentorError } from './mentors.errors';

interface ConflictRow {
  id: string;
  mentor_id: string;
  mentor_name: string;
  fellow_id: string;
  fellow_name: string;
  cohort_id: string;
  reason: string;
  declared_by: string;
  created_at: Date;
}

const CONFLICT_SQL = `
  SELECT c.id, c.mentor_id, m.full_name AS mentor_name, c.fellow_id, f.full_name AS fellow_name, f.cohort_id,
         c.reason, c.declared_by, c.created_at
    FROM mentor_conflicts c
    JOIN user_contacts_v m ON m.id = c.mentor_id
    JOIN fellows_v f ON f.id = c.fellow_id`;

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
      const [fellow] = await manager.query<unknown[]>(`SELECT 1 FROM fellows_v WHERE id = $1`, [fellowId]);
      if (!fellow) throw new NotFoundError('Fellow', fellowId);
      const [inserted] = await manager.query<Array<{ id: string }>>(
        `INSERT INTO mentor_conflicts (mentor_id, fellow_id, reason, declared_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (mentor_id, fellow_id) DO NOTHING RETURNING id`,
        [mentorId, fellowId, reason, actor.id],
      );
      if (inserted) {
        await this.audit.record(manager, actor, {
          action: 'mentor_conflict.declared',
          entityType: 'mentor',
          entityId: mentorId,
          after: { conflictId: inserted.id, fellowId, reason },
        });
      }
      const [row] = await manager.query<ConflictRow[]>(`${CONFLICT_SQL} WHERE c.mentor_id = $1 AND c.fellow_id = $2`, [
        mentorId,
        fellowId,
      ]);
      return toView(row);
    });
  }

  async list(mentorId: string): Promise<MentorConflictView[]> {
    await this.assertMentor(this.db.manager, mentorId);
    const rows = await this.db.query<ConflictRow[]>(
      `${CONFLICT_SQL} WHERE c.mentor_id = $1 ORDER BY f.full_name, c.created_at, c.id`,
      [mentorId],
    );
    return rows.map(toView);
  }

  async remove(actor: AuthenticatedUser, mentorId: string, conflictId: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      const [removed] = await manager.query<Array<{ fellow_id: string; reason: string; declared_by: string }>>(
        // As a SELECT over the CTE: TypeORM answers a bare DELETE … RETURNING with [rows, count].
        `WITH removed AS (
           DELETE FROM mentor_conflicts WHERE id = $1 AND mentor_id = $2 RETURNING fellow_id, reason, declared_by)
         SELECT * FROM removed`,
        [conflictId, mentorId],
      );
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
    const rows = await this.db.query<
      Array<{
        id: string;
        full_name: string;
        enterprise_name: string | null;
        sector: string | null;
        cohort_id: string;
        cohort_name: string;
      }>
    >(
      `SELECT f.id, f.full_name, f.enterprise_name, f.sector, f.cohort_id, c.name AS cohort_name
         FROM fellows_v f JOIN cohort_headers_v c ON c.id = f.cohort_id
        WHERE f.status = 'active'
          AND ($1::uuid IS NULL OR f.cohort_id = $1)
          AND ($2 = '' OR vgbf_fold(f.full_name || ' ' || coalesce(f.enterprise_name, '')) LIKE '%' || vgbf_fold($2) || '%')
        ORDER BY f.full_name, f.id
        LIMIT 500`,
      [query.cohortId ?? null, q.replace(/[%_\\]/g, '\\$&')],
    );
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
    const [row] = await manager.query<unknown[]>(
      `SELECT 1 FROM user_contacts_v WHERE id = $1 AND 'mentor' = ANY(roles)`,
      [userId],
    );
    if (!row) throw new NotAMentorError();
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@vgbf/audit';
import { type AuthenticatedUser, Clock, NotFoundError } from '@vgbf/core';
import { Transactions } from '@vgbf/database';
import type { DataSource, EntityManager } from 'typeorm';
import { ApplicationNote, ApplicationTag } from './application-note.entity';
import type { ApplicationNoteView, EligibilityOverrideView, StaffPanelView } from './staff-notes.dto';

interface ContactRow {
  full_name: string;
  email: string;
  phone: string | null;
  language: string;
}

interface NoteRow {
  id: string;
  body: string;
  author_id: string;
  author_name: string;
  created_at: Date;
}

const noteView = (r: NoteRow): ApplicationNoteView => ({
  id: r.id,
  body: r.body,
  authorId: r.author_id,
  authorName: r.author_name,
  createdAt: r.created_at.toISOString(),
});

/**
 * What staff alone see and keep on an application: the applicant's contact details, internal
 * notes (append-only, with author and time) and a small set of tags. These live in their own tables
 * and are read only here, so the applicant's and reviewers' views cannot carry them.
 */
@Injectable()
export class StaffNotesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly transactions: Transactions,
  ) {}

  async panel(id: string): Promise<StaffPanelView> {
    const [contact] = await this.db.query<ContactRow[]>(
      `SELECT coalesce(nullif(a.personal->>'fullName', ''), u.full_name) AS full_name, u.email,
              nullif(a.personal->>'phone', '') AS phone, u.language
         FROM applications a JOIN user_contacts_v u ON u.id = a.applicant_id
        WHERE a.id = $1`,
      [id],
    );
    if (!contact) throw new NotFoundError('Application', id);
    const [notes, tags, eligibilityOverride] = await Promise.all([
      this.notes(this.db.manager, id),
      this.tags(this.db.manager, id),
      this.eligibilityOverride(this.db.manager, id),
    ]);
    return {
      contact: { fullName: contact.full_name, email: contact.email, phone: contact.phone, language: contact.language },
      notes,
      tags,
      eligibilityOverride,
    };
  }

  async addNote(actor: AuthenticatedUser, id: string, body: string): Promise<ApplicationNoteView> {
    return this.transactions.run(async (manager) => {
      await this.lockApplication(manager, id);
      const note = await manager.getRepository(ApplicationNote).save({ applicationId: id, authorId: actor.id, body });
      // The audit row names the note, not its text: the text stays in the staff-only table.
      await this.audit.record(manager, actor, {
        action: 'application.note_added',
        entityType: 'application',
        entityId: id,
        after: { noteId: note.id },
      });
      const [row] = await manager.query<NoteRow[]>(
        `SELECT n.id, n.body, n.author_id, u.full_name AS author_name, n.created_at
           FROM application_notes n JOIN user_contacts_v u ON u.id = n.author_id WHERE n.id = $1`,
        [note.id],
      );
      return noteView(row);
    });
  }

  async setTags(actor: AuthenticatedUser, id: string, tags: string[]): Promise<string[]> {
    return this.transactions.run(async (manager) => {
      await this.lockApplication(manager, id);
      const before = await this.tags(manager, id);
      const repo = manager.getRepository(ApplicationTag);
      const removed = before.filter((t) => !tags.includes(t));
      const added = tags.filter((t) => !before.includes(t));
      if (removed.length === 0 && added.length === 0) return before;
      if (removed.length > 0) {
        await manager.query(`DELETE FROM application_tags WHERE application_id = $1 AND tag = ANY($2)`, [id, removed]);
      }
      if (added.length > 0) await repo.insert(added.map((tag) => ({ applicationId: id, tag, createdBy: actor.id })));
      const after = await this.tags(manager, id);
      await this.audit.record(manager, actor, {
        action: 'application.tags_set',
        entityType: 'application',
        entityId: id,
        before: { tags: before },
        after: { tags: after },
      });
      return after;
    });
  }

  /** Overrides (or re-words) the eligibility decision of an application before it is submitted; audited. */
  async overrideEligibility(actor: AuthenticatedUser, id: string, reason: string): Promise<EligibilityOverrideView> {
    return this.transactions.run(async (manager) => {
      await this.lockApplication(manager, id);
      const before = await this.eligibilityOverride(manager, id);
      await manager.query(
        `INSERT INTO application_eligibility_overrides (application_id, reason, overridden_by) VALUES ($1, $2, $3)
         ON CONFLICT (application_id) DO UPDATE SET reason = $2, overridden_by = $3, created_at = $4`,
        [id, reason, actor.id, this.clock.now()],
      );
      await this.audit.record(manager, actor, {
        action: 'application.eligibility_overridden',
        entityType: 'application',
        entityId: id,
        before: before ? { reason: before.reason } : null,
        after: { reason },
        reason,
      });
      return (await this.eligibilityOverride(manager, id))!;
    });
  }

  private async eligibilityOverride(manager: EntityManager, id: string): Promise<EligibilityOverrideView | null> {
    const [row] = await manager.query<Array<{ reason: string; by_name: string; created_at: Date }>>(
      `SELECT o.reason, u.full_name AS by_name, o.created_at
         FROM application_eligibility_overrides o JOIN user_contacts_v u ON u.id = o.overridden_by
        WHERE o.application_id = $1`,
      [id],
    );
    return row ? { reason: row.reason, byName: row.by_name, at: row.created_at.toISOString() } : null;
  }

  private async lockApplication(manager: EntityManager, id: string): Promise<void> {
    const rows = await manager.query<unknown[]>(`SELECT id FROM applications WHERE id = $1 FOR UPDATE`, [id]);
    if (rows.length === 0) throw new NotFoundError('Application', id);
  }

  private async notes(manager: EntityManager, id: string): Promise<ApplicationNoteView[]> {
    const rows = await manager.query<NoteRow[]>(
      `SELECT n.id, n.body, n.author_id, u.full_name AS author_name, n.created_at
         FROM application_notes n JOIN user_contacts_v u ON u.id = n.author_id
        WHERE n.application_id = $1 ORDER BY n.created_at DESC, n.id`,
      [id],
    );
    return rows.map(noteView);
  }

  private async tags(manager: EntityManager, id: string): Promise<string[]> {
    const rows = await manager.query<Array<{ tag: string }>>(
      `SELECT tag FROM application_tags WHERE application_id = $1 ORDER BY tag`,
      [id],
    );
    return rows.map((r) => r.tag);
  }
}

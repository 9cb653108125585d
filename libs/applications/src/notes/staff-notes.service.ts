import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@vgbf/audit';
import { type AuthenticatedUser, Clock, NotFoundError } from '@vgbf/core';
import { Transactions } from '@vgbf/database';
import type { DataSource, EntityManager } from 'typeorm';
import { overrideWithName, upsertOverride } from '../data-access/eligibility-overrides';
import {
  type NoteRow,
  applicantContact,
  deleteTags,
  lockApplicationRow,
  noteById,
  notesOf,
  tagsOf,
} from '../data-access/staff-notes';
import { ApplicationNote, ApplicationTag } from './application-note.entity';
import type { ApplicationNoteView, EligibilityOverrideView, StaffPanelView } from './staff-notes.dto';

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
    const contact = await applicantContact(this.db.manager, id);
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
      return noteView((await noteById(manager, note.id))!);
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
        await deleteTags(manager, id, removed);
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
      await upsertOverride(manager, { applicationId: id, reason, by: actor.id, now: this.clock.now() });
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
    const row = await overrideWithName(manager, id);
    return row ? { reason: row.reason, byName: row.by_name, at: row.created_at.toISOString() } : null;
  }

  private async lockApplication(manager: EntityManager, id: string): Promise<void> {
    if (!(await lockApplicationRow(manager, id))) throw new NotFoundError('Application', id);
  }

  private async notes(manager: EntityManager, id: string): Promise<ApplicationNoteView[]> {
    return (await notesOf(manager, id)).map(noteView);
  }

  private async tags(manager: EntityManager, id: string): Promise<string[]> {
    return tagsOf(manager, id);
  }
}

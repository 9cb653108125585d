import type { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditService } from '@vgbf/audit';
import { type AuthenticatedUser, Clock, type FieldError, NotFoundError } from '@vgbf/core';
import { DOCUMENT_STORAGE, type DocumentStorage, storePdf, type StoredObject, sanitizeFilename } from '@vgbf/storage';
import { MAX_EVIDENCE_BYTES } from './evidence-file';
import { Transactions } from '@vgbf/database';
import type { EntityManager } from 'typeorm';
import {
  decisionsOn,
  insertReview,
  insertSubmission,
  latestSubmission,
  setMilestoneState,
  submissionFile,
} from '../data-access/evidence';
import type { MilestoneView, ReviewDto, SubmitEvidenceDto, WaiveDto } from '../dto/milestone.dto';
import type { EvidenceKind } from '../entities/milestone-template.entity';
import { type MilestoneAccess, milestoneFor } from '../milestone-access';
import { canApply, nextState } from '../milestone-lifecycle';
import { MilestoneReadsService } from '../milestone-reads.service';
import {
  AlreadyReviewedError,
  MilestoneInputError,
  MilestoneTransitionError,
  NotReviewerError,
  OwnMilestoneError,
} from '../milestones.errors';
import { EvidenceMail } from './evidence-mail';

/** An evidence file as it arrives: the client's name for it and its bytes, still streaming in. */
export interface IncomingEvidenceFile {
  filename: string | undefined;
  stream: NodeJS.ReadableStream;
  /** Refuses the upload when another part follows the file (see receivePdfUpload). */
  end?: () => Promise<void>;
}

/** What the reviewer decided on a submission, as the audit names it. */
const REVIEW_ACTIONS = {
  approved: 'milestone.approved',
  partially_approved: 'milestone.partially_approved',
  changes_requested: 'milestone.changes_requested',
} as const;

/** Which evidence kinds the input carries, and what is wrong with them for this milestone. */
export function evidenceErrors(kinds: EvidenceKind[], input: SubmitEvidenceDto, hasFile: boolean): FieldError[] {
  const given: Array<[EvidenceKind, boolean]> = [
    ['text', !!input.text],
    ['link', !!input.link],
    ['file', hasFile],
  ];
  const errors: FieldError[] = given
    .filter(([kind, present]) => present && !kinds.includes(kind))
    .map(([kind]) => ({ field: kind, message: `this milestone takes ${kinds.join(', ')}, not ${kind}` }));
  if (!given.some(([kind, present]) => present && kinds.includes(kind)))
    errors.push({ field: 'evidence', message: `give at least one of: ${kinds.join(', ')}` });
  return errors;
}

/**
 * Evidence and its review: the fellow submits (a new version each time), the reviewers decide
 * (mentor, staff, or both of them on the same version), staff waive. Every change of state goes
 * through the lifecycle table, is audited, and emails through the outbox in the same transaction.
 */
@Injectable()
export class EvidenceService {
  private readonly logger = new Logger(EvidenceService.name);

  constructor(
    private readonly reads: MilestoneReadsService,
    private readonly audit: AuditService,
    private readonly mail: EvidenceMail,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
    private readonly clock: Clock,
    private readonly transactions: Transactions,
  ) {}

  /**
   * The fellow submits evidence. With a file: the milestone is checked before a byte is read, the
   * file streams to storage through the PDF check, and the record is written under the lock (the
   * file is removed again when that fails). Nothing is written for refused input.
   */
  async submit(
    actor: AuthenticatedUser,
    id: string,
    input: SubmitEvidenceDto,
    at: Date,
    receive?: () => Promise<{ fields: SubmitEvidenceDto; file: IncomingEvidenceFile }>,
  ): Promise<MilestoneView> {
    const access = await this.transactions.run((manager) => this.lockForSubmit(manager, actor, id));
    let stored: StoredObject | null = null;
    let filename: string | null = null;
    if (receive) {
      const incoming = await receive();
      input = incoming.fields;
      const errors = evidenceErrors(access.evidence, input, true);
      if (errors.length) {
        incoming.file.stream.resume();
        throw new MilestoneInputError(errors);
      }
      stored = await storePdf(this.storage, incoming.file.stream, {
        prefix: `milestones/${id}`,
        maxBytes: MAX_EVIDENCE_BYTES,
        end: incoming.file.end,
      });
      filename = sanitizeFilename(incoming.file.filename);
    } else {
      const errors = evidenceErrors(access.evidence, input, false);
      if (errors.length) throw new MilestoneInputError(errors);
    }
    try {
      return await this.transactions.run(async (manager) => {
        const milestone = await this.lockForSubmit(manager, actor, id);
        const state = nextState(milestone.state, 'submit');
        const submission = await insertSubmission(
          manager,
          {
            milestoneId: id,
            text: input.text || null,
            link: input.link || null,
            storageKey: stored?.key ?? null,
            filename,
            sizeBytes: stored?.size ?? null,
            sha256: stored?.sha256 ?? null,
            submittedBy: actor.id,
          },
          at,
        );
        await setMilestoneState(manager, id, state, { submitted_at: at }, at);
        await this.audit.record(manager, actor, {
          action: 'milestone.submitted',
          entityType: 'milestone',
          entityId: id,
          before: { state: milestone.state },
          after: {
            state,
            submissionId: submission.id,
            version: submission.version,
            kinds: evidenceKinds(input, stored !== null),
            sha256: stored?.sha256 ?? null,
          },
        });
        await this.mail.submitted(manager, milestone, submission.version);
        return this.reads.milestone(milestone.fellowId, id);
      });
    } catch (error) {
      if (stored) await this.discard(stored.key);
      throw error;
    }
  }

  /**
   * A reviewer decides on the latest submission. A fellow never reviews their own milestone (403,
   * whatever other role they hold). For a "both" milestone, approval needs the mentor and staff
   * to approve the same version; changes asked by either side send it back to the fellow.
   */
  async review(actor: AuthenticatedUser, id: string, input: ReviewDto, at: Date): Promise<MilestoneView> {
    return this.transactions.run(async (manager) => {
      const milestone = await milestoneFor(manager, actor, id, true);
      if (milestone.sides.includes('fellow')) throw new OwnMilestoneError();
      const candidates = milestone.sides.filter(
        (s): s is 'mentor' | 'staff' =>
          (s === 'mentor' && milestone.reviewer !== 'staff') || (s === 'staff' && milestone.reviewer !== 'mentor'),
      );
      if (!candidates.length) throw new NotReviewerError(milestone.reviewer);
      if (!canApply(milestone.state, 'approve')) throw new MilestoneTransitionError(milestone.state, 'review');
      const submission = await latestSubmission(manager, id);
      // Submitted (canApply above) means there is one.
      if (!submission) throw new MilestoneTransitionError(milestone.state, 'review');
      const decided = await decisionsOn(manager, submission.id);
      // One decision per person on a version: someone who is both the fellow's mentor and staff cannot
      // give both sign-offs of a "both" milestone (nor decide twice by double-clicking).
      const mine = decided.find((d) => d.reviewer_id === actor.id);
      if (mine) throw new AlreadyReviewedError(mine.reviewer_role);
      const side = candidates.find((s) => !decided.some((d) => d.reviewer_role === s));
      if (!side) throw new AlreadyReviewedError(candidates[0]);
      await insertReview(manager, {
        milestoneId: id,
        submissionId: submission.id,
        reviewerId: actor.id,
        role: side,
        decision: input.decision,
        comment: input.comment ?? '',
      });
      const otherApproved = decided.some((d) => d.reviewer_role !== side && d.decision === 'approved');
      const outcome =
        input.decision === 'changes_requested'
          ? 'changes_requested'
          : milestone.reviewer === 'both' && !otherApproved
            ? 'partially_approved'
            : 'approved';
      const state =
        outcome === 'changes_requested'
          ? nextState(milestone.state, 'request_changes')
          : outcome === 'approved'
            ? nextState(milestone.state, 'approve')
            : milestone.state;
      if (state !== milestone.state)
        await setMilestoneState(manager, id, state, { approved_at: state === 'approved' ? at : null }, at);
      await this.audit.record(manager, actor, {
        action: REVIEW_ACTIONS[outcome],
        entityType: 'milestone',
        entityId: id,
        before: { state: milestone.state },
        after: { state, side, decision: input.decision, submissionId: submission.id, version: submission.version },
        reason: input.comment || null,
      });
      if (outcome !== 'partially_approved')
        await this.mail.decided(manager, milestone, outcome, input.comment ?? '', submission.version);
      return this.reads.milestone(milestone.fellowId, id);
    });
  }

  /** Staff waive a milestone that is not yet approved, with the reason; audited. */
  async waive(actor: AuthenticatedUser, id: string, input: WaiveDto): Promise<MilestoneView> {
    return this.transactions.run(async (manager) => {
      const milestone = await milestoneFor(manager, actor, id, true);
      if (milestone.sides.includes('fellow')) throw new OwnMilestoneError();
      const state = nextState(milestone.state, 'waive');
      await setMilestoneState(manager, id, state, { waived_reason: input.reason }, this.clock.now());
      await this.audit.record(manager, actor, {
        action: 'milestone.waived',
        entityType: 'milestone',
        entityId: id,
        before: { state: milestone.state },
        after: { state },
        reason: input.reason,
      });
      return this.reads.milestone(milestone.fellowId, id);
    });
  }

  /** A submission's file, for the fellow, their active mentor and staff; 404 for anyone else. */
  async openFile(
    actor: AuthenticatedUser,
    id: string,
    submissionId: string,
  ): Promise<{ filename: string; sizeBytes: number; content: Readable }> {
    const manager = this.transactions.current();
    await milestoneFor(manager, actor, id);
    const row = await submissionFile(manager, id, submissionId);
    if (!row?.storage_key) throw new NotFoundError('Submission', submissionId);
    return {
      filename: row.filename ?? '',
      sizeBytes: row.size_bytes ?? 0,
      content: await this.storage.get(row.storage_key),
    };
  }

  private async lockForSubmit(manager: EntityManager, actor: AuthenticatedUser, id: string): Promise<MilestoneAccess> {
    const milestone = await milestoneFor(manager, actor, id, true);
    // Only the fellow themself submits; to anyone else (staff included) another's milestone is not theirs.
    if (!milestone.sides.includes('fellow')) throw new NotFoundError('Milestone', id);
    nextState(milestone.state, 'submit');
    return milestone;
  }

  private async discard(key: string): Promise<void> {
    try {
      await this.storage.delete(key);
    } catch (error) {
      this.logger.warn({ err: error, storageKey: key }, 'Could not remove a stored file no submission refers to');
    }
  }
}

const evidenceKinds = (input: SubmitEvidenceDto, hasFile: boolean): EvidenceKind[] => [
  ...(input.text ? (['text'] as const) : []),
  ...(input.link ? (['link'] as const) : []),
  ...(hasFile ? (['file'] as const) : []),
];

import { Injectable } from '@nestjs/common';
import { AuditService } from '@vgbf/audit';
import { type AuthenticatedUser, Clock, NotFoundError } from '@vgbf/core';
import { Transactions } from '@vgbf/database';
import type { RematchRequestDto, RematchRequestView, ResolveRematchDto } from './dto/matching.dto';
import { matchingConstraints } from './matching-state';
import { RematchAlreadyRequestedError, RematchResolvedError } from './matching.errors';

/**
 * Rematches: the fellow or the mentor of an active pair asks staff for another match; staff end
 * the pair (the fellow is matched again, never to the same mentor: a forbid) or keep it.
 */
@Injectable()
export class RematchService {
  constructor(
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The fellow or the mentor of an active pair asks staff for another match. */
  async request(actor: AuthenticatedUser, pairingId: string, input: RematchRequestDto): Promise<RematchRequestView> {
    return this.transactions.run(async (manager) => {
      const [pair] = await manager.query<Array<{ mentor_id: string; fellow_user: string; cohort_id: string }>>(
        `SELECT p.mentor_id, f.user_id AS fellow_user, p.cohort_id
           FROM pairings p JOIN fellows_v f ON f.id = p.fellow_id WHERE p.id = $1 AND p.status = 'active'`,
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
      const [view] = await this.list(pair.cohort_id, row.id);
      return view;
    });
  }

  /** The cohort's rematch requests (or one of them), in the caller's transaction when there is one. */
  async list(cohortId: string, id?: string): Promise<RematchRequestView[]> {
    const rows = await this.transactions.current().query<
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
         JOIN fellows_v f ON f.id = p.fellow_id
         JOIN user_contacts_v u ON u.id = p.mentor_id
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
  async resolve(actor: AuthenticatedUser, id: string, input: ResolveRematchDto): Promise<RematchRequestView> {
    return this.transactions.run(async (manager) => {
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
        await matchingConstraints.forbid(manager, {
          cohortId: request.cohort_id,
          subjectId: request.fellow_id,
          targetId: request.mentor_id,
          note: `Rematch: ${input.note}`,
          actorId: actor.id,
        });
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
      const [view] = await this.list(request.cohort_id, id);
      return view;
    });
  }
}

import { Injectable } from '@nestjs/common';
import { AuditService } from '@vgbf/audit';
import { type AuthenticatedUser, Clock, NotFoundError } from '@vgbf/core';
import { Transactions } from '@vgbf/database';
import {
  activePair,
  endPair,
  insertRequest,
  lockRequest,
  requestsOfCohort,
  resolveRequests,
} from '../data-access/rematch-requests';
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
      const pair = await activePair(manager, pairingId);
      const role = pair?.mentor_id === actor.id ? 'mentor' : pair?.fellow_user === actor.id ? 'fellow' : null;
      if (!pair || !role) throw new NotFoundError('Pairing', pairingId);
      const requestId = await insertRequest(manager, {
        pairing_id: pairingId,
        requested_by: actor.id,
        requester_role: role,
        reason: input.reason,
      });
      if (!requestId) throw new RematchAlreadyRequestedError();
      await this.audit.record(manager, actor, {
        action: 'rematch.requested',
        entityType: 'pairing',
        entityId: pairingId,
        after: { requestId, role, reason: input.reason },
      });
      const [view] = await this.list(pair.cohort_id, requestId);
      return view;
    });
  }

  /** The cohort's rematch requests (or one of them), in the caller's transaction when there is one. */
  async list(cohortId: string, id?: string): Promise<RematchRequestView[]> {
    const rows = await requestsOfCohort(this.transactions.current(), cohortId, id);
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
      const request = await lockRequest(manager, id);
      if (!request) throw new NotFoundError('Request', id);
      if (request.status !== 'open') throw new RematchResolvedError(request.status);
      const now = this.clock.now();
      const status = input.decision === 'rematch' ? 'rematched' : 'kept';
      if (input.decision === 'rematch') {
        await endPair(manager, request.pairing_id, now, input.note);
        await matchingConstraints.forbid(manager, {
          cohortId: request.cohort_id,
          subjectId: request.fellow_id,
          targetId: request.mentor_id,
          note: `Rematch: ${input.note}`,
          actorId: actor.id,
        });
      }
      // Whoever else asked about the same pair gets the same answer.
      await resolveRequests(manager, request.pairing_id, {
        status,
        resolution: input.note,
        resolved_by: actor.id,
        resolved_at: now,
      });
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

import { Injectable } from '@nestjs/common';
import { AuditService } from '@vgbf/audit';
import { type AuthenticatedUser, NotFoundError } from '@vgbf/core';
import { Transactions } from '@vgbf/database';
import { ConflictsService } from './conflicts.service';
import { cohortExists } from './data-access/cohorts';
import type { DeclarationReceipt, DeclareConflictsDto } from './dto/conflict.dto';
import { ConflictDeclaration } from './entities/conflict-declaration.entity';

/**
 * A reviewer's conflict declaration without a lookup: they name whom they know, the server matches
 * the names against the cohort's applicants, and each match leaves their assignments. The answer is
 * the same whether anything matched or not, so nothing a reviewer receives ties a name to a blind
 * assignment; staff see the conflicts it made (the cohort's conflict list, with the name it matched).
 */
@Injectable()
export class ConflictDeclarationsService {
  constructor(
    private readonly conflicts: ConflictsService,
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
  ) {}

  async declare(actor: AuthenticatedUser, input: DeclareConflictsDto): Promise<DeclarationReceipt> {
    return this.transactions.run(async (manager) => {
      if (!(await cohortExists(manager, input.cohortId))) throw new NotFoundError('Cohort', input.cohortId);
      const repo = manager.getRepository(ConflictDeclaration);
      const declaration = repo.create({
        reviewerId: actor.id,
        cohortId: input.cohortId,
        names: [...new Set(input.names)],
        emails: [...new Set((input.emails ?? []).map((e) => e.trim().toLowerCase()))],
        reason: input.reason,
      });
      const applicants = await this.conflicts.applicantFacts(manager, input.cohortId);
      declaration.matched = await this.conflicts.applyDeclaration(manager, actor, declaration, applicants);
      const saved = await repo.save(declaration);
      await this.audit.record(manager, actor, {
        action: 'conflict.declaration_recorded',
        entityType: 'cohort',
        entityId: input.cohortId,
        after: { declarationId: saved.id, names: saved.names, emails: saved.emails, matched: saved.matched },
        reason: saved.reason,
      });
      return toReceipt(saved);
    });
  }

  /** The reviewer's own declarations, as they wrote them (what matched is staff's to see). */
  async mine(actor: AuthenticatedUser): Promise<DeclarationReceipt[]> {
    const rows = await this.transactions
      .current()
      .getRepository(ConflictDeclaration)
      .find({ where: { reviewerId: actor.id }, order: { createdAt: 'DESC' } });
    return rows.map(toReceipt);
  }
}

const toReceipt = (d: ConflictDeclaration): DeclarationReceipt => ({
  id: d.id,
  cohortId: d.cohortId,
  names: d.names,
  emails: d.emails,
  reason: d.reason,
  createdAt: d.createdAt.toISOString(),
});

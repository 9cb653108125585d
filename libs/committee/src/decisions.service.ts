import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type ApplicationStatus, ApplicationTransitions } from '@vgbf/applications';
import { AuditService } from '@vgbf/audit';
import { type AuthenticatedUser, DomainError } from '@vgbf/core';
import { Transactions } from '@vgbf/database';
import { DataSource } from 'typeorm';
import { InvalidScoresError } from './committee.errors';
import type { Decision, DecisionResult } from './dto/decision.dto';
import { Interview } from './entities/interview.entity';
import { RoundsService } from './rounds.service';
import { scoreErrors, weightedMean } from './rubric';

const TARGET: Record<Decision, ApplicationStatus> = {
  shortlist: 'shortlisted',
  interviewed: 'interviewed',
  reject: 'rejected',
};

/** The committee's decisions on the board: shortlist, interviewed (with its scores), reject — each with a rationale. */
@Injectable()
export class DecisionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly transitions: ApplicationTransitions,
    private readonly rounds: RoundsService,
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
  ) {}

  async decide(
    actor: AuthenticatedUser,
    applicationId: string,
    decision: Decision,
    rationale: string,
    interviewScores?: Record<string, number>,
  ): Promise<DecisionResult> {
    return this.transactions.run(async (manager) => {
      const app = await this.transitions.lock(manager, applicationId);
      const from = app.status;
      let interviewScore: number | null = null;
      if (decision === 'interviewed' && interviewScores) {
        const { rubric } = await this.rounds.round(app.cohortId, manager);
        const errors = scoreErrors(rubric, interviewScores).map((e) => ({
          ...e,
          field: `interviewScores.${e.field.slice(7)}`,
        }));
        if (errors.length) throw new InvalidScoresError(errors);
        await manager
          .getRepository(Interview)
          .upsert({ applicationId, scores: { ...interviewScores }, recordedBy: actor.id }, ['applicationId']);
        interviewScore = Math.round(weightedMean(rubric, interviewScores) * 1000) / 1000;
      } else if (decision !== 'interviewed' && interviewScores) {
        throw new DomainError(
          'invalid_decision',
          'invalid',
          'Interview scores go with the "interviewed" decision only.',
          {
            errors: [
              {
                field: 'interviewScores',
                message: 'interviewScores are only for decision "interviewed"',
                code: 'validation.interview_scores_unexpected',
              },
            ],
          },
        );
      }
      await this.transitions.move(manager, app, TARGET[decision], actor.id, rationale);
      await this.audit.record(manager, actor, {
        action: `decision.${decision}`,
        entityType: 'application',
        entityId: applicationId,
        before: { status: from },
        after: { status: app.status, interviewScores: interviewScores ?? null },
        reason: rationale,
      });
      return { applicationId, status: app.status, interviewScore };
    });
  }
}

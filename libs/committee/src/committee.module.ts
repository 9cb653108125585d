import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApplicationsModule } from '@vgbf/applications';
import { AuditModule } from '@vgbf/audit';
import { CohortsModule } from '@vgbf/cohorts';
import { FellowsModule } from '@vgbf/fellows';
import { OutboxModule } from '@vgbf/outbox';
import { ProposalsModule } from '@vgbf/proposals';
import { AssignmentsService } from './assignments.service';
import { CommitteeCohortHooks } from './cohort-hooks';
import { CommitteeJobsModule } from './committee-jobs.module';
import { CommitteeController } from './committee.controller';
import { ConflictDeclarationsService } from './conflict-declarations.service';
import { ConflictsService } from './conflicts.service';
import { ConflictDeclaration } from './entities/conflict-declaration.entity';
import { DecisionsService } from './decisions.service';
import { Interview } from './entities/interview.entity';
import { Review } from './entities/review.entity';
import { ReviewDraft } from './entities/review-draft.entity';
import { ReviewAssignment } from './entities/review-assignment.entity';
import { ReviewRound } from './entities/review-round.entity';
import { ReviewerConflict } from './entities/reviewer-conflict.entity';
import { ReviewerProfile } from './entities/reviewer-profile.entity';
import { Offer } from './offers/offer.entity';
import { WaitlistEntry } from './offers/waitlist-entry.entity';
import { OffersController } from './offers/offers.controller';
import { OffersService } from './offers/offers.service';
import { RankingService } from './ranking.service';
import { ReviewersController } from './reviews.controller';
import { ReviewersService } from './reviewers.service';
import { ReviewsService } from './reviews.service';
import { RoundsService } from './rounds.service';
import { SelectionRun } from './selection/selection-run.entity';
import { SelectionCandidates } from './selection/selection-candidates';
import { SelectionConfirmation } from './selection/selection-confirmation';
import { SelectionStatus } from './selection/selection-status';
import { SelectionController } from './selection/selection.controller';
import { SelectionService } from './selection/selection.service';
import { CommitteeHolder } from './personal-data/committee.holder';

export const COMMITTEE_ENTITIES = [
  ReviewRound,
  ReviewerProfile,
  ReviewerConflict,
  ConflictDeclaration,
  ReviewAssignment,
  Review,
  ReviewDraft,
  Interview,
  SelectionRun,
  Offer,
  WaitlistEntry,
];

@Module({
  imports: [
    TypeOrmModule.forFeature(COMMITTEE_ENTITIES),
    ApplicationsModule,
    AuditModule,
    CohortsModule,
    CommitteeJobsModule,
    FellowsModule,
    OutboxModule,
    ProposalsModule,
  ],
  controllers: [CommitteeController, ReviewersController, SelectionController, OffersController],
  providers: [
    CommitteeHolder,
    RoundsService,
    ReviewersService,
    ConflictsService,
    ConflictDeclarationsService,
    AssignmentsService,
    ReviewsService,
    RankingService,
    DecisionsService,
    SelectionCandidates,
    SelectionService,
    SelectionConfirmation,
    SelectionStatus,
    OffersService,
    CommitteeCohortHooks,
  ],
  exports: [RankingService, RoundsService],
})
export class CommitteeModule {}

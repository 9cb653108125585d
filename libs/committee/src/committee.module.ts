import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApplicationsModule } from '@vgbf/applications';
import { AuditModule } from '@vgbf/audit';
import { CohortsModule } from '@vgbf/cohorts';
import { Clock } from '@vgbf/core';
import { AssignmentsService } from './assignments.service';
import { CommitteeController } from './committee.controller';
import { ConflictsService } from './conflicts.service';
import { DecisionsService } from './decisions.service';
import { Interview } from './entities/interview.entity';
import { Review } from './entities/review.entity';
import { ReviewAssignment } from './entities/review-assignment.entity';
import { ReviewRound } from './entities/review-round.entity';
import { ReviewerConflict } from './entities/reviewer-conflict.entity';
import { ReviewerProfile } from './entities/reviewer-profile.entity';
import { RankingService } from './ranking.service';
import { ReviewersController } from './reviews.controller';
import { ReviewersService } from './reviewers.service';
import { ReviewsService } from './reviews.service';
import { RoundsService } from './rounds.service';

export const COMMITTEE_ENTITIES = [ReviewRound, ReviewerProfile, ReviewerConflict, ReviewAssignment, Review, Interview];

@Module({
  imports: [TypeOrmModule.forFeature(COMMITTEE_ENTITIES), ApplicationsModule, AuditModule, CohortsModule],
  controllers: [CommitteeController, ReviewersController],
  providers: [
    RoundsService,
    ReviewersService,
    ConflictsService,
    AssignmentsService,
    ReviewsService,
    RankingService,
    DecisionsService,
    Clock,
  ],
  exports: [RankingService, RoundsService],
})
export class CommitteeModule {}

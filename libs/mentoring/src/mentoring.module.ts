import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@vgbf/audit';
import { CohortsModule } from '@vgbf/cohorts';
import { FellowsModule } from '@vgbf/fellows';
import { IdentityModule } from '@vgbf/identity';
import { OutboxModule } from '@vgbf/outbox';
import { CalendarFeed } from './entities/calendar-feed.entity';
import { FeedbackAnswer } from './entities/feedback-answer.entity';
import { MatchingConstraint } from './entities/matching-constraint.entity';
import { MatchingRun } from './entities/matching-run.entity';
import { MentorConflict } from './entities/mentor-conflict.entity';
import { MentorProfile } from './entities/mentor-profile.entity';
import { MentoringSession } from './entities/mentoring-session.entity';
import { Pairing } from './entities/pairing.entity';
import { PlannedSession } from './entities/planned-session.entity';
import { MatchingModule } from './matching/matching.module';
import { MentorsModule } from './mentors/mentors.module';
import { RematchRequest } from './entities/rematch-request.entity';
import { CalendarModule } from './calendar/calendar.module';
import { FeedbackModule } from './feedback/feedback.module';
import { MentoringSessionsModule } from './sessions/mentoring-sessions.module';
import { MentoringHolder } from './personal-data/mentoring.holder';

export const MENTORING_ENTITIES = [
  MentorProfile,
  MentorConflict,
  MatchingConstraint,
  MatchingRun,
  Pairing,
  RematchRequest,
  MentoringSession,
  PlannedSession,
  FeedbackAnswer,
  CalendarFeed,
];

@Module({
  imports: [
    TypeOrmModule.forFeature(MENTORING_ENTITIES),
    AuditModule,
    CohortsModule,
    FellowsModule,
    IdentityModule,
    MatchingModule,
    MentorsModule,
    OutboxModule,
    MentoringSessionsModule,
    FeedbackModule,
    CalendarModule,
  ],
  providers: [MentoringHolder],
})
export class MentoringModule {}

import { PrivacyModule } from '@vgbf/privacy';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Application, ApplicationDocument, ApplicationStatusChange } from '@vgbf/applications';
import { CohortsModule } from '@vgbf/cohorts';
import { Interview, Review, ReviewAssignment, ReviewRound, ReviewerConflict, ReviewerProfile } from '@vgbf/committee';
import { ConfigModule } from '@vgbf/config';
import { ClockModule } from '@vgbf/core';
import { DatabaseModule } from '@vgbf/database';
import { FellowsModule } from '@vgbf/fellows';
import { IdentityModule } from '@vgbf/identity';
import {
  FeedbackAnswer,
  MatchingRun,
  MentorProfile,
  MentoringSession,
  Pairing,
  SessionSecretsRotation,
} from '@vgbf/mentoring';
import { MilestonesModule } from '@vgbf/milestones';
import { PlacementRun } from '@vgbf/placement';
import { TransfersModule } from '@vgbf/privacy';
import { QueueModule } from '@vgbf/queue';
import { StorageModule } from '@vgbf/storage';
import { CreateAdminCommand, SeedCommand } from './commands';
import { DemoSeeder } from './demo/demo-seeder';
import { RotateEncryptionCommand } from './rotation/rotate-encryption.command';
import { RotationModule } from './rotation/rotation.module';

@Module({
  imports: [
    ConfigModule,
    ClockModule,
    DatabaseModule.forRoot(),
    QueueModule.forRoot(),
    IdentityModule,
    // Consents given at registration and the demo people's consents (ConsentRecorder, ConsentsService).
    PrivacyModule,
    CohortsModule,
    StorageModule,
    // The running cohort's fellows are admitted and placed through FellowsService.
    FellowsModule,
    // The running cohort's template and timelines are made through TimelinesService.
    MilestonesModule,
    // The seed writes demo applications, the committee's work and the programme in bulk; their services are not needed.
    TypeOrmModule.forFeature([
      Application,
      ApplicationStatusChange,
      ApplicationDocument,
      ReviewRound,
      ReviewerProfile,
      ReviewerConflict,
      ReviewAssignment,
      Review,
      Interview,
      PlacementRun,
      MentorProfile,
      MatchingRun,
      Pairing,
      MentoringSession,
      FeedbackAnswer,
    ]),
    RotationModule,
    // The demo's transfer register (TransferRegister).
    TransfersModule,
  ],
  // The encrypted columns' holders the rotation finds (the CLI loads entities, not the domain modules).
  providers: [SeedCommand, CreateAdminCommand, DemoSeeder, RotateEncryptionCommand, SessionSecretsRotation],
})
export class CliModule {}

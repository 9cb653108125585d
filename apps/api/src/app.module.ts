import { Module } from '@nestjs/common';
import { AnnouncementsModule } from '@vgbf/announcements';
import { ApplicationsModule } from '@vgbf/applications';
import { CommitteeModule } from '@vgbf/committee';
import { CohortsModule } from '@vgbf/cohorts';
import { ConfigModule } from '@vgbf/config';
import { ClockModule, LoggingModule } from '@vgbf/core';
import { DatabaseModule } from '@vgbf/database';
import { FellowsModule } from '@vgbf/fellows';
import { IdentityModule } from '@vgbf/identity';
import { MailPreviewModule } from '@vgbf/mail';
import { MentoringModule } from '@vgbf/mentoring';
import { MilestonesModule } from '@vgbf/milestones';
import { NotificationsModule } from '@vgbf/notifications';
import { PlacementModule } from '@vgbf/placement';
import { PrivacyModule } from '@vgbf/privacy';
import { ReportsModule } from '@vgbf/reports';
import { QueueModule } from '@vgbf/queue';
import { HealthModule } from './health/health.module';
import { VocabularyModule } from './vocabulary/vocabulary.module';

@Module({
  imports: [
    ConfigModule,
    LoggingModule.forRoot('api'),
    ClockModule,
    DatabaseModule.forRoot(),
    QueueModule.forRoot(),
    IdentityModule,
    MailPreviewModule,
    CohortsModule,
    ApplicationsModule,
    CommitteeModule,
    FellowsModule,
    PlacementModule,
    MentoringModule,
    MilestonesModule,
    NotificationsModule,
    AnnouncementsModule,
    ReportsModule,
    PrivacyModule,
    HealthModule,
    VocabularyModule,
  ],
})
export class AppModule {}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Application, ApplicationDocument, ApplicationStatusChange } from '@vgbf/applications';
import { CohortsModule } from '@vgbf/cohorts';
import { Interview, Review, ReviewAssignment, ReviewRound, ReviewerConflict, ReviewerProfile } from '@vgbf/committee';
import { ConfigModule } from '@vgbf/config';
import { Clock } from '@vgbf/core';
import { DatabaseModule } from '@vgbf/database';
import { IdentityModule } from '@vgbf/identity';
import { QueueModule } from '@vgbf/queue';
import { StorageModule } from '@vgbf/storage';
import { CreateAdminCommand, SeedCommand } from './commands';
import { DemoSeeder } from './demo/demo-seeder';

@Module({
  imports: [
    ConfigModule,
    DatabaseModule.forRoot(),
    QueueModule.forRoot(),
    IdentityModule,
    CohortsModule,
    StorageModule,
    // The seed writes demo applications and the committee's work in bulk; their services are not needed.
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
    ]),
  ],
  providers: [SeedCommand, CreateAdminCommand, DemoSeeder, Clock],
})
export class CliModule {}

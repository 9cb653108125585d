import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CohortsModule } from '@vgbf/cohorts';
import { Clock } from '@vgbf/core';
import { IdentityModule } from '@vgbf/identity';
import { OutboxModule } from '@vgbf/outbox';
import { ApplicationsController } from './applications.controller';
import { ApplicationsService } from './applications.service';
import { FormOptionsController } from './form-options.controller';
import { Application } from './entities/application.entity';
import { ApplicationStatusChange } from './entities/application-status-change.entity';
import { StaffViewsService } from './staff-views.service';
import { SubmissionsService } from './submissions.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Application, ApplicationStatusChange]),
    CohortsModule,
    IdentityModule,
    OutboxModule,
  ],
  controllers: [FormOptionsController, ApplicationsController],
  providers: [ApplicationsService, SubmissionsService, StaffViewsService, Clock],
  exports: [ApplicationsService, SubmissionsService],
})
export class ApplicationsModule {}

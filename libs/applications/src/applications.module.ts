import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@vgbf/audit';
import { CohortsModule } from '@vgbf/cohorts';
import { IdentityModule } from '@vgbf/identity';
import { OutboxModule } from '@vgbf/outbox';
import { StorageModule } from '@vgbf/storage';
import { ApplicationDocumentsController } from './application-documents.controller';
import { ApplicationDocumentsService } from './application-documents.service';
import { ApplicationsController } from './applications.controller';
import { ApplicationTransitions } from './application-transitions';
import { ApplicationsService } from './applications.service';
import { EligibilityPreviewController, EligibilityPreviewService } from './eligibility-preview';
import { FormOptionsController } from './form-options.controller';
import { ApplicationExportsController } from './exports.controller';
import { ApplicationExportsService } from './exports.service';
import { Application } from './entities/application.entity';
import { ApplicationDocument } from './entities/application-document.entity';
import { ApplicationStatusChange } from './entities/application-status-change.entity';
import { ApplicationPdfController } from './pdf/application-pdf.controller';
import { ApplicationPdfService } from './pdf/application-pdf.service';
import { ApplicationEligibilityOverride, ApplicationNote, ApplicationTag } from './notes/application-note.entity';
import { ApplicationMessage } from './messages/application-message.entity';
import { ApplicantMessagesController } from './messages/applicant-messages.controller';
import { ApplicantMessagesService } from './messages/applicant-messages.service';
import { StaffNotesController } from './notes/staff-notes.controller';
import { StaffNotesService } from './notes/staff-notes.service';
import { SubmissionReopeningService } from './reopening.service';
import { StaffViewsService } from './staff-views.service';
import { SubmissionsService } from './submissions.service';
import { ApplicationsHolder } from './personal-data/applications.holder';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      Application,
      ApplicationStatusChange,
      ApplicationDocument,
      ApplicationNote,
      ApplicationTag,
      ApplicationEligibilityOverride,
      ApplicationMessage,
    ]),
    AuditModule,
    CohortsModule,
    IdentityModule,
    OutboxModule,
    StorageModule,
  ],
  // Static paths (applications/export) before ApplicationsController's applications/:id.
  controllers: [
    FormOptionsController,
    ApplicationExportsController,
    ApplicationsController,
    ApplicationDocumentsController,
    ApplicationPdfController,
    EligibilityPreviewController,
    StaffNotesController,
    ApplicantMessagesController,
  ],
  providers: [
    ApplicationsHolder,
    ApplicationsService,
    EligibilityPreviewService,
    SubmissionsService,
    SubmissionReopeningService,
    StaffNotesService,
    ApplicantMessagesService,
    StaffViewsService,
    ApplicationDocumentsService,
    ApplicationExportsService,
    ApplicationTransitions,
    ApplicationPdfService,
  ],
  exports: [ApplicationsService, SubmissionsService, ApplicationTransitions],
})
export class ApplicationsModule {}

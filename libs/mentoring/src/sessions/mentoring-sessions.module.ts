import { Module } from '@nestjs/common';
import { AuditModule } from '@vgbf/audit';
import { CohortsModule } from '@vgbf/cohorts';
import { EncryptionModule } from '@vgbf/encryption';
import { FeedbackModule } from '../feedback/feedback.module';
import { MentoringSessionsController } from './mentoring-sessions.controller';
import { MentoringSessionsService } from './mentoring-sessions.service';
import { PairsController } from './pairs.controller';
import { PlannedSessionsController } from './planned-sessions.controller';
import { PlannedSessionsService } from './planned-sessions.service';
import { PairsService } from './pairs.service';
import { SessionSecretsRotation } from './session-secrets.rotation';

/** Pairs as each side and staff see them, and the sessions of a pair. */
@Module({
  imports: [AuditModule, CohortsModule, FeedbackModule, EncryptionModule],
  controllers: [PairsController, MentoringSessionsController, PlannedSessionsController],
  providers: [MentoringSessionsService, PlannedSessionsService, PairsService, SessionSecretsRotation],
  exports: [MentoringSessionsService, PairsService],
})
export class MentoringSessionsModule {}

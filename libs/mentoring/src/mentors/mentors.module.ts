import { Module } from '@nestjs/common';
import { AuditModule } from '@vgbf/audit';
import { IdentityModule } from '@vgbf/identity';
import { MentorConflictsController } from './mentor-conflicts.controller';
import { MentorConflictsService } from './mentor-conflicts.service';
import { MentorImportService } from './mentor-import.service';
import { MentorsController } from './mentors.controller';
import { MentorsService } from './mentors.service';

/** Mentor profiles (one by one and as a CSV) and their declared conflicts (issue 6). */
@Module({
  imports: [AuditModule, IdentityModule],
  controllers: [MentorsController, MentorConflictsController],
  providers: [MentorsService, MentorImportService, MentorConflictsService],
  exports: [MentorsService, MentorConflictsService],
})
export class MentorsModule {}

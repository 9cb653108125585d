import { Module } from '@nestjs/common';
import { AuditModule } from '@vgbf/audit';
import { CohortsModule } from '@vgbf/cohorts';
import { FellowsModule } from '@vgbf/fellows';
import { OutboxModule } from '@vgbf/outbox';
import { MatchingController } from './matching.controller';
import { MatchingService } from './matching.service';

/** Mentor matching, approval and rematches (the pairs' own life is in sessions). */
@Module({
  imports: [AuditModule, CohortsModule, FellowsModule, OutboxModule],
  controllers: [MatchingController],
  providers: [MatchingService],
})
export class MatchingModule {}

import { Module } from '@nestjs/common';
import { AuditModule } from '@vgbf/audit';
import { CohortsModule } from '@vgbf/cohorts';
import { FellowsModule } from '@vgbf/fellows';
import { OutboxModule } from '@vgbf/outbox';
import { ProposalsModule } from '@vgbf/proposals';
import { MatchingController } from './matching.controller';
import { MatchingService } from './matching.service';
import { MatchingStateReader } from './matching-state';
import { RematchService } from './rematch.service';

/** Mentor matching, approval and rematches (the pairs' own life is in sessions). */
@Module({
  imports: [AuditModule, CohortsModule, FellowsModule, OutboxModule, ProposalsModule],
  controllers: [MatchingController],
  providers: [MatchingService, MatchingStateReader, RematchService],
})
export class MatchingModule {}

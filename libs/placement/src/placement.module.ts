import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@vgbf/audit';
import { CohortsModule } from '@vgbf/cohorts';
import { FellowsModule } from '@vgbf/fellows';
import { IdentityModule } from '@vgbf/identity';
import { OutboxModule } from '@vgbf/outbox';
import { ProposalsModule } from '@vgbf/proposals';
import { PlacementConstraint } from './entities/placement-constraint.entity';
import { PlacementRun } from './entities/placement-run.entity';
import { PlacementController } from './placement.controller';
import { PlacementService } from './placement.service';
import { PlacementHolder } from './personal-data/placement.holder';

export const PLACEMENT_ENTITIES = [PlacementConstraint, PlacementRun];

@Module({
  imports: [
    TypeOrmModule.forFeature(PLACEMENT_ENTITIES),
    AuditModule,
    CohortsModule,
    FellowsModule,
    IdentityModule,
    OutboxModule,
    ProposalsModule,
  ],
  controllers: [PlacementController],
  providers: [PlacementHolder, PlacementService],
})
export class PlacementModule {}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@vgbf/audit';
import { ConsentLedger, ConsentRecorder } from '@vgbf/personal-data';
import { ConsentLedgerService, ConsentRecorderService } from './consent-ledger';
import { ConsentsController } from './consents.controller';
import { ConsentsService } from './consents.service';
import { CONSENT_ENTITIES } from './entities/consent.entities';

/** Privacy notices and consents; provides the ConsentLedger and ConsentRecorder ports of @vgbf/personal-data. */
@Module({
  imports: [TypeOrmModule.forFeature(CONSENT_ENTITIES), AuditModule],
  controllers: [ConsentsController],
  providers: [
    ConsentsService,
    { provide: ConsentLedger, useClass: ConsentLedgerService },
    { provide: ConsentRecorder, useClass: ConsentRecorderService },
  ],
  exports: [ConsentLedger, ConsentRecorder, ConsentsService],
})
export class ConsentsModule {}

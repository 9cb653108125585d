import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@vgbf/audit';
import { readProgramData } from '@vgbf/config';
import { OutboxModule } from '@vgbf/outbox';
import { StorageModule } from '@vgbf/storage';
import { DATA_REQUEST_ENTITIES } from './data-request-entities';
import { DataRequestsController } from './data-requests.controller';
import { DataRequestsService } from './data-requests.service';
import { PersonalDataExporter } from './personal-data-export';
import { PrivacyHolder } from './personal-data/privacy.holder';
import { RequestDeadlines, requestDeadlineRules } from './request-deadlines';
import { workingCalendar } from './working-days';

/** The deadlines from config/data-requests.json and config/holidays.json, read and checked once at start. */
export const requestDeadlinesProvider = {
  provide: RequestDeadlines,
  useFactory: () =>
    new RequestDeadlines(
      requestDeadlineRules(readProgramData('data-requests.json')),
      workingCalendar(readProgramData('holidays.json')),
    ),
};

/** People's requests about their personal data: filing, the staff queue, the answers (issue 17). */
@Module({
  imports: [TypeOrmModule.forFeature(DATA_REQUEST_ENTITIES), AuditModule, OutboxModule, StorageModule, DiscoveryModule],
  controllers: [DataRequestsController],
  providers: [DataRequestsService, requestDeadlinesProvider, PersonalDataExporter, PrivacyHolder],
  exports: [DataRequestsService, requestDeadlinesProvider, PersonalDataExporter],
})
export class DataRequestsModule {}

export { PrivacyModule } from './privacy.module';
export { PRIVACY_TRANSFER_ENTITIES, TransfersModule } from './transfers/transfers.module';
export { PersonalDataTransfer } from './transfers/entities/personal-data-transfer.entity';
export { PRIVACY_ACCESS_LOG_ENTITIES, AccessLogModule } from './access-log/access-log.module';
export { PersonalDataAccess } from './access-log/entities/personal-data-access.entity';
export { DATA_REQUEST_ENTITIES } from './requests/data-request-entities';
export { DataRequestJobsModule } from './requests/data-request-jobs.module';
export { DATA_REQUEST_FAMILY } from './requests/data-request-reminders';
export { PersonalDataExporter, type DiscoveredHolder } from './requests/personal-data-export';

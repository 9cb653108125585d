export { PrivacyModule } from './privacy.module';
export { DATA_REQUEST_ENTITIES } from './requests/data-request-entities';
export { DataRequestJobsModule } from './requests/data-request-jobs.module';
export { DATA_REQUEST_FAMILY } from './requests/data-request-reminders';
export { PersonalDataExporter, type DiscoveredHolder } from './requests/personal-data-export';

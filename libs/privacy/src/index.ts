export { PrivacyModule } from './privacy.module';
export { DATA_REQUEST_ENTITIES } from './requests/data-request-entities';

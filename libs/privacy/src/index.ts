export { PrivacyModule } from './privacy.module';
export { CONSENT_ENTITIES } from './consents/entities/consent.entities';
export { ConsentsModule } from './consents/consents.module';
export { ConsentsService } from './consents/consents.service';

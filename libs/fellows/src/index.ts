export { FellowsModule } from './fellows.module';
export { FellowsService, type AdmitFellow } from './fellows.service';
export { Fellow, FELLOW_STATUSES, type FellowStatus, type LanguageCertificate } from './entities/fellow.entity';
export { EXPERTISE_AREAS, type ExpertiseArea, FellowView, FellowHubView } from './dto/fellow.dto';
export { describeLanguageRule, meetsLanguageRule, type ApplicationLanguages } from './language-fit';

export { FellowsModule } from './fellows.module';
export { FellowsService, type AdmitFellow, type FellowDatesChange, type FellowDatesListener } from './fellows.service';
export { Fellow, FELLOW_STATUSES, type FellowStatus, type LanguageCertificate } from './entities/fellow.entity';
export { FellowView, FellowHubView } from './dto/fellow.dto';
export {
  describeLanguageRule,
  languageCertificates,
  meetsLanguageRule,
  spokenLanguages,
  type ApplicationLanguages,
} from './language-fit';
// The expertise list is the solvers' reference data; re-exported for the programme wing's DTOs.
export { EXPERTISE_AREAS, type ExpertiseArea } from '@vgbf/solvers';
export { lockActiveFellowsOfCohort, lockFellows } from './fellow-locks';

export {
  DomainError,
  NotFoundError,
  type DomainErrorKind,
  type FieldError,
  type ProblemParams,
} from './errors/domain-error';
export {
  PROBLEM_CATALOGUES,
  interpolate,
  languageOf,
  localizeProblem,
  problemText,
  type ProblemLanguage,
} from './i18n/catalogue';
export {
  BUILT_IN_FIELD_CODES,
  declareFieldCodes,
  defaultFieldCode,
  fieldCodeOf,
  possibleFieldCodes,
  type ConstraintMetadata,
  type FieldCode,
} from './validation/field-codes';
export { PROBLEM_CONTENT_TYPE, STATUS_CODES, STATUS_TITLES, problemType, type Problem } from './http/problem';
export { ProblemDetailsFilter, sendProblem, toProblem } from './http/problem-details.filter';
export { OUTAGE_RETRY_AFTER_SECONDS, unavailableDependency, type Dependency } from './http/outage';
export { installHttpEdge, jsonBodyParser } from './http/edge';
export {
  JsonNotObjectError,
  JsonTooDeepError,
  MAX_JSON_DEPTH,
  cleanInput,
  cleanInputOrThrow,
  jsonNestsDeeperThan,
} from './http/input-text';
export { InputValidationError, createValidationPipe, toFieldErrors } from './http/validation';
export { MAX_PAGE, PageMeta, PageOf, PageQuery, toPage, type Page } from './pagination/pagination';
export {
  Clock,
  PROGRAM_TIME_ZONE,
  formatInProgramZone,
  parseProgramLocal,
  programDay,
  toProgramLocal,
} from './clock/clock';
export { ClockModule } from './clock/clock.module';
export { LOG_DESTINATION, LoggingModule, REDACTED_PATHS, requestId } from './logging/logging.module';
export { installRequestLogging, requestLogFields, requestLogLevel, unloggedPath } from './logging/request-logging';
export {
  Authenticated,
  CurrentUser,
  POLICY_KEY,
  Public,
  ROLES,
  Roles,
  type AuthenticatedUser,
  type Policy,
  type RequestWithUser,
  type Role,
} from './auth/policy';
export { normalizedText, queryInteger, trimmed } from './http/transforms';
export { attachmentDisposition } from './http/content-disposition';
export {
  IsCalendarDate,
  IsLocalDateTime,
  addYears,
  calendarDateProblem,
  localDateTimeProblem,
  isoDay,
  parseCalendarDate,
  type DateRange,
  type DayBound,
} from './validation/calendar-date';
export { COUNTRY_CODES, IsCountryCode, isCountryCode } from './validation/countries';
export { IsVisibleName, hasVisibleText } from './validation/visible-name';

export { DATA_CATEGORIES, PURPOSES, isDataCategory, isPurpose, type DataCategory, type Purpose } from './purposes';
export { AccessLog, ConsentLedger, TransferRegister, type AccessRecord, type TransferRecord } from './ports';
export { HOME_COUNTRY, countryOfTimeZone, isAbroad } from './countries';
export {
  PersonalDataHolderOf,
  excluded,
  exported,
  type ColumnUse,
  type HeldFile,
  type HeldRows,
  type HeldTable,
  type PersonalDataExport,
  type PersonalDataHolder,
} from './holders';
export { ConsentRecorder, type ConsentEvidence } from './consent-evidence';

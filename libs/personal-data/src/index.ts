export { DATA_CATEGORIES, PURPOSES, isDataCategory, isPurpose, type DataCategory, type Purpose } from './purposes';
export { AccessLog, ConsentLedger, TransferRegister, type AccessRecord, type TransferRecord } from './ports';
export { ConsentRecorder, type ConsentEvidence } from './consent-evidence';

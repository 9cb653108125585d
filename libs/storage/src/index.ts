export {
  DOCUMENT_STORAGE,
  InvalidStorageKeyError,
  StoredObjectNotFoundError,
  type DocumentStorage,
  type StoredObject,
} from './document-storage';
export { LocalDiskStorage } from './local-disk.storage';
export { StorageModule, storageDirectory } from './storage.module';
export {
  DocumentTooLargeError,
  MAX_PDF_BYTES,
  NotPdfError,
  PDF_MAGIC,
  PdfUploadCheck,
  startsAsPdf,
  storePdf,
} from './pdf-upload';
export { sanitizeFilename } from './filename';

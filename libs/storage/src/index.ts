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
  EncryptedPdfError,
  MAX_PDF_BYTES,
  NotPdfError,
  PDF_MAGIC,
  PdfUploadCheck,
  startsAsPdf,
  storePdf,
  verifyPdf,
} from './pdf-upload';
export { sanitizeFilename } from './filename';
export { FileRequiredError, UnexpectedPartError, receivePdfUpload, type PdfUploadRequest } from './pdf-upload-request';

export {
  DOCUMENT_STORAGE,
  InvalidStorageKeyError,
  StoredObjectNotFoundError,
  type DocumentStorage,
  type StoredObject,
} from './document-storage';
export { LocalDiskStorage } from './local-disk.storage';
export { StorageModule, storageDirectory } from './storage.module';

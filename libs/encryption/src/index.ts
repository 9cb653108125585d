export { Keyring, KeyringError, type DataKey } from './keyring';
export { DecryptionError, FieldCipher, fieldContext } from './field-cipher';
export { FILE_MAGIC, FileCipher, MAX_HEADER_BYTES, readFileHeader, type FileHeader } from './file-cipher';
export { EncryptionModule } from './encryption.module';
export { HoldsEncryptedColumns, type EncryptedColumns, type RotationCount } from './rotation';

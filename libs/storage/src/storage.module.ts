import { isAbsolute, resolve } from 'node:path';
import { Module } from '@nestjs/common';
import { AppConfig, projectRoot } from '@vgbf/config';
import { EncryptionModule, FileCipher } from '@vgbf/encryption';
import { DOCUMENT_STORAGE, type DocumentStorage } from './document-storage';
import { LocalDiskStorage } from './local-disk.storage';

/** STORAGE_DIR as an absolute path; a relative one is taken from the checkout, not the working directory. */
export function storageDirectory(config: Pick<AppConfig, 'STORAGE_DIR'>): string {
  return isAbsolute(config.STORAGE_DIR) ? config.STORAGE_DIR : resolve(projectRoot(), config.STORAGE_DIR);
}

/**
 * Provides DOCUMENT_STORAGE: the local disk for now, every file encrypted at rest; an S3-compatible
 * implementation would be chosen here.
 */
@Module({
  imports: [EncryptionModule],
  providers: [
    {
      provide: DOCUMENT_STORAGE,
      inject: [AppConfig, FileCipher],
      useFactory: (config: AppConfig, cipher: FileCipher): Promise<DocumentStorage> =>
        new LocalDiskStorage(storageDirectory(config), cipher).init(),
    },
  ],
  exports: [DOCUMENT_STORAGE],
})
export class StorageModule {}

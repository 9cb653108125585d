import { Global, Module } from '@nestjs/common';
import { AppConfig } from '@vgbf/config';
import { FieldCipher } from './field-cipher';
import { FileCipher } from './file-cipher';
import { Keyring } from './keyring';

/** The process's keyring (from the validated config) and the two ciphers built on it; global, as the clock is. */
@Global()
@Module({
  providers: [
    {
      provide: Keyring,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => Keyring.parse(config.DATA_ENCRYPTION_KEYS, config.DATA_ENCRYPTION_ACTIVE_KEY),
    },
    { provide: FieldCipher, inject: [Keyring], useFactory: (keyring: Keyring) => new FieldCipher(keyring) },
    { provide: FileCipher, inject: [Keyring], useFactory: (keyring: Keyring) => new FileCipher(keyring) },
  ],
  exports: [Keyring, FieldCipher, FileCipher],
})
export class EncryptionModule {}

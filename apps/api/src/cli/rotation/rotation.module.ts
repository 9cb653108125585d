import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { StorageModule } from '@vgbf/storage';
import { EncryptionRotation } from './encryption-rotation';

/** The key rotation (the `rotate-encryption` command); it finds the encrypted columns of every module loaded with it. */
@Module({
  imports: [DiscoveryModule, StorageModule],
  providers: [EncryptionRotation],
  exports: [EncryptionRotation],
})
export class RotationModule {}

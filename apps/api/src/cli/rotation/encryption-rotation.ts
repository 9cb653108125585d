import { Inject, Injectable } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { type EncryptedColumns, HoldsEncryptedColumns, Keyring } from '@vgbf/encryption';
import { DOCUMENT_STORAGE, type DocumentStorage } from '@vgbf/storage';

export interface RotationReport {
  activeKey: string;
  columns: Array<{ columns: string; scanned: number; rewritten: number }>;
  files: { scanned: number; rewritten: number };
}

/**
 * Brings every encrypted value and stored file under the active key: the columns of every provider
 * marked @HoldsEncryptedColumns(), then every file of the document storage. Each value is rewritten
 * at most once (one already under the active key is left alone), so the rotation is idempotent and
 * resumable: a run that stopped is finished by running it again. Once it has run to the end under
 * the new key, the old keys may be removed from DATA_ENCRYPTION_KEYS.
 */
@Injectable()
export class EncryptionRotation {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly keyring: Keyring,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
  ) {}

  async run(options: { batchSize?: number; log?: (line: string) => void } = {}): Promise<RotationReport> {
    const log = options.log ?? (() => undefined);
    const batchSize = options.batchSize ?? 500;
    const holders = this.discovery
      .getProviders({ metadataKey: HoldsEncryptedColumns.KEY })
      .map((wrapper) => wrapper.instance as EncryptedColumns)
      .filter((holder, i, all) => holder && all.indexOf(holder) === i);
    const report: RotationReport = {
      activeKey: this.keyring.activeId,
      columns: [],
      files: { scanned: 0, rewritten: 0 },
    };
    for (const holder of holders) {
      const count = await holder.rotate(batchSize);
      report.columns.push({ columns: holder.columns, ...count });
      log(`${holder.columns}: ${count.rewritten} of ${count.scanned} rows re-encrypted under ${report.activeKey}`);
    }
    for await (const key of this.storage.keys()) {
      report.files.scanned += 1;
      if (await this.storage.reencrypt(key)) report.files.rewritten += 1;
    }
    log(`files: ${report.files.rewritten} of ${report.files.scanned} re-encrypted under ${report.activeKey}`);
    return report;
  }
}

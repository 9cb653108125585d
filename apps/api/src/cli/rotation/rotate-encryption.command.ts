import { Command, CommandRunner, Option } from 'nest-commander';
import { EncryptionRotation } from './encryption-rotation';

/**
 * `cli rotate-encryption`: re-encrypts every encrypted column and stored file under
 * DATA_ENCRYPTION_ACTIVE_KEY (README, "Keys and rotation"). Safe to run again and to run while the API
 * serves; run it until it reports nothing rewritten before removing an old key.
 */
@Command({
  name: 'rotate-encryption',
  description: 'Re-encrypt every encrypted column and document under the active key (idempotent, resumable)',
})
export class RotateEncryptionCommand extends CommandRunner {
  constructor(private readonly rotation: EncryptionRotation) {
    super();
  }

  async run(_args: string[], options: { batchSize?: number }): Promise<void> {
    const report = await this.rotation.run({
      batchSize: options.batchSize,
      log: (line) => process.stdout.write(`${line}\n`),
    });
    const rewritten = report.files.rewritten + report.columns.reduce((n, c) => n + c.rewritten, 0);
    process.stdout.write(
      rewritten === 0
        ? `Everything is under ${report.activeKey}: keys other than ${report.activeKey} may be removed.\n`
        : `${rewritten} values re-encrypted under ${report.activeKey}.\n`,
    );
  }

  @Option({ flags: '--batch-size <n>', description: 'rows per transaction (default 500)' })
  parseBatchSize(value: string): number {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > 10_000) throw new Error('--batch-size must be an integer from 1 to 10000');
    return n;
  }
}

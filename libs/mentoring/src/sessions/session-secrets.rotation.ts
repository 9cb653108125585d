import { Injectable } from '@nestjs/common';
import { Transactions } from '@vgbf/database';
import {
  type EncryptedColumns,
  FieldCipher,
  HoldsEncryptedColumns,
  type RotationCount,
  fieldContext,
} from '@vgbf/encryption';
import { rewriteSessionSecrets, sessionsToRotate } from '../data-access/mentoring-sessions';

/** The sessions' encrypted notes and rating comments, re-encrypted under the active key by the rotation command. */
@HoldsEncryptedColumns()
@Injectable()
export class SessionSecretsRotation implements EncryptedColumns {
  readonly columns = 'mentoring_sessions.notes, rating_comment';

  constructor(
    private readonly transactions: Transactions,
    private readonly cipher: FieldCipher,
  ) {}

  async rotate(batchSize: number): Promise<RotationCount> {
    const count = { scanned: 0, rewritten: 0 };
    let after: string | null = null;
    for (;;) {
      // One short transaction per batch, its rows locked so an edit in between waits rather than being lost.
      const last: string | null = await this.transactions.run(async (manager) => {
        const rows = await sessionsToRotate(manager, after, batchSize);
        for (const row of rows) {
          const notes = this.cipher.reencrypt(row.notes, fieldContext('mentoring_sessions', 'notes', row.id));
          const comment =
            row.rating_comment === null
              ? null
              : this.cipher.reencrypt(row.rating_comment, fieldContext('mentoring_sessions', 'rating_comment', row.id));
          if (notes === row.notes && comment === row.rating_comment) continue;
          await rewriteSessionSecrets(manager, row.id, { notes, rating_comment: comment });
          count.rewritten += 1;
        }
        count.scanned += rows.length;
        return rows.length === batchSize ? (rows.at(-1)?.id ?? null) : null;
      });
      if (last === null) return count;
      after = last;
    }
  }
}

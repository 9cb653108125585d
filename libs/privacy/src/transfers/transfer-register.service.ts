import { Injectable } from '@nestjs/common';
import { Clock, type Page, toPage } from '@vgbf/core';
import { Transactions } from '@vgbf/database';
import { TransferRegister, type TransferRecord } from '@vgbf/personal-data';
import {
  allTransfers,
  insertTransfer,
  transferCountries,
  transferPage,
  type TransferFilters,
} from './data-access/transfers';
import type { TransferQuery, TransferView } from './dto/transfer.dto';
import { transfersCsv } from './transfers-csv';

/**
 * The transfer register (Law 91/2025/QH15: a transfer abroad is recorded, and its dossier sent within
 * 60 days of the first). `record` runs in the caller's transaction when there is one (placement's
 * confirmation, mentoring's pairing), so the row exists exactly when the transfer does.
 */
@Injectable()
export class TransferRegisterService extends TransferRegister {
  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {
    super();
  }

  async record(t: TransferRecord): Promise<void> {
    await this.transactions.run(
      (manager) =>
        insertTransfer(manager, {
          subject_user_id: t.subjectUserId,
          cohort_id: t.cohortId ?? null,
          source_kind: t.sourceKind,
          source_id: t.sourceId,
          recipient_kind: t.recipientKind,
          recipient_name: t.recipientName,
          country: t.country,
          categories: [...t.categories],
          basis: t.basis,
          transferred_at: this.clock.now(),
        }),
      { label: 'privacy.transfer' },
    );
  }

  async list(query: TransferQuery): Promise<Page<TransferView>> {
    const { rows, total } = await transferPage(this.transactions.current(), filtersOf(query), {
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    return toPage(rows, total, query);
  }

  async csv(filters: TransferFilters): Promise<string> {
    return transfersCsv(await allTransfers(this.transactions.current(), filtersOf(filters)));
  }

  countries(): Promise<string[]> {
    return transferCountries(this.transactions.current());
  }
}

const filtersOf = (q: TransferFilters): TransferFilters => ({
  cohortId: q.cohortId,
  country: q.country,
  recipientKind: q.recipientKind,
});

import { Injectable, Logger } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { EntityManager } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';
import {
  DEFAULT_RETRY_POLICY,
  RETRYABLE_SQLSTATES,
  type RetryPolicy,
  isRetryable,
  retryDelayMs,
  sqlState,
} from './retry-policy';

export interface TransactionOptions {
  /** Names the unit of work in the retry log lines, e.g. 'matching.confirm'. */
  label?: string;
  isolationLevel?: IsolationLevel;
  retry?: Partial<RetryPolicy>;
  /** Called before each retry (1, 2, …): the e2e test counts them. */
  onRetry?: (retry: number, error: unknown) => void;
}

/** Thrown when code that must run inside a transaction is reached outside one. */
export class NoTransactionError extends Error {
  constructor(what: string) {
    super(`${what} must run inside Transactions.run(…): no transaction is active`);
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The one entry point for writing transactions. The transaction is kept in the async context
 * (nestjs-cls), so every service reached from `work` sees it through `manager` or `current()` without
 * an EntityManager passed by hand; Kysely readers execute their compiled queries on `current()` too.
 * The outermost `run` retries the whole unit of work on a deadlock or serialization failure; a nested
 * `run` joins the transaction it finds (its caller's retry covers it). Lock order: lock-order.ts.
 */
@Injectable()
export class Transactions {
  private readonly logger = new Logger(Transactions.name);

  constructor(private readonly host: TransactionHost<TransactionalAdapterTypeOrm>) {}

  get active(): boolean {
    return this.host.isTransactionActive();
  }

  /** The current transaction's manager; throws outside a transaction (never silently the pool). */
  get manager(): EntityManager {
    if (!this.active) throw new NoTransactionError('this write');
    return this.host.tx;
  }

  /** The current transaction's manager when there is one, else the pool's: for reads that may run either way. */
  current(): EntityManager {
    return this.host.tx;
  }

  async run<T>(work: (manager: EntityManager) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    if (this.active) return work(this.host.tx);
    const policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    const inTransaction = (): Promise<T> =>
      options.isolationLevel
        ? this.host.withTransaction({ isolationLevel: options.isolationLevel }, () => work(this.host.tx))
        : this.host.withTransaction(() => work(this.host.tx));
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await inTransaction();
      } catch (error) {
        if (!isRetryable(error) || attempt >= policy.maxAttempts) throw error;
        const delayMs = retryDelayMs(attempt, policy);
        const state = sqlState(error) as string;
        this.logger.warn(
          {
            label: options.label ?? 'transaction',
            sqlState: state,
            reason: RETRYABLE_SQLSTATES[state],
            attempt,
            delayMs,
          },
          `transaction ${options.label ?? ''} retried after ${RETRYABLE_SQLSTATES[state]} (attempt ${attempt + 1} of ${policy.maxAttempts})`,
        );
        options.onRetry?.(attempt, error);
        await sleep(delayMs);
      }
    }
  }
}

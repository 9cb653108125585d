export { DatabaseModule } from './database.module';
export { dataSourceOptions } from './data-source-options';
export { MIGRATIONS } from './migrations';
export { SnakeNamingStrategy } from './snake-naming.strategy';
export { SqlCursor } from './sql-cursor';
export { Transactions, NoTransactionError, type TransactionOptions } from './transactions/transactions';
export {
  DEFAULT_RETRY_POLICY,
  RETRYABLE_SQLSTATES,
  isRetryable,
  retryDelayMs,
  sqlState,
  type RetryPolicy,
} from './transactions/retry-policy';
export { LOCK_LEVELS, inLockOrder, lockInOrder, type Lock, type LockTarget } from './transactions/lock-order';
export { typedSql, runQuery, runQueryFirst, preparedQuery, type Database, type QueryArg } from './typed-sql/typed-sql';
export { relation, statement, type AliasedRelation } from './typed-sql/sql-relations';
export { statementRecorder } from './typed-sql/statement-recorder';

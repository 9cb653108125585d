import { Global, Module } from '@nestjs/common';
import { Transactions } from './transactions';

/** Provides Transactions everywhere; the CLS context and its transactional plugin come from DatabaseModule.forRoot. */
@Global()
@Module({ providers: [Transactions], exports: [Transactions] })
export class TransactionsModule {}

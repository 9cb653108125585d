import { type DynamicModule, Module } from '@nestjs/common';
import { ClsPluginTransactional } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { TypeOrmModule, getDataSourceToken } from '@nestjs/typeorm';
import { AppConfig } from '@vgbf/config';
import { ClsModule } from 'nestjs-cls';
import { dataSourceOptions } from './data-source-options';
import { TransactionsModule } from './transactions/transactions.module';

/**
 * The one TypeORM DataSource of a process. Entities come from the modules that register
 * them with `TypeOrmModule.forFeature`, so each module owns its tables. It also sets up the async
 * context (nestjs-cls, one per HTTP request or job) that carries the current transaction, and
 * Transactions, the one entry point that opens (and on deadlock retries) it.
 */
@Module({})
export class DatabaseModule {
  static forRoot(): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            ...dataSourceOptions(config, []),
            autoLoadEntities: true,
          }),
        }),
        ClsModule.forRoot({
          global: true,
          // Not as Nest middleware: an API opens the context per request from its Fastify request hook
          // (configureApi, with the request's log context), a job from Transactions or its runner.
          middleware: { mount: false },
          plugins: [
            new ClsPluginTransactional({
              adapter: new TransactionalAdapterTypeOrm({ dataSourceToken: getDataSourceToken() }),
            }),
          ],
        }),
        TransactionsModule,
      ],
    };
  }
}

import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@vgbf/config';
import { dataSourceOptions } from './data-source-options';

/**
 * The one TypeORM DataSource of a process. Entities come from the modules that register
 * them with `TypeOrmModule.forFeature`, so each module owns its tables.
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
      ],
    };
  }
}

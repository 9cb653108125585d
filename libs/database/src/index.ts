export { DatabaseModule } from './database.module';
export { dataSourceOptions } from './data-source-options';
export { MIGRATIONS } from './migrations';
export { SnakeNamingStrategy } from './snake-naming.strategy';
export { SqlCursor } from './sql-cursor';
export { typedSql, runQuery, runQueryFirst, type Database } from './typed-sql/typed-sql';

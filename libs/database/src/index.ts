export { DatabaseModule } from './database.module';
export { dataSourceOptions } from './data-source-options';
export { MIGRATIONS } from './migrations';
export { SnakeNamingStrategy } from './snake-naming.strategy';
export { SqlCursor } from './sql-cursor';

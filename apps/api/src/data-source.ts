import 'reflect-metadata';
import { loadConfig } from '@vgbf/config';
import { dataSourceOptions } from '@vgbf/database';
import { DataSource } from 'typeorm';
import { ENTITIES } from './entities';

/** The DataSource the TypeORM CLI uses (`npm run migration:*`), compiled to dist/ first. */
export default new DataSource(dataSourceOptions(loadConfig(), ENTITIES));

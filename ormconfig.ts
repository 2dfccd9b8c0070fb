import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from './src/config';
import { dataSourceOptions } from './src/db/data-source';

/** The DataSource the TypeORM CLI uses, built from the same configuration as the service. */
export default new DataSource(dataSourceOptions(loadConfig().database));

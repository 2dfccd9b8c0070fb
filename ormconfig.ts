import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from './src/config';
import { dataSourceOptions } from './src/db/data-source';
import { allEntities } from './src/modules';

/** The DataSource the TypeORM CLI uses, built from the same configuration as the service. */
export default new DataSource(dataSourceOptions(loadConfig().database, allEntities()));

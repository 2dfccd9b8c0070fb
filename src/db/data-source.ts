import fs from 'node:fs';
import path from 'node:path';
import { DataSource, DataSourceOptions } from 'typeorm';
import type { Logger as Pino } from 'pino';
import { Config } from '../config';
import { allMigrations } from '../../migrations';
import { QueryCounter } from './query-counter';

export interface Database {
  dataSource: DataSource;
  dialect: Config['database']['dialect'];
  counter: QueryCounter;
}

/** `entities`: every feature's tables (src/modules.ts `allEntities()`, passed in by the entry points). */
export function dataSourceOptions(database: Config['database'], entities: Function[], logger?: QueryCounter): DataSourceOptions {
  const common = {
    entities,
    migrations: allMigrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    logger,
    maxQueryExecutionTime: 1000,
    // Rows read are made with Object.create and their columns copied in: no constructor runs,
    // so reading a row does not draw the fresh id that `new Entity()` assigns on creation.
    entitySkipConstructor: true,
  } as const;
  if (database.dialect === 'sqlite') {
    fs.mkdirSync(path.dirname(database.file), { recursive: true });
    return {
      ...common,
      type: 'better-sqlite3',
      database: database.file,
      // WAL lets readers go on while a writer commits; foreign keys are off by default in SQLite.
      prepareDatabase: (db: { pragma(s: string): unknown }) => {
        db.pragma('journal_mode = WAL');
        db.pragma('foreign_keys = ON');
        db.pragma('busy_timeout = 5000');
      },
    };
  }
  return {
    ...common,
    type: 'mysql',
    url: database.url,
    timezone: 'Z',
    charset: 'utf8mb4_unicode_ci',
    // DATE columns come back as 'YYYY-MM-DD' strings, never as Dates shifted by a time zone.
    dateStrings: ['DATE'],
    supportBigNumbers: true,
    extra: { connectionLimit: 10, enableKeepAlive: true, connectTimeout: 5000 },
  };
}

export function createDatabase(config: Config, entities: Function[], log?: Pino): Database {
  const counter = new QueryCounter(log);
  const dataSource = new DataSource(dataSourceOptions(config.database, entities, counter));
  return { dataSource, dialect: config.database.dialect, counter };
}

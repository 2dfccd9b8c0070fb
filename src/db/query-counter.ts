import { Logger, QueryRunner } from 'typeorm';
import type { Logger as Pino } from 'pino';

/**
 * Counts every SQL statement the data source sends, and logs slow or failing ones. Tests read
 * `count` to prove that a page costs the same number of statements at 10 rows and at 100.
 * Parameters are never logged: they may hold personal details or password hashes.
 */
export class QueryCounter implements Logger {
  count = 0;
  /** Every statement since the start, never reset (`db_statements_total` in /metrics). */
  total = 0;
  /** When set, the statements since the last reset are kept (tests use it to show what differs). */
  recorded: string[] | null = null;
  constructor(private readonly pino?: Pino) {}
  reset(record = false) {
    this.count = 0;
    this.recorded = record ? [] : null;
  }
  logQuery(query: string, _parameters?: unknown[], _qr?: QueryRunner) {
    this.count++;
    this.total++;
    this.recorded?.push(query);
  }
  logQueryError(error: string | Error, query: string) {
    this.count++;
    this.total++;
    this.pino?.debug({ err: error instanceof Error ? error.message : error, query }, 'query failed');
  }
  logQuerySlow(time: number, query: string) {
    this.pino?.warn({ ms: time, query }, 'slow query');
  }
  logSchemaBuild(message: string) {
    this.pino?.debug(message);
  }
  logMigration(message: string) {
    this.pino?.info(message);
  }
  log(level: 'log' | 'info' | 'warn', message: unknown) {
    this.pino?.[level === 'log' ? 'debug' : level]({ message }, 'typeorm');
  }
}

import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { workerJobsRunning } from '../common/worker';

/**
 * Prometheus metrics of one server: process defaults, HTTP requests, GraphQL operations, worker
 * jobs and the SQL statements sent (`statements()` gives the running total).
 */
export function createMetrics(statements: () => number = () => 0) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const graphqlOperations = new Counter({
    name: 'graphql_operations_total',
    help: 'GraphQL operations by type and outcome',
    labelNames: ['type', 'outcome'] as const,
    registers: [registry],
  });
  let reported = 0;
  new Counter({
    name: 'db_statements_total',
    help: 'SQL statements sent to the database',
    registers: [registry],
    collect() {
      const now = statements();
      this.inc(Math.max(0, now - reported));
      reported = now;
    },
  });
  new Gauge({
    name: 'worker_jobs_running',
    help: 'Heavy evaluations running in worker threads now (e.g. large avoidance matrices)',
    registers: [registry],
    collect() {
      this.set(workerJobsRunning());
    },
  });
  return { registry, httpDuration, graphqlOperations };
}
export type Metrics = ReturnType<typeof createMetrics>;

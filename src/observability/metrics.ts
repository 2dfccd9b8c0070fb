import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { workerJobsRunning } from '../common/worker';

/** Prometheus metrics of one server: process defaults, HTTP requests, GraphQL operations, worker jobs. */
export function createMetrics() {
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

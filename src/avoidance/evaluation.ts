/**
 * Judging and wording the findings of a loaded avoidance graph, on this thread or in a worker.
 * The rules take about 5-15 µs a pair on a county's data (bench/README.md): a matrix of tens
 * of thousands of pairs would hold the event loop, and every other request and /healthz with
 * it, for a second or more. From `workerPairs` pairs on, the pure half (assess, describe) runs in
 * a worker thread with a time limit; the database stays here, and the worker asks for the names
 * of relatives its findings mention.
 */
import path from 'node:path';
import { badInput } from '../common/errors';
import { msg } from '../common/i18n';
import { runInWorker } from '../common/worker';
import { PackedFindings, unpackFindings } from './packed-findings';
import { assess, AvoidanceQuery, describe, pairCount, unnamedPersons } from './rules/evaluate';
import type { AvoidanceGraph, PersonRec } from './rules/graph';
import type { AvoidanceFindingData } from './rules/model';

export interface EvaluationLimits {
  /** From this many pairs on, the rules run in a worker thread. */
  workerPairs: number;
  /** A worker evaluation is stopped after this long. */
  timeoutSeconds: number;
}

/** `loadPersons` reads persons by id (the names a finding mentions that the graph lacks). */
export async function evaluateGraph(
  graph: AvoidanceGraph,
  query: AvoidanceQuery,
  loadPersons: (ids: string[]) => Promise<PersonRec[]>,
  limits: EvaluationLimits,
): Promise<AvoidanceFindingData[]> {
  if (pairCount(query) < limits.workerPairs) {
    const found = assess(graph, query);
    for (const p of await loadPersons(unnamedPersons(found, graph))) graph.persons.set(p.id, p);
    return describe(found, graph);
  }
  const packed = await runInWorker<PackedFindings>({
    entry: path.join(__dirname, 'evaluation.worker'),
    data: { graph, query },
    timeoutMs: limits.timeoutSeconds * 1000,
    onTimeout: () =>
      badInput(
        undefined,
        msg(
          `回避核查超过 ${limits.timeoutSeconds} 秒未完成，请减少人员或单位分批核查`,
          `The avoidance check did not finish within ${limits.timeoutSeconds} s; check fewer persons or units at a time`,
        ),
      ),
    answer: (ids) => loadPersons(ids as string[]),
  });
  return unpackFindings(packed);
}

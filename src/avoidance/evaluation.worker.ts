/**
 * Worker entry of a large avoidance evaluation (see evaluation.ts): judges every pair on the
 * loaded graph, asks the main thread for the persons the findings name that the graph does not
 * hold, and words the findings, packed for the trip back. No database here.
 */
import { serveWorkerJob } from '../common/worker';
import { packFindings } from './packed-findings';
import { assess, AvoidanceQuery, describe, unnamedPersons } from './rules/evaluate';
import type { AvoidanceGraph, PersonRec } from './rules/graph';

serveWorkerJob(async ({ graph, query }: { graph: AvoidanceGraph; query: AvoidanceQuery }, ask) => {
  const found = assess(graph, query);
  const missing = unnamedPersons(found, graph);
  if (missing.length) for (const p of (await ask(missing)) as PersonRec[]) graph.persons.set(p.id, p);
  return packFindings(describe(found, graph));
});

/** Solving small problems in this process (the same `runHighs` the solver thread runs). */
import loadHighs, { Highs } from 'highs';
import { runHighs } from '../../../src/composition/solver';
import type { CompositionInstance } from '../../../src/composition/rules/instance';
import type { BuiltModel, SolverModel } from '../../../src/composition/rules/model';
import { conclude, prepare, ProposalData } from '../../../src/composition/rules/proposal';

let highs: Promise<Highs> | null = null;
export const loadedHighs = () => (highs ??= loadHighs());

export async function solveModel(model: SolverModel) {
  return runHighs(await loadedHighs(), { model, timeLimitSeconds: 20 });
}

export async function propose(inst: CompositionInstance): Promise<ProposalData> {
  const prep = prepare(inst);
  if (!prep.built) return conclude(inst, prep, { optimal: true, colValue: null, bound: null });
  const r = await solveModel(prep.built.model);
  return conclude(inst, prep, { optimal: r.status === 'OPTIMAL', colValue: r.colValue, bound: r.bound });
}

/** The model without the rows of one rule (to show the rule's rows matter). */
export function withoutRows(built: BuiltModel, rule: string): SolverModel {
  const m = built.model;
  const keep = built.rowRules.map((r, i) => (r === rule ? -1 : i)).filter((i) => i >= 0);
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const i of keep) {
    for (let k = m.starts[i]; k < m.starts[i + 1]; k++) {
      indices.push(m.indices[k]);
      values.push(m.values[k]);
    }
    starts.push(indices.length);
  }
  return { ...m, numRows: keep.length, rowLower: keep.map((i) => m.rowLower[i]), rowUpper: keep.map((i) => m.rowUpper[i]), starts, indices, values };
}

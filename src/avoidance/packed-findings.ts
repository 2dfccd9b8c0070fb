/**
 * Findings packed for the trip from a worker thread: every distinct string once and the rest as
 * numbers in one typed array, moved rather than copied. Cloning the findings as objects costs
 * about as much as computing them (19,273 findings of the benchmark: 16.7 MB of structured
 * clone, most of it repeated property names and small objects, decoded on the main thread).
 */
import type { AvoidanceFindingData, AvoidanceRuleName, PathStepData, SeverityName } from './rules/model';

export interface PackedFindings {
  strings: string[];
  numbers: Int32Array;
}

const NONE = -1;

export function packFindings(findings: readonly AvoidanceFindingData[]): PackedFindings {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const s = (x: string | undefined) => {
    if (x === undefined) return NONE;
    let i = index.get(x);
    if (i === undefined) {
      i = strings.push(x) - 1;
      index.set(x, i);
    }
    return i;
  };
  // Explanations are (nearly) all different: stored without looking them up.
  const once = (x: string) => strings.push(x) - 1;
  const out: number[] = [findings.length];
  const path = (steps: readonly PathStepData[]) => {
    out.push(steps.length);
    for (const p of steps) out.push(s(p.label.zh), s(p.label.en), s(p.personId), s(p.unitId));
  };
  for (const f of findings) {
    out.push(s(f.rule), s(f.severity), s(f.personId), s(f.unitId), f.waived ? 1 : 0);
    out.push(once(f.explanation.zh), once(f.explanation.en));
    path(f.path);
    // The public sentence is often the full one (no relative on the path): stored once then.
    out.push(s(f.publicExplanation.zh), s(f.publicExplanation.en));
    path(f.publicPath);
  }
  return { strings, numbers: Int32Array.from(out) };
}

export function unpackFindings({ strings, numbers }: PackedFindings): AvoidanceFindingData[] {
  let k = 0;
  const next = () => numbers[k++];
  const str = () => strings[next()];
  const readPath = () => {
    const path: PathStepData[] = new Array(next());
    for (let j = 0; j < path.length; j++) {
      const step: PathStepData = { label: { zh: str(), en: str() } };
      const [p, u] = [next(), next()];
      if (p !== NONE) step.personId = strings[p];
      if (u !== NONE) step.unitId = strings[u];
      path[j] = step;
    }
    return path;
  };
  const out: AvoidanceFindingData[] = new Array(next());
  for (let i = 0; i < out.length; i++) {
    const rule = str() as AvoidanceRuleName;
    const severity = str() as SeverityName;
    const personId = str();
    const unitId = str();
    const waived = next() === 1;
    const explanation = { zh: str(), en: str() };
    const path = readPath();
    const publicExplanation = { zh: str(), en: str() };
    const publicPath = readPath();
    out[i] = { rule, severity, personId, unitId, explanation, path, publicExplanation, publicPath, waived };
  }
  return out;
}

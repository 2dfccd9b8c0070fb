/**
 * The fingerprint of a composition problem, part by part: the round (dates, status, rules,
 * weights, working days), each team (targets, members kept, their findings), each candidate (what
 * the rules judge them by: pools, rank, bookings, leave, findings, history). A proposal keeps the
 * parts it was made from; it is stale once any part differs, and the parts that differ say what
 * changed.
 */
import { createHash } from 'node:crypto';
import type { Msg } from '../../common/i18n';
import type { AvoidanceFact, PersonFact } from '../../rounds/rules/types';
import { CompositionInstance, findingsIndex, ROLE_ORDER } from './instance';

export type Fingerprint = Record<string, string>;

const digest = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 16);

const finding = (f: AvoidanceFact) => [f.rule, f.severity, f.unitId, f.waived, f.explanation.zh];
const judged = (p: PersonFact) => [
  p.name,
  p.rank,
  p.fullTimeInspector,
  p.servedBefore,
  p.leaveDays,
  [...p.poolEntries].map((e) => [e.pool, e.status, e.regionPath, [...e.specialties].sort()]).sort(),
  [...p.otherBookings].map((b) => [b.teamId, b.roundId, b.startsOn, b.endsOn]).sort(),
];

export function fingerprintOf(inst: CompositionInstance): Fingerprint {
  const { round } = inst;
  const out: Fingerprint = {
    round: digest([round.id, round.status, round.startsOn, round.endsOn, round.regionPath, round.workingDays, round.rules, inst.weights]),
  };
  const current = (teamId: string) => inst.current.filter((m) => m.teamId === teamId).map((m) => [m.personId, m.role]).sort();
  for (const t of inst.teams) {
    out[`team:${t.id}`] = digest([
      inst.teamNames[t.id],
      [...t.targetUnitIds].sort(),
      current(t.id),
      t.members.map((m) => [m.personId, m.role, judged(m), inst.history[m.personId] ?? null]),
      t.avoidance.map(finding),
    ]);
  }
  const findings = findingsIndex(inst);
  for (const p of inst.candidates) {
    const roles = ROLE_ORDER.filter((r) => (inst.judged[r] ?? []).includes(p.personId));
    out[`person:${p.personId}`] = digest([judged(p), inst.history[p.personId] ?? null, roles.map((r) => [r, findings(p.personId, r).map(finding)])]);
  }
  return out;
}

/** The parts that were added, removed or changed. */
export function changedParts(before: Fingerprint, now: Fingerprint): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(now)]);
  return [...keys].filter((k) => before[k] !== now[k]).sort();
}

/** What changed, in words: the round, the teams by name, the people by name (some, and how many more). */
export function describeChanges(parts: readonly string[], names: { teams: Record<string, string>; people: Record<string, string> }): Msg {
  const zh: string[] = [];
  const en: string[] = [];
  if (parts.includes('round')) {
    zh.push('本轮的日期、状态、组队规则或成本权重');
    en.push("the round's dates, status, team rules or cost weights");
  }
  const teams = parts.filter((p) => p.startsWith('team:')).map((p) => names.teams[p.slice(5)] ?? p.slice(5));
  if (teams.length) {
    zh.push(`巡察组（${teams.join('、')}）的成员或巡察对象`);
    en.push(`the members or targets of ${teams.join(', ')}`);
  }
  const people = parts.filter((p) => p.startsWith('person:')).map((p) => names.people[p.slice(7)] ?? p.slice(7));
  if (people.length) {
    const shown = people.slice(0, 5);
    const more = people.length - shown.length;
    zh.push(`人选（${shown.join('、')}${more > 0 ? `等${people.length}人` : ''}）的入库、任职、回避或安排情况`);
    en.push(`the pool entries, posts, avoidance or bookings of ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}`);
  }
  return { zh: zh.join('；'), en: en.join('; ') };
}

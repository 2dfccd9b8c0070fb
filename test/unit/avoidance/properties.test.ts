import fc from 'fast-check';
import { evaluateAvoidance } from '../../../src/avoidance/rules/evaluate';
import type { EmploymentRec, RelationRec } from '../../../src/avoidance/rules/graph';
import { inverseKind, RelationKindName } from '../../../src/avoidance/rules/model';
import { baseWorld, World } from './world';

const PEOPLE = ['P0', 'P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7'];
const UNITS = ['U0', 'U1', 'U2', 'U3'];
const KINDS: RelationKindName[] = [
  'SPOUSE', 'PARENT', 'CHILD', 'SIBLING', 'GRANDPARENT', 'UNCLE_AUNT', 'COUSIN', 'PARENT_IN_LAW',
  'SIBLING_IN_LAW', 'OTHER_IN_LAW', 'CLASSMATE', 'CLOSE_FRIEND', 'OTHER_TIE',
];
const DATES = ['2010-01-01', '2015-06-30', '2019-02-28', '2021-02-28', '2021-03-01', '2023-01-01', '2024-02-29', '2024-03-01', '2024-03-02'];

const relation = fc.record({
  personId: fc.constantFrom(...PEOPLE),
  relatedPersonId: fc.constantFrom(...PEOPLE),
  kind: fc.constantFrom(...KINDS),
}).filter((r) => r.personId !== r.relatedPersonId);

const employment = fc
  .record({
    personId: fc.constantFrom(...PEOPLE),
    unitId: fc.constantFrom(...UNITS),
    startedOn: fc.constantFrom(...DATES),
    endedOn: fc.option(fc.constantFrom(...DATES), { nil: null }),
    leadership: fc.boolean(),
  })
  .map((e) => ({ ...e, endedOn: e.endedOn !== null && e.endedOn < e.startedOn ? null : e.endedOn }));

const worldSpec = fc.record({
  relations: fc.array(relation, { maxLength: 14 }),
  employments: fc.array(employment, { maxLength: 14 }),
  hometowns: fc.array(fc.option(fc.constantFrom('village', 'village2', 'town2', 'townB'), { nil: null }), { minLength: PEOPLE.length, maxLength: PEOPLE.length }),
  ties: fc.array(fc.record({ personId: fc.constantFrom(...PEOPLE), unitId: fc.constantFrom(...UNITS) }), { maxLength: 3 }),
  served: fc.array(fc.record({ personId: fc.constantFrom(...PEOPLE), unitId: fc.constantFrom(...UNITS), startsOn: fc.constantFrom(...DATES) }), { maxLength: 3 }),
  cross: fc.boolean(),
});
type Spec = typeof worldSpec extends fc.Arbitrary<infer T> ? T : never;

function build(spec: Spec, extra: { relations?: RelationRec[]; employments?: Omit<EmploymentRec, 'id' | 'post'>[] } = {}): World {
  const w = baseWorld();
  w.unit('U0', { system: 'FINANCE' });
  w.unit('U1', { regionId: 'townB', system: 'FINANCE' });
  w.unit('U2', { parentId: 'U0' });
  w.unit('U3', { kind: 'VILLAGE', regionId: 'village' });
  PEOPLE.forEach((id, i) => w.person(id, { hometown: spec.hometowns[i] }));
  for (const r of [...spec.relations, ...(extra.relations ?? [])]) w.rel(r.personId, r.kind, r.relatedPersonId);
  for (const e of [...spec.employments, ...(extra.employments ?? [])]) w.job(e.personId, e.unitId, e.startedOn, e.endedOn, { leadership: e.leadership });
  spec.ties.forEach((t) => w.interestTies.push({ ...t, description: 'tie' }));
  spec.served.forEach((s, i) => w.served(s.personId, { roundId: `r${i}`, startsOn: s.startsOn, targets: [s.unitId] }));
  return w;
}

const run = (w: World, cross: boolean) =>
  evaluateAvoidance(w.graph({ startsOn: '2024-03-01', kind: cross ? 'CROSS' : 'REGULAR' }), { personIds: PEOPLE, unitIds: UNITS });
const keys = (fs: ReturnType<typeof run>) => new Set(fs.map((f) => `${f.rule}|${f.personId}|${f.unitId}`));

describe('avoidance properties', () => {
  it('adding a relation or an employment never removes a finding (a two-hop kin may only become kin)', () => {
    fc.assert(
      fc.property(worldSpec, fc.oneof(relation.map((r) => ({ relations: [r] })), employment.map((e) => ({ employments: [e] }))), (spec, extra) => {
        const before = keys(run(build(spec), spec.cross));
        const after = keys(run(build(spec, extra), spec.cross));
        for (const k of before) {
          if (after.has(k)) continue;
          const [rule, p, u] = k.split('|');
          expect(rule).toBe('TWO_HOP_KIN');
          expect(after.has(`KIN_IN_TARGET|${p}|${u}`)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('adding a relation or a past post of someone unconnected changes nothing at all', () => {
    fc.assert(
      fc.property(worldSpec, fc.constantFrom(...KINDS), fc.constantFrom(...PEOPLE), fc.constantFrom(...UNITS), (spec, kind, known, unitId) => {
        const before = run(build(spec), spec.cross);
        const w = build(spec, {
          relations: [{ personId: 'stranger', relatedPersonId: known, kind }],
          employments: [{ personId: 'stranger2', unitId, startedOn: '2000-01-01', endedOn: '2001-01-01', leadership: true }],
        });
        expect(run(w, spec.cross)).toEqual(before);
      }),
      { numRuns: 150 },
    );
  });

  it('does not depend on the order or direction in which records were made', () => {
    fc.assert(
      fc.property(worldSpec, fc.integer({ min: 1, max: 1000 }), fc.infiniteStream(fc.boolean()), (spec, seed, flips) => {
        const before = run(build(spec), spec.cross);
        const shuffle = <T>(xs: T[]) => xs.map((x, i) => ({ x, k: (i * 7919 + seed * 104729) % 1009 })).sort((a, b) => a.k - b.k).map((a) => a.x);
        const w = build(spec);
        w.relations = shuffle(w.relations).map((r) =>
          flips.next().value ? { personId: r.relatedPersonId, relatedPersonId: r.personId, kind: inverseKind(r.kind) } : r,
        );
        w.employments = shuffle(w.employments);
        w.interestTies = shuffle(w.interestTies);
        w.pastService = shuffle(w.pastService);
        expect(run(w, spec.cross)).toEqual(before);
      }),
      { numRuns: 150 },
    );
  });

  it('every path starts at the person and ends at the unit', () => {
    fc.assert(
      fc.property(worldSpec, (spec) => {
        for (const f of run(build(spec), spec.cross)) {
          expect(f.path[0].personId).toBe(f.personId);
          expect(f.path[f.path.length - 1].unitId).toBe(f.unitId);
          expect(f.explanation.zh.length).toBeGreaterThan(0);
          expect(f.explanation.en).not.toMatch(/undefined/);
        }
      }),
      { numRuns: 150 },
    );
  });
});

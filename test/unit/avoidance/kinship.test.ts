import fc from 'fast-check';
import {
  buildAdjacency,
  deriveKin,
  extendFrontier,
  KIN_COMPOSITIONS,
  reverseHops,
} from '../../../src/avoidance/rules/kinship';
import { inverseKind, RelationKindName } from '../../../src/avoidance/rules/model';
import type { RelationRec } from '../../../src/avoidance/rules/graph';

const STEP_KIND: Record<string, RelationKindName> = { S: 'SPOUSE', P: 'PARENT', C: 'CHILD', B: 'SIBLING' };

/** A chain p0 → p1 → … where p(i+1) is step i of p(i), each record stored in the direction `flip` says. */
function chain(steps: string, flip: (i: number) => boolean): RelationRec[] {
  return [...steps].map((s, i) => {
    const kind = STEP_KIND[s];
    return flip(i)
      ? { personId: `p${i + 1}`, relatedPersonId: `p${i}`, kind: inverseKind(kind) }
      : { personId: `p${i}`, relatedPersonId: `p${i + 1}`, kind };
  });
}

const kinOf = (relations: RelationRec[], start = 'p0') => deriveKin(buildAdjacency(relations), start);

/** Every composition of DOMAIN.md spelled with primitive records. */
const PRIMITIVE_COMPOSITIONS = Object.keys(KIN_COMPOSITIONS).filter((c) => /^[SPCB]+$/.test(c));

describe('kinship: the compositions of DOMAIN.md', () => {
  it('lists exactly the compositions of the four categories', () => {
    expect(PRIMITIVE_COMPOSITIONS.sort()).toEqual(
      [
        // lineal
        'P', 'C', 'PP', 'CC',
        // collateral within three generations
        'B', 'PB', 'BC', 'PBC',
        // close in-laws
        'SP', 'SB', 'SBS', 'CS', 'CSP', 'BS', 'PBS', 'BCS', 'PBCS',
        // spouse
        'S',
      ].sort(),
    );
  });

  describe.each(PRIMITIVE_COMPOSITIONS)('%s', (composition) => {
    const n = composition.length;
    it('is reached through primitive records, whichever direction each was recorded in', () => {
      for (let mask = 0; mask < 1 << n; mask++) {
        const kin = kinOf(chain(composition, (i) => ((mask >> i) & 1) === 1));
        const link = kin.get(`p${n}`);
        expect(link?.composition).toBe(composition);
        expect(link?.hops.map((h) => h.to)).toEqual(Array.from({ length: n }, (_, i) => `p${i + 1}`));
        // every step is named from the walker's side, however it was stored
        expect(link?.hops.map((h) => h.kind)).toEqual([...composition].map((s) => STEP_KIND[s]));
      }
    });

    it('is kin of its category', () => {
      const category = KIN_COMPOSITIONS[composition].category;
      const expected = composition === 'S' ? 'SPOUSE' : /S/.test(composition) ? 'IN_LAW' : /B/.test(composition) ? 'COLLATERAL' : 'LINEAL';
      expect(category).toBe(expected);
    });
  });

  it('reads a recorded PARENT the other way as CHILD', () => {
    const relations: RelationRec[] = [{ personId: 'father', relatedPersonId: 'son', kind: 'CHILD' }];
    expect(kinOf(relations, 'son').get('father')?.hops).toEqual([{ from: 'son', to: 'father', kind: 'PARENT' }]);
    expect(kinOf(relations, 'father').get('son')?.hops).toEqual([{ from: 'father', to: 'son', kind: 'CHILD' }]);
  });

  it.each<[RelationKindName, string, RelationKindName, string]>([
    ['GRANDPARENT', 'PP', 'GRANDCHILD', 'CC'],
    ['UNCLE_AUNT', 'PB', 'NEPHEW_NIECE', 'BC'],
    ['PARENT_IN_LAW', 'SP', 'CHILD_IN_LAW', 'CS'],
    ['COUSIN', 'PBC', 'COUSIN', 'PBC'],
    ['SIBLING_IN_LAW', 'X', 'SIBLING_IN_LAW', 'X'],
    ['OTHER_IN_LAW', 'Y', 'OTHER_IN_LAW', 'Y'],
  ])('a recorded %s is kin by itself (%s), and its inverse %s on the other side (%s)', (kind, comp, inverse, inverseComp) => {
    const relations: RelationRec[] = [{ personId: 'a', relatedPersonId: 'b', kind }];
    expect(kinOf(relations, 'a').get('b')?.composition).toBe(comp);
    const back = kinOf(relations, 'b').get('a');
    expect(back?.composition).toBe(inverseComp);
    expect(back?.hops[0].kind).toBe(inverse);
  });

  it.each<[string, [RelationKindName, RelationKindName], string]>([
    ["an uncle's child is a cousin", ['UNCLE_AUNT', 'CHILD'], 'PBC'],
    ["an uncle's spouse is an in-law", ['UNCLE_AUNT', 'SPOUSE'], 'PBS'],
    ["a cousin's spouse is an in-law", ['COUSIN', 'SPOUSE'], 'PBCS'],
    ["a nephew's spouse is an in-law", ['NEPHEW_NIECE', 'SPOUSE'], 'BCS'],
    ["a child-in-law's parent is an in-law", ['CHILD_IN_LAW', 'PARENT'], 'CSP'],
    ["a parent's sibling recorded as a grandparent's child is an uncle", ['GRANDPARENT', 'CHILD'], 'PB'],
    ["a parent's grandchild is a nephew", ['PARENT', 'GRANDCHILD'], 'BC'],
  ])('recorded compound kinds compose like their steps: %s', (_, [k1, k2], composition) => {
    const relations: RelationRec[] = [
      { personId: 'a', relatedPersonId: 'b', kind: k1 },
      { personId: 'b', relatedPersonId: 'c', kind: k2 },
    ];
    expect(kinOf(relations, 'a').get('c')?.composition).toBe(composition);
  });

  it('finds siblings, uncles and cousins in a family recorded only as parents and children', () => {
    // grandpa has two sons; each son has a child
    const relations: RelationRec[] = [
      { personId: 'dad', relatedPersonId: 'grandpa', kind: 'PARENT' },
      { personId: 'uncle', relatedPersonId: 'grandpa', kind: 'PARENT' },
      { personId: 'me', relatedPersonId: 'dad', kind: 'PARENT' },
      { personId: 'cousin', relatedPersonId: 'uncle', kind: 'PARENT' },
      { personId: 'sister', relatedPersonId: 'dad', kind: 'PARENT' },
      { personId: 'sister', relatedPersonId: 'sister2', kind: 'SIBLING' },
    ];
    const kin = kinOf(relations, 'me');
    expect(kin.get('sister')?.composition).toBe('B');
    expect(kin.get('sister2')?.composition).toBe('B');
    expect(kin.get('uncle')?.composition).toBe('PB');
    expect(kin.get('cousin')?.composition).toBe('PBC');
    expect(kin.get('grandpa')?.composition).toBe('PP');
    expect(kin.has('me')).toBe(false);
  });
});

describe('kinship: what must not count', () => {
  it.each<[string, [string, RelationKindName, string][], string]>([
    ["a cousin's cousin", [['a', 'COUSIN', 'b'], ['b', 'COUSIN', 'c']], 'c'],
    ["a cousin's cousin through primitive records", chain('PBCPBC', () => false).map((r) => [r.personId, r.kind, r.relatedPersonId] as [string, RelationKindName, string]), 'p6'],
    ["a cousin's child", [['a', 'COUSIN', 'b'], ['b', 'CHILD', 'c']], 'c'],
    ['a great-uncle (grandparent\'s sibling)', [['a', 'GRANDPARENT', 'b'], ['b', 'SIBLING', 'c']], 'c'],
    ["a great-grandparent", [['a', 'GRANDPARENT', 'b'], ['b', 'PARENT', 'c']], 'c'],
    ["a spouse's nephew (SPOUSE∘SIBLING∘CHILD is not listed)", [['a', 'SPOUSE', 'b'], ['b', 'SIBLING', 'c'], ['c', 'CHILD', 'd']], 'd'],
    ["a spouse's cousin", [['a', 'SPOUSE', 'b'], ['b', 'COUSIN', 'c']], 'c'],
    ["a sibling-in-law's spouse (SIBLING_IN_LAW composes with nothing)", [['a', 'SIBLING_IN_LAW', 'b'], ['b', 'SPOUSE', 'c']], 'c'],
    ["an other in-law's child", [['a', 'OTHER_IN_LAW', 'b'], ['b', 'CHILD', 'c']], 'c'],
    ["a sibling's spouse's sibling", [['a', 'SIBLING', 'b'], ['b', 'SPOUSE', 'c'], ['c', 'SIBLING', 'd']], 'd'],
    ['a classmate', [['a', 'CLASSMATE', 'b']], 'b'],
    ['a close friend', [['a', 'CLOSE_FRIEND', 'b']], 'b'],
    ['an other tie', [['a', 'OTHER_TIE', 'b']], 'b'],
    ["a classmate's spouse", [['a', 'CLASSMATE', 'b'], ['b', 'SPOUSE', 'c']], 'c'],
  ])('%s', (_, records, target) => {
    const relations = records.map(([personId, kind, relatedPersonId]) => ({ personId, relatedPersonId, kind }));
    const start = relations[0].personId;
    expect(kinOf(relations, start).has(target)).toBe(false);
  });

  it('is directional: an uncle\'s wife is kin, while her husband\'s nephew is not hers', () => {
    const relations: RelationRec[] = [
      { personId: 'me', relatedPersonId: 'uncle', kind: 'UNCLE_AUNT' },
      { personId: 'uncle', relatedPersonId: 'aunt', kind: 'SPOUSE' },
    ];
    expect(kinOf(relations, 'me').get('aunt')?.composition).toBe('PBS');
    expect(kinOf(relations, 'aunt').has('me')).toBe(false);
  });

  it("never walks back through a person on the path (a spouse's parent's child is not a sibling of the spouse's spouse)", () => {
    const relations: RelationRec[] = [
      { personId: 'a', relatedPersonId: 'b', kind: 'SPOUSE' },
      { personId: 'b', relatedPersonId: 'c', kind: 'SPOUSE' },
      { personId: 'x', relatedPersonId: 'b', kind: 'CHILD' },
    ];
    // a → spouse b → parent x → child b → spouse c would spell SBS (PC read as B) through b twice
    expect(kinOf(relations, 'a').has('c')).toBe(false);
  });

  it('never counts the person themselves', () => {
    const relations = chain('PC', () => false); // p0's parent's child p2 ...
    relations.push({ personId: 'p1', relatedPersonId: 'p0', kind: 'CHILD' });
    expect(kinOf(relations).has('p0')).toBe(false);
  });
});

describe('kinship: paths', () => {
  it('takes the path with the fewest records', () => {
    const relations: RelationRec[] = [
      { personId: 'a', relatedPersonId: 'x', kind: 'PARENT' },
      { personId: 'x', relatedPersonId: 'y', kind: 'SIBLING' },
      { personId: 'y', relatedPersonId: 'c', kind: 'CHILD' },
      { personId: 'a', relatedPersonId: 'c', kind: 'COUSIN' },
    ];
    expect(kinOf(relations, 'a').get('c')?.hops).toEqual([{ from: 'a', to: 'c', kind: 'COUSIN' }]);
  });

  it('reverses a path with every step renamed from the other side', () => {
    const link = kinOf(chain('PBC', () => false)).get('p3')!;
    expect(reverseHops(link.hops)).toEqual([
      { from: 'p3', to: 'p2', kind: 'PARENT' },
      { from: 'p2', to: 'p1', kind: 'SIBLING' },
      { from: 'p1', to: 'p0', kind: 'CHILD' },
    ]);
  });

  const kinds: RelationKindName[] = ['SPOUSE', 'PARENT', 'CHILD', 'SIBLING', 'COUSIN', 'UNCLE_AUNT', 'PARENT_IN_LAW', 'CLASSMATE'];
  const relationArb = fc.record({
    personId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
    relatedPersonId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
    kind: fc.constantFrom(...kinds),
  });

  it('does not depend on the order or direction in which relations were recorded', () => {
    fc.assert(
      fc.property(fc.array(relationArb, { maxLength: 14 }), fc.infiniteStream(fc.boolean()), fc.nat(), (relations, flips, seed) => {
        const stored = relations.map((r) =>
          flips.next().value ? { personId: r.relatedPersonId, relatedPersonId: r.personId, kind: inverseKind(r.kind) } : r,
        );
        const shuffled = stored
          .map((r, i) => ({ r, k: (i * 7919 + seed) % (stored.length + 13) }))
          .sort((x, y) => x.k - y.k)
          .map((x) => x.r);
        for (const start of ['a', 'b', 'c']) {
          expect([...kinOf(shuffled, start)].sort()).toEqual([...kinOf(relations, start)].sort());
        }
      }),
    );
  });

  it('only grows when records are added', () => {
    fc.assert(
      fc.property(fc.array(relationArb, { maxLength: 12 }), relationArb, (relations, extra) => {
        const before = kinOf(relations, 'a');
        const after = kinOf([...relations, extra], 'a');
        for (const k of before.keys()) expect(after.has(k)).toBe(true);
      }),
    );
  });
});

describe('extendFrontier', () => {
  it('keeps only the states a composition can still extend', () => {
    const adj = buildAdjacency([
      { personId: 'a', relatedPersonId: 'b', kind: 'PARENT' },
      { personId: 'a', relatedPersonId: 'c', kind: 'CLASSMATE' },
      { personId: 'a', relatedPersonId: 'd', kind: 'GRANDPARENT' },
      { personId: 'a', relatedPersonId: 'e', kind: 'SIBLING_IN_LAW' },
    ]);
    const next = extendFrontier(new Map([['a', new Set([''])]]), adj);
    // a parent and a grandparent (whose child is an uncle) can be followed further; a personal
    // tie and SIBLING_IN_LAW by nothing
    expect([...next.keys()].sort()).toEqual(['b', 'd']);
    expect([...next.get('b')!]).toEqual(['P']);
    expect([...next.get('d')!]).toEqual(['PP']);
    // a cousin's child leads nowhere: PBCC is no composition and none starts with it
    const adj2 = buildAdjacency([{ personId: 'x', relatedPersonId: 'y', kind: 'CHILD' }]);
    expect(extendFrontier(new Map([['x', new Set(['PBC'])]]), adj2).size).toBe(0);
  });
});

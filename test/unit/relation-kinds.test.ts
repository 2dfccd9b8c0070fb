import fc from 'fast-check';
import { canonicalPair, inverseKind, isKin, RELATION_KINDS } from '../../src/people/rules/relation-kinds';

describe('relation kinds', () => {
  test('kin are the four civil-service categories; personal ties are not kin', () => {
    expect(RELATION_KINDS.filter(isKin)).toEqual([
      'SPOUSE', 'PARENT', 'CHILD', 'GRANDPARENT', 'GRANDCHILD', 'SIBLING', 'UNCLE_AUNT',
      'NEPHEW_NIECE', 'COUSIN', 'PARENT_IN_LAW', 'CHILD_IN_LAW', 'SIBLING_IN_LAW', 'OTHER_IN_LAW',
    ]);
    for (const tie of ['CLASSMATE', 'TEACHER_STUDENT', 'SAME_SUPERVISOR', 'CLOSE_FRIEND', 'OTHER_TIE'] as const) expect(isKin(tie)).toBe(false);
  });

  test('inverses pair up the directed kinds and leave the symmetric ones alone', () => {
    expect(inverseKind('PARENT')).toBe('CHILD');
    expect(inverseKind('GRANDCHILD')).toBe('GRANDPARENT');
    expect(inverseKind('UNCLE_AUNT')).toBe('NEPHEW_NIECE');
    expect(inverseKind('CHILD_IN_LAW')).toBe('PARENT_IN_LAW');
    expect(inverseKind('SPOUSE')).toBe('SPOUSE');
    expect(inverseKind('COUSIN')).toBe('COUSIN');
    for (const k of RELATION_KINDS) expect(inverseKind(inverseKind(k))).toBe(k);
  });

  test('a pair recorded from either side is stored the same way', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.uuid(), fc.constantFrom(...RELATION_KINDS), (a, b, kind) => {
        fc.pre(a !== b);
        const one = canonicalPair(a, b, kind);
        expect(canonicalPair(b, a, inverseKind(kind))).toEqual(one);
        expect(one.personId < one.relatedPersonId).toBe(true);
      }),
    );
  });
});

/**
 * Relation kinds say what relatedPerson is to person (PARENT: relatedPerson is person's parent).
 * The inverse holds without being stored; a pair is stored once, in either direction.
 */
export const RELATION_KINDS = [
  'SPOUSE',
  'PARENT',
  'CHILD',
  'GRANDPARENT',
  'GRANDCHILD',
  'SIBLING',
  'UNCLE_AUNT',
  'NEPHEW_NIECE',
  'COUSIN',
  'PARENT_IN_LAW',
  'CHILD_IN_LAW',
  'SIBLING_IN_LAW',
  'OTHER_IN_LAW',
  'CLASSMATE',
  'TEACHER_STUDENT',
  'SAME_SUPERVISOR',
  'CLOSE_FRIEND',
  'OTHER_TIE',
] as const;
export type RelationKindName = (typeof RELATION_KINDS)[number];

const INVERSE_PAIRS: [RelationKindName, RelationKindName][] = [
  ['PARENT', 'CHILD'],
  ['GRANDPARENT', 'GRANDCHILD'],
  ['UNCLE_AUNT', 'NEPHEW_NIECE'],
  ['PARENT_IN_LAW', 'CHILD_IN_LAW'],
];

/** What person is to relatedPerson, given what relatedPerson is to person. */
export function inverseKind(kind: RelationKindName): RelationKindName {
  for (const [a, b] of INVERSE_PAIRS) {
    if (kind === a) return b;
    if (kind === b) return a;
  }
  return kind; // symmetric
}

/** Personal ties (rule 8 and other); every other kind is kin. */
export const PERSONAL_TIE_KINDS: readonly RelationKindName[] = ['CLASSMATE', 'TEACHER_STUDENT', 'SAME_SUPERVISOR', 'CLOSE_FRIEND', 'OTHER_TIE'];
export const KIN_KINDS: readonly RelationKindName[] = RELATION_KINDS.filter((k) => !PERSONAL_TIE_KINDS.includes(k));
export const isKin = (kind: RelationKindName) => KIN_KINDS.includes(kind);

/** Words a clerk reads: what relatedPerson is to person. */
export const RELATION_LABELS: Record<RelationKindName, { zh: string; en: string }> = {
  SPOUSE: { zh: '配偶', en: 'spouse' },
  PARENT: { zh: '父母', en: 'parent' },
  CHILD: { zh: '子女', en: 'child' },
  GRANDPARENT: { zh: '祖父母/外祖父母', en: 'grandparent' },
  GRANDCHILD: { zh: '孙子女/外孙子女', en: 'grandchild' },
  SIBLING: { zh: '兄弟姐妹', en: 'sibling' },
  UNCLE_AUNT: { zh: '伯叔姑舅姨', en: 'uncle or aunt' },
  NEPHEW_NIECE: { zh: '侄甥', en: 'nephew or niece' },
  COUSIN: { zh: '堂表兄弟姐妹', en: 'cousin' },
  PARENT_IN_LAW: { zh: '配偶父母', en: 'parent-in-law' },
  CHILD_IN_LAW: { zh: '子女配偶', en: 'child-in-law' },
  SIBLING_IN_LAW: { zh: '配偶兄弟姐妹及其配偶', en: 'sibling-in-law' },
  OTHER_IN_LAW: { zh: '其他姻亲', en: 'other in-law' },
  CLASSMATE: { zh: '同学', en: 'classmate' },
  TEACHER_STUDENT: { zh: '师生', en: 'teacher or student' },
  SAME_SUPERVISOR: { zh: '同一上级', en: 'same supervisor' },
  CLOSE_FRIEND: { zh: '密友', en: 'close friend' },
  OTHER_TIE: { zh: '其他关系', en: 'other tie' },
};

/** The stored form of a pair: one row per unordered pair of persons and kind family. */
export function canonicalPair(personId: string, relatedPersonId: string, kind: RelationKindName) {
  if (personId <= relatedPersonId) return { personId, relatedPersonId, kind };
  return { personId: relatedPersonId, relatedPersonId: personId, kind: inverseKind(kind) };
}

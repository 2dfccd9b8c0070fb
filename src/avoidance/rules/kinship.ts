/**
 * Kinship derived from recorded relations (DOMAIN.md "Kinship is derived, not only declared").
 *
 * Every relation record is read in both directions (PARENT one way is CHILD the other). Each
 * kin kind stands for a sequence of primitive steps: S spouse, P parent, C child, B sibling, so
 * that a recorded compound kind composes like the steps it names (an uncle's child is a cousin:
 * UNCLE_AUNT∘CHILD = PARENT∘SIBLING∘CHILD). SIBLING_IN_LAW and OTHER_IN_LAW do not say which
 * steps they stand for, so they are kin by themselves and compose with nothing.
 *
 * Two pairs of steps name a sibling however the family was recorded: a parent's child (other
 * than P) and a sibling's sibling. They are read as SIBLING before matching, so that a family
 * recorded as parents and children yields its siblings, uncles, nephews and cousins.
 *
 * A person K is P's kin when some path of records from P to K spells one of the compositions
 * below. Kinship is directional: an uncle's wife is P's kin (PARENT∘SIBLING∘SPOUSE) while P is
 * not hers under the list (SPOUSE∘SIBLING∘CHILD is not in it).
 */
import { inverseKind, Msg, msg, RelationKindName } from './model';
import type { RelationRec } from './graph';

/** The primitive steps each kin kind stands for; personal ties are absent (not kin). */
const STEPS: Partial<Record<RelationKindName, string>> = {
  SPOUSE: 'S',
  PARENT: 'P',
  CHILD: 'C',
  SIBLING: 'B',
  GRANDPARENT: 'PP',
  GRANDCHILD: 'CC',
  UNCLE_AUNT: 'PB',
  NEPHEW_NIECE: 'BC',
  COUSIN: 'PBC',
  PARENT_IN_LAW: 'SP',
  CHILD_IN_LAW: 'CS',
  SIBLING_IN_LAW: 'X',
  OTHER_IN_LAW: 'Y',
};

export type KinCategory = 'SPOUSE' | 'LINEAL' | 'COLLATERAL' | 'IN_LAW';

/** The four categories of the civil-service avoidance rules, as compositions of steps. */
export const KIN_COMPOSITIONS: Readonly<Record<string, { category: KinCategory; term: Msg }>> = {
  S: { category: 'SPOUSE', term: msg('配偶', 'spouse') },
  P: { category: 'LINEAL', term: msg('父母', 'parent') },
  C: { category: 'LINEAL', term: msg('子女', 'child') },
  PP: { category: 'LINEAL', term: msg('祖父母、外祖父母', 'grandparent') },
  CC: { category: 'LINEAL', term: msg('孙子女、外孙子女', 'grandchild') },
  B: { category: 'COLLATERAL', term: msg('兄弟姐妹', 'sibling') },
  PB: { category: 'COLLATERAL', term: msg('伯叔姑舅姨', 'uncle or aunt') },
  BC: { category: 'COLLATERAL', term: msg('侄子女、外甥子女', 'nephew or niece') },
  PBC: { category: 'COLLATERAL', term: msg('堂表兄弟姐妹', 'cousin') },
  SP: { category: 'IN_LAW', term: msg('配偶的父母', "spouse's parent") },
  SB: { category: 'IN_LAW', term: msg('配偶的兄弟姐妹', "spouse's sibling") },
  SBS: { category: 'IN_LAW', term: msg('配偶的兄弟姐妹的配偶', "spouse's sibling's spouse") },
  CS: { category: 'IN_LAW', term: msg('子女的配偶', "child's spouse") },
  CSP: { category: 'IN_LAW', term: msg('子女配偶的父母', "child's spouse's parent") },
  BS: { category: 'IN_LAW', term: msg('兄弟姐妹的配偶', "sibling's spouse") },
  PBS: { category: 'IN_LAW', term: msg('伯叔姑舅姨的配偶', "uncle's or aunt's spouse") },
  BCS: { category: 'IN_LAW', term: msg('侄子女、外甥子女的配偶', "nephew's or niece's spouse") },
  PBCS: { category: 'IN_LAW', term: msg('堂表兄弟姐妹的配偶', "cousin's spouse") },
  X: { category: 'IN_LAW', term: msg('姻亲兄弟姐妹', 'sibling-in-law') },
  Y: { category: 'IN_LAW', term: msg('其他姻亲', 'other in-law') },
};

/** A parent's child and a sibling's sibling are siblings (the path never returns to its start). */
export function normalizeSteps(seq: string): string {
  let prev;
  do {
    prev = seq;
    seq = seq.replace(/PC|BB/g, 'B');
  } while (seq !== prev);
  return seq;
}

/** Where one more record leads from a step sequence: the sequence reached, and what it is. */
interface Transition {
  seq: string;
  /** A key of KIN_COMPOSITIONS. */
  kin: boolean;
  /** Some composition extends it (LIVE). */
  live: boolean;
}

/**
 * normalizeSteps(seq + steps) and what it is, remembered by sequence then steps: the set of
 * sequences met is small, and a walk asks this for every record it looks at (two lookups of
 * strings whose hashes are known, instead of building and hashing `seq + steps`).
 */
const TRANSITIONS = new Map<string, Map<string, Transition>>();
function transition(seq: string, steps: string): Transition {
  let bySteps = TRANSITIONS.get(seq);
  if (bySteps === undefined) TRANSITIONS.set(seq, (bySteps = new Map()));
  let t = bySteps.get(steps);
  if (t === undefined) {
    const next = normalizeSteps(seq + steps);
    bySteps.set(steps, (t = { seq: next, kin: next in KIN_COMPOSITIONS, live: LIVE.has(next) }));
  }
  return t;
}

/**
 * Step sequences from which more steps can still reach a composition (a grandparent is one:
 * a grandparent's child is an uncle). Sequences longer than six steps never are: each further
 * step adds one and normalization takes back at most one.
 */
const LIVE: ReadonlySet<string> = (() => {
  const letters = ['S', 'P', 'C', 'B'];
  const all = new Set<string>(['']);
  for (let len = 0; len < 6; len++) {
    for (const s of [...all]) if (s.length === len) for (const x of letters) all.add(normalizeSteps(s + x));
  }
  const live = new Set<string>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const s of all) {
      if (live.has(s)) continue;
      if (letters.some((x) => normalizeSteps(s + x) in KIN_COMPOSITIONS || live.has(normalizeSteps(s + x)))) {
        live.add(s);
        changed = true;
      }
    }
  }
  return live;
})();

export const isKinKind = (kind: RelationKindName) => STEPS[kind] !== undefined;

/** The steps of each kind by name, for kinds read from the database (strings a property lookup would have to intern first). */
const STEPS_OF = new Map<string, string>(Object.entries(STEPS) as [string, string][]);
export const PERSONAL_TIE_KINDS: readonly RelationKindName[] = ['CLASSMATE', 'TEACHER_STUDENT', 'SAME_SUPERVISOR', 'CLOSE_FRIEND'];

/** A relation seen from one side: `to` is `kind` of the person whose list holds it. */
export interface Tie {
  to: string;
  kind: RelationKindName;
}

/** A kin tie with the primitive steps its kind stands for (what a walk looks at). */
interface KinTie extends Tie {
  steps: string;
}

/**
 * The kin ties of an adjacency (personal ties dropped), each with its steps, in the same order:
 * what deriveKin walks, built once for many walks.
 */
export function kinAdjacency(adj: ReadonlyMap<string, readonly Tie[]>): Map<string, KinTie[]> {
  const out = new Map<string, KinTie[]>();
  for (const [from, ties] of adj) {
    const kin: KinTie[] = [];
    for (const t of ties) {
      const steps = STEPS_OF.get(t.kind);
      if (steps !== undefined) kin.push({ to: t.to, kind: t.kind, steps });
    }
    if (kin.length > 0) out.set(from, kin);
  }
  return out;
}

const KIND_ORDER: RelationKindName[] = [
  'SPOUSE', 'PARENT', 'CHILD', 'SIBLING', 'GRANDPARENT', 'GRANDCHILD', 'UNCLE_AUNT', 'NEPHEW_NIECE', 'COUSIN',
  'PARENT_IN_LAW', 'CHILD_IN_LAW', 'SIBLING_IN_LAW', 'OTHER_IN_LAW',
  'CLASSMATE', 'TEACHER_STUDENT', 'SAME_SUPERVISOR', 'CLOSE_FRIEND', 'OTHER_TIE',
];
const KIND_RANK = new Map(KIND_ORDER.map((k, i) => [k, i]));
const KIND_NAME = new Map<string, RelationKindName>(KIND_ORDER.map((k) => [k, k]));

/**
 * Each person's ties, both directions of every record, in a fixed order (kind, then person id)
 * so that what is derived does not depend on the order in which records were made.
 */
export function buildAdjacency(relations: Iterable<RelationRec>): Map<string, Tie[]> {
  const adj = new Map<string, Tie[]>();
  const add = (from: string, tie: Tie) => {
    const list = adj.get(from);
    if (list) list.push(tie);
    else adj.set(from, [tie]);
  };
  for (const r of relations) {
    if (r.personId === r.relatedPersonId) continue;
    // The kind as this module's own string: every walk looks its steps up, many times a tie.
    const kind = KIND_NAME.get(r.kind) ?? r.kind;
    add(r.personId, { to: r.relatedPersonId, kind });
    add(r.relatedPersonId, { to: r.personId, kind: inverseKind(kind) });
  }
  for (const [from, list] of adj) {
    list.sort((a, b) => KIND_RANK.get(a.kind)! - KIND_RANK.get(b.kind)! || (a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
    adj.set(
      from,
      list.filter((t, i) => i === 0 || t.to !== list[i - 1].to || t.kind !== list[i - 1].kind),
    );
  }
  return adj;
}

/** One record on a kin path: `to` is `kind` of `from`. */
export interface KinHop {
  from: string;
  to: string;
  kind: RelationKindName;
}

export interface KinLink {
  personId: string;
  /** The composition reached, a key of KIN_COMPOSITIONS. */
  composition: string;
  hops: KinHop[];
}

/**
 * Everyone who is `start`'s kin, each with the shortest path of records that makes them so
 * (fewest records; ties broken by the fixed order of the adjacency).
 */
export function deriveKin(adj: ReadonlyMap<string, readonly Tie[]>, start: string): Map<string, KinLink> {
  return deriveKinOn(kinAdjacency(adj), start);
}

/** deriveKin on a kinAdjacency (build it once when walking from many persons). */
export function deriveKinOn(adj: ReadonlyMap<string, readonly KinTie[]>, start: string): Map<string, KinLink> {
  interface State {
    person: string;
    seq: string;
    via: KinHop | null;
    prev: State | null;
  }
  const hopsTo = (state: State): KinHop[] => {
    const hops: KinHop[] = [];
    for (let s: State | null = state; s?.via; s = s.prev) hops.push(s.via);
    return hops.reverse();
  };
  const onPath = (state: State, person: string) => {
    for (let s: State | null = state; s; s = s.prev) if (s.person === person) return true;
    return false;
  };
  const found = new Map<string, KinLink>();
  const seen = new Map<string, Set<string>>();
  let frontier: State[] = [{ person: start, seq: '', via: null, prev: null }];
  while (frontier.length > 0) {
    const next: State[] = [];
    for (const state of frontier) {
      const ties = adj.get(state.person);
      if (ties === undefined) continue;
      for (const tie of ties) {
        const { seq, kin, live } = transition(state.seq, tie.steps);
        if (!kin && !live) continue;
        let seqs = seen.get(tie.to);
        if (seqs?.has(seq)) continue;
        // A path never comes back to a person on it: a parent's child is a sibling only when
        // the child is not the one we came from.
        if (onPath(state, tie.to)) continue;
        if (!seqs) seen.set(tie.to, (seqs = new Set()));
        seqs.add(seq);
        const reached: State = { person: tie.to, seq, via: { from: state.person, to: tie.to, kind: tie.kind }, prev: state };
        if (kin && !found.has(tie.to)) found.set(tie.to, { personId: tie.to, composition: seq, hops: hopsTo(reached) });
        if (live) next.push(reached);
      }
    }
    frontier = next;
  }
  return found;
}

/** The same path walked the other way: from the far end back to the start. */
export function reverseHops(hops: readonly KinHop[]): KinHop[] {
  return hops
    .slice()
    .reverse()
    .map((h) => ({ from: h.to, to: h.from, kind: inverseKind(h.kind) }));
}

/**
 * For a loader that fetches the graph hop by hop: given the step sequences that reached each
 * person so far (the start persons with ''), the persons whose relations the next hop needs,
 * with the sequences that reach them. Only sequences some composition extends are kept, so
 * only the part of the graph kin derivation can walk is ever loaded.
 */
export function extendFrontier(
  states: ReadonlyMap<string, ReadonlySet<string>>,
  adj: ReadonlyMap<string, readonly Tie[]>,
): Map<string, Set<string>> {
  const next = new Map<string, Set<string>>();
  for (const [person, seqs] of states) {
    const ties = adj.get(person);
    if (ties === undefined) continue;
    for (const tie of ties) {
      const steps = STEPS_OF.get(tie.kind);
      if (steps === undefined) continue;
      for (const seq of seqs) {
        const t = transition(seq, steps);
        if (!t.live) continue;
        let set = next.get(tie.to);
        if (!set) next.set(tie.to, (set = new Set()));
        set.add(t.seq);
      }
    }
  }
  return next;
}

/**
 * Loads, in one batch, the neighbourhood the avoidance rules need for some persons and target
 * units at a round's start date: the persons and their posts; the targets, the units under
 * them and who currently works there; the kin of the persons and of the targets' current
 * leaders, hop by hop, following only what a kin composition can still extend; interest ties,
 * past rounds, declarations, waivers, units and regions. The number of statements depends on
 * the depth of the unit tree and of kin paths, never on the number of (person, unit) pairs.
 */
import type { EntityManager } from 'typeorm';
import type { AvoidanceGraph, DeclarationRec, EmploymentRec, PastServiceRec, PersonRec, RegionRec, RelationRec, UnitRec, WaiverRec } from './rules/graph';
import { extendFrontier, isKinKind, Tie } from './rules/kinship';
import type { AvoidanceRuleName, RoundKindName, SeverityName, TeamRoleName } from './rules/model';
import { inverseKind } from './rules/model';
import { AvoidanceSettingsData, defaultSettings, settingsFor } from './rules/settings';
import { KIN_KINDS, RelationKindName } from '../people/rules/relation-kinds';

/** Ids per statement: well under SQLite's 32766 host parameters even when a list is used twice. */
const CHUNK = 10_000;
type Row = Record<string, unknown>;

const marks = (n: number) => new Array(n).fill('?').join(', ');
const str = (v: unknown) => (v == null ? null : String(v));
const bool = (v: unknown) => v === true || Number(v) === 1;

function chunks<T>(xs: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += CHUNK) out.push(xs.slice(i, i + CHUNK));
  return out;
}

/** Runs `sql(marks)` once per chunk of ids; `params(chunk)` gives the statement's parameters. */
async function selectIn(em: EntityManager, ids: Iterable<string>, sql: (m: string) => string, params: (chunk: string[]) => unknown[] = (c) => c): Promise<Row[]> {
  const all = [...new Set(ids)];
  const out: Row[] = [];
  for (const part of chunks(all)) out.push(...((await em.query(sql(marks(part.length)), params(part))) as Row[]));
  return out;
}

export interface RoundRef {
  id: string;
  regionId: string;
  kind: RoundKindName | string;
  startsOn: string;
}

// ---------------------------------------------------------------- settings

const ids = (path: string) => path.split('/').filter(Boolean);

/**
 * The settings in force for a region (its own, the nearest ancestor's, or the defaults).
 * `regionPath` saves reading the region when the caller has it.
 */
export async function loadSettings(
  em: EntityManager,
  regionId: string,
  regionPath?: string,
): Promise<{ settings: AvoidanceSettingsData; fromRegionId: string | null }> {
  if (regionPath === undefined) {
    const [region] = (await em.query('SELECT path FROM regions WHERE id = ?', [regionId])) as Row[];
    regionPath = region ? String(region.path) : `/${regionId}/`;
  }
  const chain = ids(regionPath).reverse();
  const windows = await selectIn(
    em,
    chain,
    (m) =>
      `SELECT s.region_id, s.former_employer_years, s.long_tenure_years, s.superior_subordinate_years, s.repeat_years, s.hometown_county_all_rounds,
              r.rule, r.enabled, r.severity, r.member_severity
         FROM avoidance_settings s LEFT JOIN avoidance_rule_settings r ON r.region_id = s.region_id
        WHERE s.region_id IN (${m})`,
  );
  const stored = new Map<string, AvoidanceSettingsData>();
  for (const w of windows) {
    const regionKey = String(w.region_id);
    let s = stored.get(regionKey);
    if (!s) {
      s = {
        ...defaultSettings(),
        formerEmployerYears: Number(w.former_employer_years),
        longTenureYears: Number(w.long_tenure_years),
        superiorSubordinateYears: Number(w.superior_subordinate_years),
        repeatYears: Number(w.repeat_years),
        hometownCountyAllRounds: bool(w.hometown_county_all_rounds),
      };
      stored.set(regionKey, s);
    }
    if (w.rule != null && String(w.rule) in s.rules) {
      s.rules[String(w.rule) as AvoidanceRuleName] = {
        enabled: bool(w.enabled),
        severity: String(w.severity) as SeverityName,
        memberSeverity: String(w.member_severity) as SeverityName,
      };
    }
  }
  return settingsFor(chain, stored);
}

// ---------------------------------------------------------------- the neighbourhood

const toUnit = (r: Row): UnitRec => ({
  id: String(r.id),
  name: String(r.name),
  kind: String(r.kind) as UnitRec['kind'],
  regionId: String(r.region_id),
  parentId: str(r.parent_id),
  system: str(r.system),
});

const toEmployment = (r: Row): EmploymentRec => ({
  id: String(r.id),
  personId: String(r.person_id),
  unitId: String(r.unit_id),
  post: String(r.post),
  leadership: bool(r.leadership),
  startedOn: String(r.started_on),
  endedOn: str(r.ended_on),
});

const toPerson = (r: Row): PersonRec => ({
  id: String(r.id),
  name: String(r.name),
  gender: str(r.gender) as PersonRec['gender'],
  hometownRegionId: str(r.hometown_region_id),
});

const EMPLOYMENT_COLUMNS = 'id, person_id, unit_id, post, leadership, started_on, ended_on';
const UNIT_COLUMNS = 'id, name, kind, region_id, parent_id, system';
const PERSON_COLUMNS = 'id, name, gender, hometown_region_id';
const ROLE_RANK: Record<TeamRoleName, number> = { LEADER: 0, DEPUTY_LEADER: 1, MEMBER: 2 };

/** Rows the caller has already read (e.g. for access checks), so they are not read again. */
export interface Known {
  /** Materialized path of the round's region. */
  regionPath?: string;
  persons?: readonly PersonRec[];
  /** The target units. */
  units?: readonly UnitRec[];
}

/**
 * Independent reads run concurrently (on MySQL each takes a pooled connection; SQLite runs
 * them one after the other), so a single check waits for a few round trips, not all of them.
 */
export async function loadAvoidanceGraph(
  em: EntityManager,
  round: RoundRef,
  personIds: readonly string[],
  unitIds: readonly string[],
  known: Known = {},
): Promise<AvoidanceGraph> {
  const D = round.startsOn;
  const persons = new Map<string, PersonRec>((known.persons ?? []).map((p) => [p.id, p]));
  const units = new Map<string, UnitRec>();
  const regions = new Map<string, RegionRec>();
  const employments = new Map<string, EmploymentRec>();
  const missingPersons = personIds.filter((id) => !persons.has(id));
  const service = new Map<string, PastServiceRec>();
  const currentRoles = new Map<string, TeamRoleName>();

  const posts = async (sql: (m: string) => string, keys: readonly string[], params?: (c: string[]) => unknown[]) => {
    for (const e of (await selectIn(em, keys, sql, params)).map(toEmployment)) employments.set(e.id, e);
  };

  // Two chains run beside the single reads: the targets with the units under them and their
  // staff; and the targets' leaders, then the posts and the kin of the persons and leaders.
  /** Targets and every unit under them, level by level; then who works there on D. */
  const targetsAndStaff = async () => {
    let level: UnitRec[] = known.units ? [...known.units] : (await selectIn(em, unitIds, (m) => `SELECT ${UNIT_COLUMNS} FROM units WHERE id IN (${m})`)).map(toUnit);
    while (level.length > 0) {
      const fresh = level.filter((u) => !units.has(u.id));
      for (const u of fresh) units.set(u.id, u);
      if (fresh.length === 0) break;
      level = (await selectIn(em, fresh.map((u) => u.id), (m) => `SELECT ${UNIT_COLUMNS} FROM units WHERE parent_id IN (${m})`)).map(toUnit);
    }
    await posts(
      (m) => `SELECT ${EMPLOYMENT_COLUMNS} FROM employments WHERE unit_id IN (${m}) AND started_on <= ? AND (ended_on IS NULL OR ended_on >= ?)`,
      [...units.keys()],
      (c) => [...c, D, D],
    );
  };

  /** The targets' current leaders; then every post, and the kin, of the persons and the leaders. */
  const postsAndKin = async () => {
    const leaderIds = (
      await selectIn(
        em,
        unitIds,
        (m) => `SELECT DISTINCT person_id FROM employments WHERE unit_id IN (${m}) AND leadership = 1 AND started_on <= ? AND (ended_on IS NULL OR ended_on >= ?)`,
        (c) => [...c, D, D],
      )
    ).map((r) => String(r.person_id));
    const everyone = [...new Set([...personIds, ...leaderIds])];
    const [kin] = await Promise.all([
      loadKinNeighbourhood(em, everyone),
      posts((m) => `SELECT ${EMPLOYMENT_COLUMNS} FROM employments WHERE person_id IN (${m})`, everyone),
    ]);
    return kin;
  };

  const [settings, relations, , personRows, interestRows, serviceRows, roundRows] = await Promise.all([
    loadSettings(em, round.regionId, known.regionPath).then((x) => x.settings),
    postsAndKin(),
    targetsAndStaff(),
    selectIn(em, missingPersons, (m) => `SELECT ${PERSON_COLUMNS} FROM persons WHERE id IN (${m})`),
    selectIn(em, unitIds, (m) => `SELECT person_id, unit_id, description FROM interest_ties WHERE unit_id IN (${m})`),
    // Teams the persons were on in earlier rounds (not called off), with their targets among ours (the rule applies its window).
    unitIds.length === 0
      ? Promise.resolve([] as Row[])
      : selectIn(
          em,
          personIds,
          (m) =>
            `SELECT m.person_id, m.role, r.id AS round_id, r.name AS round_name, r.starts_on, t.name AS team_name, tt.unit_id
               FROM team_memberships m
               JOIN rounds r ON r.id = m.round_id
               JOIN teams t ON t.id = m.team_id
               JOIN team_targets tt ON tt.team_id = m.team_id
              WHERE m.person_id IN (${m}) AND tt.unit_id IN (${marks(unitIds.length)})
                AND r.id <> ? AND r.starts_on < ? AND r.status <> 'CANCELLED'
                AND (m.left_on IS NULL OR m.left_on > m.joined_on)`,
          (c) => [...c, ...unitIds, round.id, D],
        ),
    // The round's own records of the persons, in one statement: declarations (D) and waivers (W) in
    // force (withdrawn and revoked ones are kept, not counted; S when the person declared it with
    // their own account), current roles (R).
    selectIn(
      em,
      personIds,
      (m) =>
        `SELECT CASE WHEN a.person_id = d.person_id THEN 'S' ELSE 'D' END AS what, d.person_id, d.unit_id, d.reason AS detail
           FROM avoidance_declarations d LEFT JOIN accounts a ON a.id = d.declared_by WHERE d.active_round_id = ? AND d.person_id IN (${m})
         UNION ALL
         SELECT 'W' AS what, person_id, unit_id, rule AS detail FROM avoidance_waivers WHERE active_round_id = ? AND person_id IN (${m})
         UNION ALL
         SELECT 'R' AS what, person_id, NULL AS unit_id, role AS detail FROM team_memberships WHERE round_id = ? AND left_on IS NULL AND person_id IN (${m})`,
      (c) => [round.id, ...c, round.id, ...c, round.id, ...c],
    ),
  ]);
  for (const r of personRows) persons.set(String(r.id), toPerson(r));

  // The units of every post outside the targets, then the regions of every unit and hometown.
  for (const r of await selectIn(
    em,
    [...employments.values()].map((e) => e.unitId).filter((id) => !units.has(id)),
    (m) => `SELECT ${UNIT_COLUMNS} FROM units WHERE id IN (${m})`,
  )) {
    units.set(String(r.id), toUnit(r));
  }
  await loadRegions(
    em,
    [...[...units.values()].map((u) => u.regionId), ...[...persons.values()].map((p) => p.hometownRegionId).filter((id): id is string => !!id)],
    regions,
  );

  for (const r of serviceRows) {
    const key = `${r.person_id}|${r.round_id}|${r.team_name}|${r.role}`;
    let s = service.get(key);
    if (!s) {
      s = {
        personId: String(r.person_id),
        role: String(r.role) as TeamRoleName,
        roundId: String(r.round_id),
        roundName: String(r.round_name),
        roundStartsOn: String(r.starts_on),
        teamName: String(r.team_name),
        targetUnitIds: [],
      };
      service.set(key, s);
    }
    s.targetUnitIds.push(String(r.unit_id));
  }
  const declarations: DeclarationRec[] = [];
  const waivers: WaiverRec[] = [];
  for (const r of roundRows) {
    if (r.what === 'D' || r.what === 'S') {
      declarations.push({ personId: String(r.person_id), unitId: String(r.unit_id), reason: String(r.detail), bySelf: r.what === 'S' });
    }
    else if (r.what === 'W') waivers.push({ personId: String(r.person_id), unitId: String(r.unit_id), rule: String(r.detail) as AvoidanceRuleName });
    else {
      const role = String(r.detail) as TeamRoleName;
      const prev = currentRoles.get(String(r.person_id));
      if (!prev || ROLE_RANK[role] < ROLE_RANK[prev]) currentRoles.set(String(r.person_id), role);
    }
  }

  return {
    round: { id: round.id, kind: round.kind as RoundKindName, startsOn: D },
    settings,
    persons,
    units,
    regions,
    relations: [...relations.values()],
    employments: [...employments.values()],
    interestTies: interestRows.map((r) => ({ personId: String(r.person_id), unitId: String(r.unit_id), description: String(r.description) })),
    pastService: [...service.values()],
    declarations,
    waivers,
    currentRoles,
  };
}

/** Regions by id and all their ancestors (from the materialized paths), into `into`. */
async function loadRegions(em: EntityManager, regionIds: Iterable<string>, into: Map<string, RegionRec>) {
  const toRegion = (r: Row): RegionRec => ({ id: String(r.id), name: String(r.name), level: String(r.level) as RegionRec['level'], parentId: str(r.parent_id) });
  const wanted = new Set(regionIds);
  const direct = await selectIn(em, wanted, (m) => `SELECT id, name, level, parent_id, path FROM regions WHERE id IN (${m})`);
  for (const r of direct) into.set(String(r.id), toRegion(r));
  const ancestors = new Set(direct.flatMap((r) => ids(String(r.path))).filter((id) => !wanted.has(id)));
  for (const r of await selectIn(em, ancestors, (m) => `SELECT id, name, level, parent_id FROM regions WHERE id IN (${m})`)) into.set(String(r.id), toRegion(r));
}

/**
 * The relations kin derivation can walk from the start persons (every relation of the start
 * persons themselves, for their personal ties), one statement per hop.
 */
export async function loadKinNeighbourhood(em: EntityManager, starts: readonly string[]): Promise<Map<string, RelationRec>> {
  const relations = new Map<string, RelationRec>();
  const adj = new Map<string, Tie[]>();
  const fetched = new Set<string>();
  const expanded = new Map<string, Set<string>>();
  let states = new Map<string, Set<string>>(starts.map((s) => [s, new Set([''])]));
  let first = true;
  const kinKinds = KIN_KINDS as readonly string[];
  while (states.size > 0) {
    // Only states not expanded before; a person's relations are fetched once.
    const fresh = new Map<string, Set<string>>();
    for (const [person, seqs] of states) {
      const done = expanded.get(person) ?? new Set<string>();
      const todo = [...seqs].filter((s) => !done.has(s));
      if (todo.length === 0) continue;
      fresh.set(person, new Set(todo));
      for (const s of todo) done.add(s);
      expanded.set(person, done);
    }
    if (fresh.size === 0) break;
    const need = [...fresh.keys()].filter((p) => !fetched.has(p));
    const kindFilter = first ? '' : ` AND kind IN (${marks(kinKinds.length)})`;
    const kinds = first ? [] : kinKinds;
    const rows = await selectIn(
      em,
      need,
      (m) =>
        `SELECT id, person_id, related_person_id, kind FROM relations WHERE person_id IN (${m})${kindFilter}
         UNION ALL
         SELECT id, person_id, related_person_id, kind FROM relations WHERE related_person_id IN (${m})${kindFilter}`,
      (c) => [...c, ...kinds, ...c, ...kinds],
    );
    for (const p of need) fetched.add(p);
    for (const r of rows) {
      const id = String(r.id);
      if (relations.has(id)) continue;
      const rel: RelationRec = { personId: String(r.person_id), relatedPersonId: String(r.related_person_id), kind: String(r.kind) as RelationKindName };
      relations.set(id, rel);
      if (!isKinKind(rel.kind)) continue;
      for (const [from, tie] of [
        [rel.personId, { to: rel.relatedPersonId, kind: rel.kind }],
        [rel.relatedPersonId, { to: rel.personId, kind: inverseKind(rel.kind) }],
      ] as const) {
        const list = adj.get(from);
        if (list) list.push(tie);
        else adj.set(from, [tie]);
      }
    }
    first = false;
    states = extendFrontier(fresh, adj);
  }
  return relations;
}

/** Names (and genders) of the persons a set of findings mentions that are not loaded yet. */
export async function loadPersons(em: EntityManager, personIds: Iterable<string>, into: Map<string, PersonRec>) {
  const missing = [...new Set(personIds)].filter((id) => !into.has(id));
  for (const r of await selectIn(em, missing, (m) => `SELECT ${PERSON_COLUMNS} FROM persons WHERE id IN (${m})`)) into.set(String(r.id), toPerson(r));
}

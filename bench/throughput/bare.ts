/**
 * The bare server of the throughput benchmark: node:http and a mysql2 pool (10 connections, as
 * the service), no framework. It answers the benchmark's three queries (workloads.ts, matched by
 * their text) with the same rows in byte-identical JSON, doing the same essential work as the
 * service: verify the bearer token, load the account and its regions, check the permissions and
 * the region scope, read the rows, and for a round judge every team with the same pure rules
 * (team rules and avoidance). Each read is written by hand in as few statements as a careful
 * hand-written server would use.
 *
 *   DATABASE_URL=mysql://… JWT_SECRET=… PORT=… node dist/bench/throughput/bare.js
 *
 * GET /metrics answers `db_statements_total N` (statements sent since the start).
 */
import http from 'node:http';
import mysql, { Pool, RowDataPacket } from 'mysql2/promise';
import { jwtVerify } from 'jose';
import type { EntityManager } from 'typeorm';
import { pathCovers, Permission, rolesGrant } from '../../src/auth/rules/permissions';
import type { Role } from '../../src/auth/roles';
import { loadAvoidanceGraph, loadPersons } from '../../src/avoidance/avoidance.loader';
import { assess, describe } from '../../src/avoidance/rules/evaluate';
import { namedIds } from '../../src/avoidance/rules/explain';
import { inverseKind } from '../../src/people/rules/relation-kinds';
import type { RelationKindName } from '../../src/people/rules/relation-kinds';
import { evaluateTeam } from '../../src/rounds/rules/team-check';
import { resolveTeamRules } from '../../src/rounds/rules/team-rules';
import type { AvoidanceFact, MemberFact, ReadinessKind, RoundFact, TeamRole, TeamRules } from '../../src/rounds/rules/types';
import { QUERIES, WorkloadName } from './workloads';

const ISSUER = 'inspection-personnel-service';
const key = new TextEncoder().encode(required('JWT_SECRET'));
const pool: Pool = mysql.createPool({
  uri: required('DATABASE_URL'),
  connectionLimit: 10,
  enableKeepAlive: true,
  timezone: 'Z',
  dateStrings: ['DATE'],
  charset: 'utf8mb4_unicode_ci',
  supportBigNumbers: true,
});
let statements = 0;

function required(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is required`);
  return v;
}

async function q<T = RowDataPacket>(sql: string, params: unknown[] = []): Promise<T[]> {
  statements++;
  const [rows] = await pool.query(sql, params);
  return rows as T[];
}

const marks = (n: number) => new Array(n).fill('?').join(', ');
const bool = (v: unknown) => v === true || Number(v) === 1;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

// ---------------------------------------------------------------- auth

interface Account {
  id: string;
  roles: Role[];
  regionPaths: string[];
  personId: string | null;
}

/**
 * The request's account: the bearer token verified, then the account and its regions in one
 * statement. The one place to change when the service's sign-in changes.
 */
async function authenticate(req: http.IncomingMessage): Promise<Account> {
  const header = req.headers.authorization;
  if (!header?.startsWith('Bearer ')) throw new HttpError(401, 'no token');
  let accountId: string;
  try {
    const { payload } = await jwtVerify(header.slice(7).trim(), key, { issuer: ISSUER, algorithms: ['HS256'] });
    accountId = String(payload.sub);
  } catch {
    throw new HttpError(401, 'bad token');
  }
  const rows = await q(
    `SELECT a.id, a.roles, a.person_id, a.disabled, g.path
       FROM accounts a LEFT JOIN account_regions ar ON ar.account_id = a.id LEFT JOIN regions g ON g.id = ar.region_id
      WHERE a.id = ?`,
    [accountId],
  );
  if (rows.length === 0 || bool(rows[0].disabled)) throw new HttpError(401, 'no account');
  return {
    id: rows[0].id,
    roles: String(rows[0].roles).split(',') as Role[],
    personId: rows[0].person_id,
    regionPaths: rows.filter((r) => r.path != null).map((r) => String(r.path)),
  };
}

const covers = (a: Account, path: string) => a.roles.includes('ADMIN' as Role) || a.regionPaths.some((s) => pathCovers(s, path));
function requirePermission(a: Account, p: Permission) {
  if (!rolesGrant(a.roles, p)) throw new HttpError(403, 'forbidden');
}

/** The filter's region, in the account's scope. */
async function scopeRegion(a: Account, regionId: string): Promise<string> {
  const [region] = await q('SELECT path FROM regions WHERE id = ?', [regionId]);
  if (!region || !covers(a, region.path)) throw new HttpError(400, 'no such region');
  return String(region.path);
}

const cursor = (id: string) => Buffer.from(JSON.stringify([id])).toString('base64url');

// ---------------------------------------------------------------- W1 and W2

async function personsPage(a: Account, regionId: string, first: number, withCount: boolean) {
  requirePermission(a, 'person:read');
  const path = await scopeRegion(a, regionId);
  const [count, rows] = await Promise.all([
    withCount ? q('SELECT COUNT(*) AS n FROM persons p JOIN regions g ON g.id = p.region_id WHERE g.path LIKE ?', [`${path}%`]) : null,
    q(
      `SELECT p.id, p.name, p.gender, p.rank, p.full_time_inspector, p.region_id, g.name AS region_name, g.path AS region_path
         FROM persons p JOIN regions g ON g.id = p.region_id WHERE g.path LIKE ? ORDER BY p.id LIMIT ?`,
      [`${path}%`, first + 1],
    ),
  ]);
  const page = rows.slice(0, first);
  return { totalCount: count ? Number(count[0].n) : 0, page, hasNextPage: rows.length > first, endCursor: page.length ? cursor(page[page.length - 1].id) : null };
}

async function employmentsOf(ids: string[]) {
  const out = new Map<string, RowDataPacket[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const rows = await q(
    `SELECT e.person_id, e.post, e.leadership, e.started_on, e.ended_on, u.id AS unit_id, u.name AS unit_name, u.kind AS unit_kind
       FROM employments e JOIN units u ON u.id = e.unit_id WHERE e.person_id IN (${marks(ids.length)}) ORDER BY e.started_on, e.id`,
    ids,
  );
  for (const r of rows) out.get(r.person_id)!.push(r);
  return out;
}

async function w1(a: Account, vars: { region: string }) {
  const { totalCount, page, hasNextPage, endCursor } = await personsPage(a, vars.region, 20, true);
  const jobs = await employmentsOf(page.map((p) => p.id));
  return {
    persons: {
      totalCount,
      edges: page.map((p) => ({
        cursor: cursor(p.id),
        node: {
          id: p.id,
          name: p.name,
          gender: p.gender,
          rank: p.rank,
          fullTimeInspector: bool(p.full_time_inspector),
          employments: jobs.get(p.id)!.map((e) => ({
            post: e.post,
            leadership: bool(e.leadership),
            startedOn: e.started_on,
            endedOn: e.ended_on,
            unit: { id: e.unit_id, name: e.unit_name, kind: e.unit_kind },
          })),
        },
      })),
      pageInfo: { hasNextPage, endCursor },
    },
  };
}

async function w2(a: Account, vars: { region: string }) {
  const { page, hasNextPage, endCursor } = await personsPage(a, vars.region, 100, false);
  const ids = page.map((p) => p.id);
  // Relations (both directions) with both persons' names, in one statement, as the service orders them.
  const [jobs, rels] = await Promise.all([
    employmentsOf(ids),
    ids.length
      ? q(
          `SELECT r.person_id, r.related_person_id, r.kind, a.name AS a_name, b.name AS b_name
             FROM relations r JOIN persons a ON a.id = r.person_id JOIN persons b ON b.id = r.related_person_id
            WHERE r.person_id IN (${marks(ids.length)}) OR r.related_person_id IN (${marks(ids.length)}) ORDER BY r.id`,
          [...ids, ...ids],
        )
      : [],
  ]);
  const relations = new Map<string, { kind: string; relatedPerson: { id: string; name: string } }[]>(ids.map((id) => [id, []]));
  for (const r of rels) {
    relations.get(r.person_id)?.push({ kind: r.kind, relatedPerson: { id: r.related_person_id, name: r.b_name } });
    relations.get(r.related_person_id)?.push({ kind: inverseKind(r.kind as RelationKindName), relatedPerson: { id: r.person_id, name: r.a_name } });
  }
  const mayReadPrivate = rolesGrant(a.roles, 'person:readPrivate');
  return {
    persons: {
      edges: page.map((p) => {
        if (!(a.personId === p.id || (mayReadPrivate && covers(a, p.region_path)))) throw new HttpError(403, 'private');
        return {
          node: {
            id: p.id,
            name: p.name,
            rank: p.rank,
            region: { id: p.region_id, name: p.region_name },
            employments: jobs.get(p.id)!.map((e) => ({ post: e.post, startedOn: e.started_on, endedOn: e.ended_on, unit: { id: e.unit_id, name: e.unit_name } })),
            relations: relations.get(p.id)!,
          },
        };
      }),
      pageInfo: { hasNextPage, endCursor },
    },
  };
}

// ---------------------------------------------------------------- the round

/** The loader of the avoidance neighbourhood reads through this (raw SQL on the pool). */
const rawQueries = { query: (sql: string, params?: unknown[]) => q(sql, params ?? []) } as unknown as EntityManager;

async function roundQuery(a: Account, vars: { id: string }) {
  const [round] = await q(
    `SELECT r.id, r.name, r.status, r.kind, r.region_id, r.starts_on, r.ends_on, r.rules, g.path AS region_path
       FROM rounds r JOIN regions g ON g.id = r.region_id WHERE r.id = ?`,
    [vars.id],
  );
  if (!round || !rolesGrant(a.roles, 'round:read') || !covers(a, round.region_path)) throw new HttpError(404, 'no such round');
  const [teams, targets, memberships, authorizations, readiness, specialties] = await Promise.all([
    q('SELECT id, name FROM teams WHERE round_id = ? ORDER BY id', [round.id]),
    q('SELECT t.team_id, u.id, u.name, u.kind, u.region_id, u.parent_id, u.system FROM team_targets t JOIN units u ON u.id = t.unit_id WHERE t.round_id = ? ORDER BY t.id', [round.id]),
    q(
      `SELECT m.id, m.team_id, m.person_id, m.role, m.joined_on, p.name, p.rank, p.gender, p.hometown_region_id, p.full_time_inspector
         FROM team_memberships m JOIN persons p ON p.id = m.person_id WHERE m.round_id = ? AND m.left_on IS NULL ORDER BY m.joined_on, m.id`,
      [round.id],
    ),
    q('SELECT id, team_id, person_id, status FROM authorizations WHERE round_id = ?', [round.id]),
    q('SELECT person_id, kind FROM readiness_records WHERE round_id = ?', [round.id]),
    q('SELECT code, name, name_en FROM specialties'),
  ]);
  const personIds = [...new Set(memberships.map((m) => String(m.person_id)))];
  const unitIds = [...new Set(targets.map((t) => String(t.id)))];
  const targetsOf = (teamId: string) => targets.filter((t) => t.team_id === teamId);
  const unitsOf = new Map<string, Set<string>>();
  const roles = new Map<string, TeamRole>();
  for (const m of memberships) {
    roles.set(m.person_id, m.role);
    unitsOf.set(m.person_id, new Set([...(unitsOf.get(m.person_id) ?? []), ...targetsOf(m.team_id).map((t) => String(t.id))]));
  }
  const idList = personIds.length ? personIds : [''];
  const [entries, bookings, leave, avoidance] = await Promise.all([
    q(
      `SELECT e.id, e.person_id, e.pool, e.status, g.path, s.specialty_code
         FROM pool_entries e JOIN regions g ON g.id = e.region_id LEFT JOIN pool_entry_specialties s ON s.entry_id = e.id
        WHERE e.person_id IN (${marks(idList.length)})`,
      idList,
    ),
    q(
      `SELECT m.person_id, m.team_id, t.name AS team_name, m.round_id, r.name AS round_name, r.status AS round_status, r.starts_on, r.ends_on, m.joined_on, m.left_on
         FROM team_memberships m JOIN teams t ON t.id = m.team_id JOIN rounds r ON r.id = m.round_id WHERE m.person_id IN (${marks(idList.length)})`,
      idList,
    ),
    q(
      `SELECT person_id FROM leave_requests WHERE person_id IN (${marks(idList.length)}) AND status IN ('APPROVED', 'RETURNED') AND start_date <= ? AND end_date >= ?`,
      [...idList, round.ends_on, round.starts_on],
    ),
    avoidanceOf(round, personIds, unitIds, memberships, targets, roles, unitsOf),
  ]);
  // The benchmark's world has no leave; counting leave days would take the calendar as well.
  if (leave.length > 0) throw new Error('the bare server does not count leave days');

  const roundFact: RoundFact = {
    id: round.id,
    status: round.status,
    startsOn: round.starts_on,
    endsOn: round.ends_on,
    regionPath: round.region_path,
    workingDays: null,
    rules: resolveTeamRules(JSON.parse(round.rules) as Partial<TeamRules>),
    specialtyNames: Object.fromEntries(specialties.map((x) => [x.code, { zh: x.name, en: x.name_en }])),
  };
  const poolEntries = new Map<string, { pool: any; status: any; regionPath: string; specialties: string[] }>();
  for (const r of entries) {
    let e = poolEntries.get(r.id);
    if (!e) poolEntries.set(r.id, (e = { pool: r.pool, status: r.status, regionPath: r.path, specialties: [] }));
    if (r.specialty_code) e.specialties.push(r.specialty_code);
  }
  const entriesOf = new Map<string, (typeof poolEntries extends Map<string, infer V> ? V : never)[]>();
  for (const r of entries) {
    const list = entriesOf.get(r.person_id) ?? [];
    const e = poolEntries.get(r.id)!;
    if (!list.includes(e)) list.push(e);
    entriesOf.set(r.person_id, list);
  }
  const memberFact = (m: RowDataPacket): MemberFact => {
    const own = bookings.filter((b) => b.person_id === m.person_id);
    return {
      personId: m.person_id,
      name: m.name,
      role: m.role,
      rank: m.rank,
      fullTimeInspector: bool(m.full_time_inspector),
      poolEntries: entriesOf.get(m.person_id) ?? [],
      servedBefore: own.some((b) => b.round_id !== round.id && b.starts_on < round.starts_on && (b.left_on === null || b.left_on > b.joined_on) && b.round_status !== 'CANCELLED'),
      readiness: readiness.filter((r) => r.person_id === m.person_id).map((r) => r.kind as ReadinessKind),
      leaveDays: 0,
      otherBookings: own
        .filter((b) => b.left_on === null)
        .map((b) => ({ teamId: b.team_id, teamName: b.team_name, roundId: b.round_id, roundName: b.round_name, startsOn: b.starts_on, endsOn: b.ends_on })),
    };
  };
  const names = new Map<string, string>(memberships.map((m) => [m.person_id, m.name]));
  const unitNames = new Map<string, string>(targets.map((t) => [t.id, t.name]));
  return {
    round: {
      id: round.id,
      name: round.name,
      status: round.status,
      startsOn: round.starts_on,
      endsOn: round.ends_on,
      teams: teams.map((team) => {
        const members = memberships.filter((m) => m.team_id === team.id);
        const teamTargets = targetsOf(team.id);
        const targetSet = new Set(teamTargets.map((t) => String(t.id)));
        const memberIds = new Set(members.map((m) => String(m.person_id)));
        const violations = evaluateTeam({
          id: team.id,
          round: roundFact,
          targetUnitIds: teamTargets.map((t) => t.id),
          members: members.map(memberFact),
          authorizations: authorizations.filter((x) => x.team_id === team.id).map((x) => ({ id: x.id, roundId: round.id, teamId: x.team_id, personId: x.person_id, status: x.status })),
          avoidance: avoidance.filter((f) => targetSet.has(f.unitId) && memberIds.has(f.personId)),
        });
        return {
          id: team.id,
          name: team.name,
          targets: teamTargets.map((t) => ({ id: t.id, name: t.name })),
          members: members.map((m) => ({ id: m.id, role: m.role, joinedOn: m.joined_on, person: { id: m.person_id, name: m.name, rank: m.rank } })),
          violations: violations.map((v) => ({
            rule: v.rule,
            severity: v.severity,
            message: v.message.zh,
            person: v.personId ? { id: v.personId, name: names.get(v.personId)! } : null,
            unit: v.unitId ? { id: v.unitId, name: unitNames.get(v.unitId)! } : null,
          })),
        };
      }),
    },
  };
}

/** Every avoidance finding of the members against their own team's targets (the same loader and rules as the service). */
async function avoidanceOf(
  round: RowDataPacket,
  personIds: string[],
  unitIds: string[],
  memberships: RowDataPacket[],
  targets: RowDataPacket[],
  roles: Map<string, TeamRole>,
  unitsOf: Map<string, Set<string>>,
): Promise<AvoidanceFact[]> {
  if (personIds.length === 0 || unitIds.length === 0) return [];
  const seen = new Set<string>();
  const persons = memberships
    .filter((m) => !seen.has(m.person_id) && seen.add(m.person_id))
    .map((m) => ({ id: m.person_id, name: m.name, gender: m.gender, hometownRegionId: m.hometown_region_id }));
  const units = [...new Map(targets.map((t) => [t.id, { id: t.id, name: t.name, kind: t.kind, regionId: t.region_id, parentId: t.parent_id, system: t.system }])).values()];
  const graph = await loadAvoidanceGraph(
    rawQueries,
    { id: round.id, regionId: round.region_id, kind: round.kind, startsOn: round.starts_on },
    personIds,
    unitIds,
    { regionPath: round.region_path, persons, units },
  );
  const found = assess(graph, { personIds, unitIds, roles, unitsOf });
  await loadPersons(rawQueries, found.flatMap((f) => namedIds(f).persons), graph.persons);
  return describe(found, graph);
}

// ---------------------------------------------------------------- HTTP

const handlers: Record<WorkloadName, (a: Account, vars: any) => Promise<unknown>> = { W1: w1, W2: w2, R: roundQuery };
const byQuery = new Map(Object.entries(QUERIES).map(([name, text]) => [text, handlers[name as WorkloadName]]));

async function handle(req: http.IncomingMessage, body: string): Promise<string> {
  const { query, variables } = JSON.parse(body) as { query: string; variables?: Record<string, unknown> };
  const handler = byQuery.get(query);
  if (!handler) throw new HttpError(400, 'unknown query');
  const account = await authenticate(req);
  return `${JSON.stringify({ data: await handler(account, variables ?? {}) })}\n`;
}

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/metrics') {
    res.writeHead(200, { 'content-type': 'text/plain' }).end(`db_statements_total ${statements}\n`);
    return;
  }
  if (req.method !== 'POST' || req.url !== '/graphql') {
    res.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    handle(req, Buffer.concat(chunks).toString('utf8')).then(
      (out) => res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(out),
      (e) => {
        const status = e instanceof HttpError ? e.status : 500;
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify({ errors: [{ message: String(e?.message ?? e) }] }));
      },
    );
  });
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`listening on ${typeof address === 'object' && address ? address.port : ''}\n`);
});
process.on('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});

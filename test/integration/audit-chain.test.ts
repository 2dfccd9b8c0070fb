import ExcelJS from 'exceljs';
import { AuditEntry, AuditKind } from '../../src/audit/audit.entity';
import { appendAuditGrouped } from '../../src/audit/audit.service';
import { linkHash } from '../../src/audit/rules/chain';
import { call, createTestAccount, signIn } from '../support/accounts';
import { addRelation, basicRegions, createPerson, createUnit } from '../support/fixtures';
import { codeOf, ok } from '../support/graphql-client';
import { mutate, unique } from '../support/operations';
import { createRound } from '../support/rounds';
import { startTestServer, TestServer } from '../support/server';

/** The audit log as evidence: a hash chain whose breaks verifyAuditLog finds, records of private reads, filters and export. */
let t: TestServer;
let r: Awaited<ReturnType<typeof basicRegions>>;
let people: string[];
let unitId: string;
let officeToken: string;
beforeAll(async () => {
  t = await startTestServer();
  r = await basicRegions(t);
  people = [await createPerson(t, r.countyA, '甲', { birthDate: '1980-01-01' }), await createPerson(t, r.countyA, '乙'), await createPerson(t, r.countyA, '丙')];
  await addRelation(t, people[0], people[1], 'SPOUSE');
  unitId = await createUnit(t, r.countyA, '东安县审计局');
  officeToken = (await signIn(t, await createTestAccount(t, { roles: ['INSPECTION_OFFICE'], regionIds: [r.countyA] }))).token;
});
afterAll(() => t.close());

const ds = () => t.server.db.dataSource;
const verify = async () => ok(await t.gql('{ verifyAuditLog { intact checkedRecords firstBrokenRecordId } }', {}, { token: t.adminToken })).verifyAuditLog;
const rowsOf = async () => Number((await ds().query('SELECT COUNT(*) AS n FROM audit_log'))[0].n);
const AUDIT = 'query($f: AuditFilter) { auditLog(first: 100, filter: $f) { totalCount edges { node { id seq kind operation personIds account { id } at hash } } } }';
const records = async (f: Record<string, unknown>) => ok(await t.gql(AUDIT, { f }, { token: t.adminToken })).auditLog;
/** The record with this sequence number (raw, as stored). */
const bySeq = async (seq: number) => (await ds().query('SELECT id, target_ids, at FROM audit_log WHERE seq = ?', [seq]))[0] as { id: string; target_ids: string; at: unknown };

describe('the hash chain', () => {
  test('intact: every record checked', async () => {
    expect(await verify()).toEqual({ intact: true, checkedRecords: await rowsOf(), firstBrokenRecordId: null });
  });

  test('appends from many requests at once stay one chain', async () => {
    await Promise.all(Array.from({ length: 12 }, (_, i) => mutate(t, 'createPerson', { regionId: r.countyA, name: `并发${i}` }, { token: t.adminToken })));
    const v = await verify();
    expect(v).toEqual({ intact: true, checkedRecords: await rowsOf(), firstBrokenRecordId: null });
    const seqs = (await ds().query('SELECT seq FROM audit_log ORDER BY seq')).map((x: { seq: number }) => Number(x.seq));
    expect(seqs).toEqual(seqs.map((_: number, i: number) => i + 1));
  });

  test('a row changed with raw SQL is the first broken link; put back, the chain holds again', async () => {
    const victim = await bySeq(5);
    await ds().query('UPDATE audit_log SET target_ids = ? WHERE id = ?', ['someone-else', victim.id]);
    try {
      expect(await verify()).toEqual({ intact: false, checkedRecords: 5, firstBrokenRecordId: victim.id });
    } finally {
      await ds().query('UPDATE audit_log SET target_ids = ? WHERE id = ?', [victim.target_ids, victim.id]);
    }
    expect((await verify()).intact).toBe(true);
  });

  test('a changed row whose hash the tamperer recomputes still breaks the chain: at the next record', async () => {
    const [victim, next] = [await bySeq(6), await bySeq(7)];
    const entry = (await ds().manager.findOneByOrFail(AuditEntry, { id: victim.id })) as AuditEntry;
    const forgedHash = linkHash(entry.prevHash!, { ...entry, targetIds: 'someone-else' });
    await ds().query('UPDATE audit_log SET target_ids = ?, hash = ? WHERE id = ?', ['someone-else', forgedHash, victim.id]);
    try {
      expect(await verify()).toEqual({ intact: false, checkedRecords: 7, firstBrokenRecordId: next.id });
    } finally {
      await ds().query('UPDATE audit_log SET target_ids = ?, hash = ? WHERE id = ?', [entry.targetIds, entry.hash, victim.id]);
    }
    expect((await verify()).intact).toBe(true);
  });

  test('a deleted record breaks the link at the one after it; a record outside the chain is found too', async () => {
    const [victim, next] = [await bySeq(8), await bySeq(9)];
    const row = (await ds().query('SELECT * FROM audit_log WHERE id = ?', [victim.id]))[0];
    const subjects = await ds().query('SELECT * FROM audit_subjects WHERE record_id = ?', [victim.id]);
    await ds().query('DELETE FROM audit_subjects WHERE record_id = ?', [victim.id]);
    await ds().query('DELETE FROM audit_log WHERE id = ?', [victim.id]);
    try {
      expect(await verify()).toEqual({ intact: false, checkedRecords: 8, firstBrokenRecordId: next.id });
    } finally {
      const columns = Object.keys(row);
      await ds().query(`INSERT INTO audit_log (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`, columns.map((c) => row[c]));
      for (const s of subjects) await ds().query('INSERT INTO audit_subjects (record_id, subject_id) VALUES (?, ?)', [s.record_id, s.subject_id]);
    }
    expect((await verify()).intact).toBe(true);

    const forged = '01900000-0000-7000-8000-00000000f0f0';
    await ds().query("INSERT INTO audit_log (id, operation, target_ids, at, kind, person_ids) VALUES (?, 'createPerson', '', ?, 'MUTATION', '')", [forged, victim.at]);
    try {
      expect(await verify()).toMatchObject({ intact: false, firstBrokenRecordId: forged });
    } finally {
      await ds().query('DELETE FROM audit_log WHERE id = ?', [forged]);
    }
  });

  test('the newest records deleted: not intact, though no record is broken', async () => {
    const seq = Number((await ds().query('SELECT MAX(seq) AS s FROM audit_log'))[0].s);
    const last = (await ds().query('SELECT * FROM audit_log WHERE seq = ?', [seq]))[0];
    const subjects = await ds().query('SELECT * FROM audit_subjects WHERE record_id = ?', [last.id]);
    await ds().query('DELETE FROM audit_subjects WHERE record_id = ?', [last.id]);
    await ds().query('DELETE FROM audit_log WHERE id = ?', [last.id]);
    try {
      expect(await verify()).toEqual({ intact: false, checkedRecords: seq - 1, firstBrokenRecordId: null });
    } finally {
      const columns = Object.keys(last);
      await ds().query(`INSERT INTO audit_log (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`, columns.map((c) => last[c]));
      for (const s of subjects) await ds().query('INSERT INTO audit_subjects (record_id, subject_id) VALUES (?, ?)', [s.record_id, s.subject_id]);
    }
    expect((await verify()).intact).toBe(true);
  });

  test('only audit readers verify', async () => {
    expect(codeOf(await t.gql('{ verifyAuditLog { intact } }', {}, { token: officeToken }))).toBe('FORBIDDEN');
  });
});

describe('reads of private facts', () => {
  const latestRead = async () => (await records({ kind: 'PRIVATE_READ' })).edges[0]?.node;

  test('one record per request lists the persons whose birth dates, relations or interest ties were read', async () => {
    const before = (await records({ kind: 'PRIVATE_READ' })).totalCount;
    const q = `query($r: ID!) { persons(filter: { regionId: $r }, first: 50) { edges { node { id birthDate relations { kind } interestTies { description } } } } }`;
    const seen = ok(await t.gql(q, { r: r.countyA }, { token: officeToken })).persons.edges.map((e: { node: { id: string } }) => e.node.id);
    const after = await records({ kind: 'PRIVATE_READ' });
    expect(after.totalCount).toBe(before + 1);
    expect(after.edges[0].node).toMatchObject({ operation: 'persons', personIds: [...seen].sort() });
  });

  test('a request reading no private fact leaves no record', async () => {
    const before = (await records({ kind: 'PRIVATE_READ' })).totalCount;
    ok(await t.gql('query($r: ID!) { persons(filter: { regionId: $r }, first: 50) { totalCount edges { node { name } } } }', { r: r.countyA }, { token: officeToken }));
    expect((await records({ kind: 'PRIVATE_READ' })).totalCount).toBe(before);
  });

  test('avoidance checks and matrices are recorded with the persons judged', async () => {
    const roundId = await createRound(t, r.countyA);
    const check = `query($p: ID!, $u: ID!, $r: ID!) { avoidanceCheck(personId: $p, unitId: $u, roundId: $r) { rule } }`;
    ok(await t.gql(check, { p: people[0], u: unitId, r: roundId }, { token: officeToken }));
    expect(await latestRead()).toMatchObject({ operation: 'avoidanceCheck', personIds: [people[0]] });
    const matrix = `query($r: ID!, $ps: [ID!]!, $us: [ID!]!) { avoidanceMatrix(roundId: $r, personIds: $ps, unitIds: $us) { rule } }`;
    ok(await t.gql(matrix, { r: roundId, ps: [people[2], people[1]], us: [unitId] }, { token: officeToken }));
    expect(await latestRead()).toMatchObject({ operation: 'avoidanceMatrix', personIds: [people[2], people[1]].sort() });
  });

  test('the "person" filter finds who read a person’s private facts', async () => {
    const q = `query($id: ID!) { person(id: $id) { relations { kind } } }`;
    ok(await t.gql(q, { id: people[1] }, { token: officeToken }));
    const found = await records({ personId: people[1], kind: 'PRIVATE_READ' });
    expect(found.edges[0].node).toMatchObject({ operation: 'person', personIds: [people[1]] });
    expect(found.edges.every((e: { node: { personIds: string[] } }) => e.node.personIds.includes(people[1]))).toBe(true);
  });

  test('records of requests that finish together are appended together: one transaction for those that waited', async () => {
    const before = await rowsOf();
    const record = (i: number) => ({
      kind: AuditKind.PRIVATE_READ,
      operation: 'persons',
      accountId: null,
      username: null,
      clientAddress: null,
      reason: null,
      details: null,
      targetIds: [],
      personIds: [people[i % people.length]],
      requestId: `grouped-${i}`,
      at: t.clock.now(),
    });
    t.server.db.counter.reset(true);
    // The first starts a transaction at once; the four asked for meanwhile wait and share the next.
    await Promise.all([0, 1, 2, 3, 4].map((i) => appendAuditGrouped(t.server.db, record(i))));
    const heads = (t.server.db.counter.recorded ?? []).filter((q) => /^UPDATE\s+\S*audit_chain/i.test(q));
    expect(heads).toHaveLength(2);
    expect(await rowsOf()).toBe(before + 5);
    const stored = await ds().query("SELECT request_id FROM audit_log WHERE request_id LIKE 'grouped-%' ORDER BY seq");
    expect(stored.map((x: { request_id: string }) => x.request_id)).toEqual([0, 1, 2, 3, 4].map((i) => `grouped-${i}`));
    expect((await verify()).intact).toBe(true);
  });

  test('a record naming more ids than a column holds is written as several, each with its share, on both databases', async () => {
    const before = await rowsOf();
    // 2,500 ids (an avoidance matrix of 2,500 persons) take 92 KB joined: more than MySQL's TEXT.
    const ids = Array.from({ length: 2500 }, (_, i) => `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`);
    await appendAuditGrouped(t.server.db, {
      kind: AuditKind.PRIVATE_READ,
      operation: 'avoidanceMatrix',
      accountId: null,
      username: null,
      clientAddress: null,
      reason: null,
      details: null,
      targetIds: [],
      personIds: ids,
      requestId: 'many-ids',
      at: t.clock.now(),
    });
    const stored: { person_ids: string }[] = await ds().query("SELECT person_ids FROM audit_log WHERE request_id = 'many-ids' ORDER BY seq");
    expect(stored.map((r) => r.person_ids.split(' ').length)).toEqual([1000, 1000, 500]);
    expect(stored.flatMap((r) => r.person_ids.split(' '))).toEqual([...ids].sort());
    expect(await rowsOf()).toBe(before + 3);
    const subjects = await ds().query("SELECT COUNT(*) AS n FROM audit_subjects s JOIN audit_log a ON a.id = s.record_id WHERE a.request_id = 'many-ids'");
    expect(Number(subjects[0].n)).toBe(2500);
    expect((await verify()).intact).toBe(true);
  });

  test('when the record cannot be written, the facts are not delivered', async () => {
    await ds().query('ALTER TABLE audit_log RENAME TO audit_log_away');
    let res;
    try {
      res = await t.gql(`query($id: ID!) { person(id: $id) { name birthDate } }`, { id: people[0] }, { token: officeToken });
    } finally {
      await ds().query('ALTER TABLE audit_log_away RENAME TO audit_log');
    }
    expect(res.data ?? null).toBeNull();
    expect(codeOf(res)).toBe('INTERNAL_SERVER_ERROR');
  });
});

describe('filters and export', () => {
  test('by account, kind and period', async () => {
    const a = await createTestAccount(t, { roles: ['INSPECTION_OFFICE'], regionIds: [r.countyA] });
    const t0 = new Date(t.clock.now().getTime() + 60_000);
    t.clock.set(t0);
    await signIn(t, a);
    t.clock.set(new Date(t0.getTime() + 60_000));
    await signIn(t, a);
    const signIns = await records({ accountId: a.id, kind: 'SIGN_IN' });
    expect(signIns.totalCount).toBe(2);
    expect((await records({ accountId: a.id, kind: 'SIGN_IN', from: t0.toISOString(), to: new Date(t0.getTime() + 1).toISOString() })).totalCount).toBe(1);
    expect((await records({ accountId: a.id, kind: 'SIGN_IN', from: new Date(t0.getTime() + 1).toISOString() })).totalCount).toBe(1);
    const res = await t.gql(AUDIT, { f: { from: new Date(t0.getTime() + 1).toISOString(), to: t0.toISOString() } }, { token: t.adminToken });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  });

  test('the export: a spreadsheet of the filtered records with their hashes; the export itself is recorded', async () => {
    const res = await fetch(`${t.url}/exports/audit-log.xlsx?kind=SIGN_IN`, { headers: { authorization: `Bearer ${t.adminToken}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const rows: unknown[][] = [];
    wb.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const signIns = await records({ kind: 'SIGN_IN' });
    expect(rows).toHaveLength(signIns.totalCount + 1);
    expect(rows.slice(1).every((row) => row[2] === 'SIGN_IN')).toBe(true);
    const hashes = new Set(signIns.edges.map((e: { node: { hash: string } }) => e.node.hash));
    expect(rows.slice(1).every((row) => hashes.has(row[12]))).toBe(true);
    expect((await records({ kind: 'AUDIT_EXPORTED' })).totalCount).toBe(1);
  });

  test('the export refuses bad filters, no token and other roles', async () => {
    const get = (query: string, token?: string) => fetch(`${t.url}/exports/audit-log.xlsx${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    expect((await get('')).status).toBe(401);
    expect((await get('', officeToken)).status).toBe(403);
    const bad = await get('?kind=NOPE', t.adminToken);
    expect([bad.status, await bad.json()]).toEqual([400, expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'kind' })]);
    expect((await get('?from=yesterday', t.adminToken)).status).toBe(400);
  });

  test('role and region changes and resets are recorded with before and after', async () => {
    const a = await createTestAccount(t, { roles: ['INSPECTION_OFFICE'], regionIds: [r.countyA] });
    ok(await call(t, 'updateAccount', { accountId: a.id, roles: ['ORG_DEPARTMENT'], regionIds: [r.countyB] }, 'account { id }', { token: t.adminToken }));
    ok(await call(t, 'resetPassword', { accountId: a.id, temporaryPassword: `Reset-${unique('p')}` }, 'account { id }', { token: t.adminToken }));
    const about = await t.gql('query($f: AuditFilter) { auditLog(first: 20, filter: $f) { edges { node { kind details } } } }', { f: { personId: a.id } }, { token: t.adminToken });
    const byKind = Object.fromEntries(ok(about).auditLog.edges.map((e: { node: { kind: string; details: string | null } }) => [e.node.kind, e.node.details && JSON.parse(e.node.details)]));
    expect(byKind.ROLES_CHANGED).toEqual({ before: ['INSPECTION_OFFICE'], after: ['ORG_DEPARTMENT'] });
    expect(byKind.REGIONS_CHANGED).toEqual({ before: [r.countyA], after: [r.countyB] });
    expect(Object.keys(byKind)).toEqual(expect.arrayContaining(['PASSWORD_RESET', 'ACCOUNT_CREATED', 'MUTATION']));
    expect(JSON.stringify(byKind)).not.toMatch(/Reset-/);
  });
});

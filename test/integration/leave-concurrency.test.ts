/**
 * Two approvers deciding the same step at the same moment: exactly one decision is recorded and
 * the other gets CONFLICT. On MySQL/MariaDB the two decisions go through two service processes
 * on one database, as two replicas would; on SQLite (one process owns the file) through one.
 */
import { freshDatabase, FreshDatabase, TARGET } from '../support/db';
import { codeOf, ok, postGraphql } from '../support/graphql-client';
import { startServiceProcess, ServiceProcess } from '../support/process';
import { ADMIN, startTestServer, TestServer } from '../support/server';
import { DECIDE, GET, REQUEST, leaveInput } from '../support/leave-fixtures';

let urls: [string, string];
let cleanup: () => Promise<void>;

beforeAll(async () => {
  if (TARGET === 'mysql') {
    const db: FreshDatabase = await freshDatabase();
    const procs: ServiceProcess[] = [];
    cleanup = async () => {
      await Promise.all(procs.map((p) => p.stop()));
      await db.drop();
    };
    // One after the other: the first creates the ADMIN account on the empty database.
    procs.push(await startServiceProcess({ DATABASE_URL: db.url }));
    procs.push(await startServiceProcess({ DATABASE_URL: db.url }));
    urls = [procs[0].url, procs[1].url];
  } else {
    const t: TestServer = await startTestServer();
    urls = [t.url, t.url];
    cleanup = () => t.close();
  }
});
afterAll(() => cleanup());

async function login(url: string, username: string, password: string): Promise<string> {
  return ok(await postGraphql(url, 'mutation($i: LoginInput!) { login(input: $i) { token } }', { i: { username, password } })).login.token;
}

test('two directors deciding one step at once: one decision, one CONFLICT', async () => {
  const [a, b] = urls;
  const admin = await login(a, ADMIN.username, ADMIN.password);
  const asAdmin = async (q: string, v: Record<string, unknown>) => ok(await postGraphql(a, q, v, { token: admin }));
  const suffix = Date.now().toString(36);
  const region = (await asAdmin('mutation($i: CreateRegionInput!) { createRegion(input: $i) { region { id } } }', { i: { code: `CC-${suffix}`, name: '并发县', level: 'COUNTY' } }))
    .createRegion.region.id;
  const account = async (username: string, roles: string[]) => {
    await asAdmin('mutation($i: CreateAccountInput!) { createAccount(input: $i) { account { id } } }', {
      i: { username, password: 'password-123', roles, regionIds: [region] },
    });
    return username;
  };
  const names = [await account(`d1_${suffix}`, ['OFFICE_DIRECTOR']), await account(`d2_${suffix}`, ['OFFICE_DIRECTOR'])];
  const office = await login(a, await account(`o_${suffix}`, ['INSPECTION_OFFICE']), 'password-123');
  // Each director signs in on a different replica.
  const d1 = await login(a, names[0], 'password-123');
  const d2 = await login(b, names[1], 'password-123');

  const dates = ['2025-11-03', '2025-11-04', '2025-11-05', '2025-11-06', '2025-11-07', '2025-11-10', '2025-11-11', '2025-11-12'];
  for (const [i, date] of dates.entries()) {
    const person = (await asAdmin('mutation($i: CreatePersonInput!) { createPerson(input: $i) { person { id } } }', { i: { regionId: region, name: `并发${i}` } }))
      .createPerson.person.id;
    const leave = ok(await postGraphql(a, REQUEST, { i: leaveInput(region, person, { startDate: date, endHalf: 'AM' }) }, { token: office })).requestLeave.leave;
    const approve = i % 2 === 0;
    const [r1, r2] = await Promise.all([
      postGraphql(a, DECIDE, { i: { leaveId: leave.id, approve, comment: 'd1' } }, { token: d1 }),
      postGraphql(b, DECIDE, { i: { leaveId: leave.id, approve, comment: 'd2' } }, { token: d2 }),
    ]);
    const codes = [codeOf(r1), codeOf(r2)];
    expect(codes.filter((c) => c === undefined)).toHaveLength(1);
    expect(codes.filter((c) => c === 'CONFLICT')).toHaveLength(1);
    const winner = codes[0] === undefined ? 0 : 1;

    const stored = ok(await postGraphql(b, GET, { id: leave.id }, { token: office })).leaveRequest;
    expect(stored.status).toBe(approve ? 'APPROVED' : 'REJECTED');
    expect(stored.approvalSteps).toHaveLength(1);
    expect(stored.approvalSteps[0]).toMatchObject({
      status: approve ? 'APPROVED' : 'REJECTED',
      comment: winner === 0 ? 'd1' : 'd2',
      decidedBy: { username: names[winner] },
    });
  }
});

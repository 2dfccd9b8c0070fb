/** The team rules through the API: what an assignment refuses, and what team.violations shows. */
import { startTestServer, TestServer } from '../support/server';
import { basicRegions, createPerson, createUnit } from '../support/fixtures';
import { codeOf } from '../support/graphql-client';
import { assign, createRound, createTeam, enroll, fullTeam, member, poolPerson, rulesOf } from '../support/rounds';

let t: TestServer;
let r: Awaited<ReturnType<typeof basicRegions>>;
let units: string[];
let ordinal = 0;
beforeAll(async () => {
  t = await startTestServer();
  r = await basicRegions(t);
  units = [];
  for (let i = 0; i < 40; i++) units.push(await createUnit(t, r.countyA, `东安县单位${i}`));
});
afterAll(() => t.close());

let unitSeq = 0;
const nextUnits = (n: number) => units.slice(unitSeq, (unitSeq += n));
/** A fresh round in county A (each its own period, so that people are not double-booked across tests). */
async function round(rules: Record<string, unknown> = {}, period = { startsOn: `2030-0${(ordinal % 9) + 1}-01`, endsOn: `2030-0${(ordinal % 9) + 1}-20` }) {
  ordinal += 1;
  return createRound(t, r.countyA, { year: 2030 + Math.floor(ordinal / 9), ordinal, ...period, rules });
}

const TEAM = `query($id: ID!) { team(id: $id) { id members { id role person { id } } violations { rule severity message person { id } } } }`;
const violationsOf = async (teamId: string) => (await t.admin(TEAM, { id: teamId })).team.violations as { rule: string; severity: string; message: string; person: { id: string } | null }[];

test('a complete team shows only the missing authorization and the soft experience mix', async () => {
  const roundId = await round();
  const { teamId } = await fullTeam(t, r.countyA, roundId, '第一组', nextUnits(3));
  expect(rulesOf(await violationsOf(teamId))).toEqual(['EXPERIENCE_MIX:SOFT', 'LEADER_AUTHORIZATION:HARD', 'READINESS:SOFT', 'READINESS:SOFT', 'READINESS:SOFT', 'READINESS:SOFT']);
});

describe('POOL_MEMBERSHIP (hard at assignment)', () => {
  test('refuses someone outside the pools, pending, or in another county, writing nothing', async () => {
    const roundId = await round();
    const teamId = await createTeam(t, roundId, '一组', nextUnits(1));
    const nobody = await createPerson(t, r.countyA, '路人甲');
    const pending = await createPerson(t, r.countyA, '待审乙');
    await enroll(t, pending, r.countyA, 'SPECIALIST');
    const elsewhere = await poolPerson(t, r.countyB, '西平丙', 'SPECIALIST');
    for (const p of [nobody, pending, elsewhere]) {
      const res = await assign(t, teamId, p);
      expect(res.membership).toBeNull();
      expect(res.violations.map((v) => [v.rule, v.severity, v.person?.id])).toEqual([['POOL_MEMBERSHIP', 'HARD', p]]);
    }
    expect((await t.admin(TEAM, { id: teamId })).team.members).toEqual([]);
  });

  test('accepts a pool entry of the round region, of an ancestor (city cadre sent down) or of a descendant', async () => {
    const roundId = await round();
    const teamId = await createTeam(t, roundId, '一组', nextUnits(1));
    const county = await poolPerson(t, r.countyA, '县库', 'SPECIALIST');
    const city = await poolPerson(t, r.city, '市库', 'SPECIALIST');
    const town = await poolPerson(t, r.townA, '镇库', 'SPECIALIST');
    for (const p of [county, city, town]) expect((await assign(t, teamId, p)).membership).not.toBeNull();
  });

  test('requires the group-leader pool for a leader', async () => {
    const roundId = await round();
    const teamId = await createTeam(t, roundId, '一组', nextUnits(1));
    const deputyOnly = await poolPerson(t, r.countyA, '副组长库人员', 'DEPUTY_LEADER');
    const res = await assign(t, teamId, deputyOnly, 'LEADER');
    expect(rulesOf(res.violations)).toEqual(['POOL_MEMBERSHIP:HARD']);
    expect((await assign(t, teamId, deputyOnly, 'DEPUTY_LEADER')).membership).not.toBeNull();
  });
});

test('RANK_FLOOR (hard): a deputy below the round floor is refused, above it accepted', async () => {
  const roundId = await round({ rankFloor: 'SECTION' });
  const teamId = await createTeam(t, roundId, '一组', nextUnits(1));
  const low = await poolPerson(t, r.countyA, '副科', 'DEPUTY_LEADER', { rank: 'DEPUTY_SECTION' });
  const high = await poolPerson(t, r.countyA, '正科', 'DEPUTY_LEADER', { rank: 'SECTION' });
  const refused = await assign(t, teamId, low, 'DEPUTY_LEADER');
  expect(refused.membership).toBeNull();
  expect(rulesOf(refused.violations)).toEqual(['RANK_FLOOR:HARD']);
  expect(refused.violations[0].message).toContain('正科级');
  expect((await assign(t, teamId, high, 'DEPUTY_LEADER')).membership).not.toBeNull();
  // A member of any rank is fine.
  expect((await assign(t, teamId, low, 'MEMBER')).membership).not.toBeNull();
});

test('LEADER_COUNT (hard): no leader is shown, a second leader is refused', async () => {
  const roundId = await round();
  const teamId = await createTeam(t, roundId, '一组', nextUnits(1));
  expect(rulesOf(await violationsOf(teamId))).toContain('LEADER_COUNT:HARD');
  await member(t, teamId, await poolPerson(t, r.countyA, '组长一', 'GROUP_LEADER'), 'LEADER');
  expect(rulesOf(await violationsOf(teamId))).not.toContain('LEADER_COUNT:HARD');
  const second = await assign(t, teamId, await poolPerson(t, r.countyA, '组长二', 'GROUP_LEADER'), 'LEADER');
  expect(second.membership).toBeNull();
  expect(rulesOf(second.violations)).toEqual(['LEADER_COUNT:HARD']);
});

test('DEPUTY_COUNT (hard): too few is shown, a third deputy is refused', async () => {
  const roundId = await round();
  const teamId = await createTeam(t, roundId, '一组', nextUnits(1));
  expect(rulesOf(await violationsOf(teamId))).toContain('DEPUTY_COUNT:HARD');
  for (const n of ['副一', '副二']) await member(t, teamId, await poolPerson(t, r.countyA, n, 'DEPUTY_LEADER'), 'DEPUTY_LEADER');
  expect(rulesOf(await violationsOf(teamId))).not.toContain('DEPUTY_COUNT:HARD');
  const third = await assign(t, teamId, await poolPerson(t, r.countyA, '副三', 'DEPUTY_LEADER'), 'DEPUTY_LEADER');
  expect([third.membership, rulesOf(third.violations)]).toEqual([null, ['DEPUTY_COUNT:HARD']]);
});

test('TEAM_SIZE (hard): short of the minimum is shown but not refused; beyond the maximum is refused', async () => {
  const roundId = await round({ maxSize: 5 });
  const { teamId } = await fullTeam(t, r.countyA, roundId, '一组', nextUnits(1));
  expect(rulesOf(await violationsOf(teamId))).not.toContain('TEAM_SIZE:HARD');
  const fifth = await poolPerson(t, r.countyA, '第五人', 'SPECIALIST');
  expect((await assign(t, teamId, fifth)).membership).not.toBeNull();
  const sixth = await assign(t, teamId, await poolPerson(t, r.countyA, '第六人', 'SPECIALIST'));
  expect([sixth.membership, rulesOf(sixth.violations)]).toEqual([null, ['TEAM_SIZE:HARD']]);

  const small = await createTeam(t, roundId, '二组', nextUnits(1));
  await member(t, small, await poolPerson(t, r.countyA, '唯一组员', 'SPECIALIST'));
  const size = (await violationsOf(small)).find((v) => v.rule === 'TEAM_SIZE');
  expect(size).toMatchObject({ severity: 'HARD' });
  expect(size!.message).toContain('4至5人');
});

test('TARGET_COUNT (hard): up to three targets pass, four or none are shown', async () => {
  const roundId = await round();
  const three = await createTeam(t, roundId, '三个', nextUnits(3));
  const four = await createTeam(t, roundId, '四个', nextUnits(4));
  const none = await createTeam(t, roundId, '没有', []);
  expect(rulesOf(await violationsOf(three))).not.toContain('TARGET_COUNT:HARD');
  expect(rulesOf(await violationsOf(four))).toContain('TARGET_COUNT:HARD');
  expect(rulesOf(await violationsOf(none))).toContain('TARGET_COUNT:HARD');
});

describe('DOUBLE_BOOKED (hard)', () => {
  test('one team per round, no two teams of overlapping rounds, and not twice on one team', async () => {
    const a = await round({}, { startsOn: '2031-03-01', endsOn: '2031-04-30' });
    const overlapping = await round({}, { startsOn: '2031-04-30', endsOn: '2031-06-30' });
    const later = await round({}, { startsOn: '2031-05-01', endsOn: '2031-06-30' });
    const teamA1 = await createTeam(t, a, '一组', nextUnits(1));
    const teamA2 = await createTeam(t, a, '二组', nextUnits(1));
    const teamO = await createTeam(t, overlapping, '一组', nextUnits(1));
    const teamL = await createTeam(t, later, '一组', nextUnits(1));
    const p = await poolPerson(t, r.countyA, '忙人', 'SPECIALIST');
    await member(t, teamA1, p);
    for (const teamId of [teamA1, teamA2, teamO]) {
      const res = await assign(t, teamId, p);
      expect([res.membership, rulesOf(res.violations)]).toEqual([null, ['DOUBLE_BOOKED:HARD']]);
    }
    expect((await assign(t, teamL, p)).membership).not.toBeNull();
  });
});

test('FULL_TIME_CORE and REQUIRED_SPECIALTY (hard): shown until a full-time inspector and a finance or audit specialist join', async () => {
  const roundId = await round();
  const teamId = await createTeam(t, roundId, '一组', nextUnits(1));
  await member(t, teamId, await poolPerson(t, r.countyA, '兼职', 'SPECIALIST', { specialties: ['LAW'] }));
  expect(rulesOf(await violationsOf(teamId))).toEqual(expect.arrayContaining(['FULL_TIME_CORE:HARD', 'REQUIRED_SPECIALTY:HARD']));
  await member(t, teamId, await poolPerson(t, r.countyA, '专职', 'SPECIALIST', { fullTimeInspector: true }));
  await member(t, teamId, await poolPerson(t, r.countyA, '审计', 'SPECIALIST', { specialties: ['AUDIT'] }));
  const now = rulesOf(await violationsOf(teamId));
  expect(now).not.toContain('FULL_TIME_CORE:HARD');
  expect(now).not.toContain('REQUIRED_SPECIALTY:HARD');
});

test('EXPERIENCE_MIX (soft): reported with the assignment that leaves the team without a mix', async () => {
  const roundId = await round();
  const teamId = await createTeam(t, roundId, '一组', nextUnits(1));
  const res = await assign(t, teamId, await poolPerson(t, r.countyA, '新人', 'SPECIALIST'));
  expect(res.membership).not.toBeNull();
  expect(res.violations.map((v) => `${v.rule}:${v.severity}`)).toEqual(expect.arrayContaining(['EXPERIENCE_MIX:SOFT', 'READINESS:SOFT']));
  expect(res.violations.every((v) => v.severity === 'SOFT')).toBe(true);
});

test('messages follow Accept-Language', async () => {
  const roundId = await round();
  const teamId = await createTeam(t, roundId, '一组', nextUnits(1));
  const res = await t.gql(TEAM, { id: teamId }, { token: t.adminToken, lang: 'en' });
  expect(res.data.team.violations.find((v: any) => v.rule === 'LEADER_COUNT').message).toBe('The team has no leader');
  expect((await violationsOf(teamId)).find((v) => v.rule === 'LEADER_COUNT')!.message).toBe('巡察组尚无组长');
});

test('an unknown team or person is BAD_USER_INPUT naming the field', async () => {
  const roundId = await round();
  const teamId = await createTeam(t, roundId, '一组', nextUnits(1));
  const q = 'mutation($i: AssignTeamMemberInput!) { assignTeamMember(input: $i) { membership { id } } }';
  const noPerson = await t.gql(q, { i: { teamId, personId: 'nope', role: 'MEMBER' } }, { token: t.adminToken });
  expect([codeOf(noPerson), noPerson.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'personId']);
  const noTeam = await t.gql(q, { i: { teamId: 'nope', personId: 'x', role: 'MEMBER' } }, { token: t.adminToken });
  expect([codeOf(noTeam), noTeam.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'teamId']);
});

/**
 * What a clerk meets in daily work with rounds: the calendar the lifecycle respects, members
 * withdrawn before stationing, violations that name their team, and HOMETOWN_COUNTY only where
 * it informs (the same in the matrix, the check, team violations and composition candidates).
 */
import { startTestServer, TestServer } from '../support/server';
import { basicRegions, createPerson, createUnit } from '../support/fixtures';
import { codeOf } from '../support/graphql-client';
import { ADVANCE, assign, authorize, createRound, createTeam, member, poolPerson, ready } from '../support/rounds';

let t: TestServer;
let r: Awaited<ReturnType<typeof basicRegions>>;
let units: string[];
let unitSeq = 0;
const nextUnits = (n: number) => units.slice(unitSeq, (unitSeq += n));

beforeAll(async () => {
  t = await startTestServer();
  r = await basicRegions(t);
  units = [];
  for (let i = 0; i < 24; i++) units.push(await createUnit(t, r.countyA, `东安县工作单位${i}`));
});
afterAll(() => t.close());

const TEAM = `query($id: ID!) { team(id: $id) { name
  memberHistory { id joinedOn leftOn withdrawnBeforeStationing person { id } }
  violations { rule severity waived message team { id name } } } }`;

describe('the dates of the lifecycle', () => {
  test('a round starting 2027-03-15 is not stationed on 2026-11-25, nor reported before its end', async () => {
    t.clock.set('2026-11-25');
    const roundId = await createRound(t, r.countyA, { year: 2027, ordinal: 1, startsOn: '2027-03-15', endsOn: '2027-05-14' });
    const teamId = await createTeam(t, roundId, '第一组', nextUnits(1));
    const leader = await poolPerson(t, r.countyA, '日期组长', 'GROUP_LEADER', { fullTimeInspector: true });
    const deputy = await poolPerson(t, r.countyA, '日期副组长', 'DEPUTY_LEADER');
    const finance = await poolPerson(t, r.countyA, '日期财务', 'SPECIALIST', { specialties: ['FINANCE'] });
    const other = await poolPerson(t, r.countyA, '日期组员', 'SPECIALIST');
    await member(t, teamId, leader, 'LEADER');
    await member(t, teamId, deputy, 'DEPUTY_LEADER');
    await member(t, teamId, finance);
    await member(t, teamId, other);
    await authorize(t, teamId);
    const move = (to: string, lang?: string) => t.gql(ADVANCE, { i: { roundId, to } }, { token: t.adminToken, lang });
    expect((await move('AUTHORIZED')).data.advanceRound.round.status).toBe('AUTHORIZED');
    for (const p of [leader, deputy, finance, other]) await ready(t, p, roundId, '2026-11-20');

    const early = await move('STATIONED');
    expect(codeOf(early)).toBe('CONFLICT');
    expect(early.errors![0].message).toContain('2027-03-15');
    expect((await move('STATIONED', 'en')).errors![0].message).toContain('starts on 2027-03-15');

    t.clock.set('2027-03-15');
    expect((await move('STATIONED')).data.advanceRound.round.status).toBe('STATIONED');
    const notOver = await move('REPORTING');
    expect([codeOf(notOver), notOver.errors![0].message]).toEqual(['CONFLICT', expect.stringContaining('2027-05-14')]);
    // An early end moves the end date first.
    t.clock.set('2027-04-01');
    await t.admin('mutation($i: UpdateRoundInput!) { updateRound(input: $i) { round { endsOn } } }', { i: { roundId, endsOn: '2027-04-01' } });
    expect((await move('REPORTING')).data.advanceRound.round.status).toBe('REPORTING');
    expect((await move('CLOSED')).data.advanceRound.round.status).toBe('CLOSED');
  });

  test('a round recorded after the fact passes every step at once', async () => {
    t.clock.set('2026-11-25');
    const roundId = await createRound(t, r.countyA, { year: 2024, ordinal: 5, startsOn: '2024-03-01', endsOn: '2024-04-30' });
    const teamId = await createTeam(t, roundId, '补录组', nextUnits(1));
    const people = [
      [await poolPerson(t, r.countyA, '补录组长', 'GROUP_LEADER', { fullTimeInspector: true }), 'LEADER'],
      [await poolPerson(t, r.countyA, '补录副组长', 'DEPUTY_LEADER'), 'DEPUTY_LEADER'],
      [await poolPerson(t, r.countyA, '补录财务', 'SPECIALIST', { specialties: ['AUDIT'] }), 'MEMBER'],
      [await poolPerson(t, r.countyA, '补录组员', 'SPECIALIST'), 'MEMBER'],
    ];
    for (const [p, role] of people) await member(t, teamId, p, role);
    await authorize(t, teamId);
    for (const [p] of people) await ready(t, p, roundId, '2024-02-20');
    for (const to of ['AUTHORIZED', 'STATIONED', 'REPORTING', 'CLOSED']) {
      expect((await t.admin(ADVANCE, { i: { roundId, to } })).advanceRound.round.status).toBe(to);
    }
  });
});

describe('a member withdrawn before stationing', () => {
  test('never leaves before joining, shows as withdrawn, and counts as no round served', async () => {
    t.clock.set('2026-11-25');
    const roundId = await createRound(t, r.countyA, { year: 2027, ordinal: 2, startsOn: '2027-03-15', endsOn: '2027-04-30' });
    const teamId = await createTeam(t, roundId, '撤回组', nextUnits(1));
    const withdrawn = await poolPerson(t, r.countyA, '撤回者', 'SPECIALIST');
    const stayed = await poolPerson(t, r.countyA, '留任者', 'SPECIALIST');
    const membershipId = await member(t, teamId, withdrawn);
    await member(t, teamId, stayed);
    const REMOVE = 'mutation($i: RemoveTeamMemberInput!) { removeTeamMember(input: $i) { membership { joinedOn leftOn withdrawnBeforeStationing } } }';
    const removed = (await t.admin(REMOVE, { i: { membershipId, reason: '工作需要' } })).removeTeamMember.membership;
    expect(removed).toEqual({ joinedOn: '2026-11-25', leftOn: '2026-11-25', withdrawnBeforeStationing: true });
    const history = (await t.admin(TEAM, { id: teamId })).team.memberHistory;
    for (const m of history) expect(m.leftOn === null || m.leftOn >= m.joinedOn).toBe(true);
    expect(history.find((m: any) => m.person.id === stayed)).toMatchObject({ joinedOn: '2027-03-15', leftOn: null, withdrawnBeforeStationing: false });

    // In a later round the withdrawn member is new, the one who stayed has served (老新结合).
    const later = await createRound(t, r.countyA, { year: 2027, ordinal: 3, startsOn: '2027-06-01', endsOn: '2027-06-30' });
    const mixOf = async (personId: string, name: string) => {
      const team = await createTeam(t, later, name, nextUnits(1));
      await member(t, team, personId);
      return (await t.admin(TEAM, { id: team })).team.violations.find((v: any) => v.rule === 'EXPERIENCE_MIX').message as string;
    };
    expect(await mixOf(withdrawn, '新组甲')).toContain('均为首次参加巡察');
    expect(await mixOf(stayed, '新组乙')).toContain('均参加过巡察');
  });

  test('composition counts for rotation fairness neither a withdrawal nor a round called off', async () => {
    t.clock.set('2026-11-25');
    const first = await createRound(t, r.countyA, { year: 2026, ordinal: 20, startsOn: '2026-12-01', endsOn: '2026-12-20' });
    const firstTeam = await createTeam(t, first, '轮换组', nextUnits(1));
    const withdrawn = await poolPerson(t, r.countyA, '轮换撤回', 'SPECIALIST');
    const stayed = await poolPerson(t, r.countyA, '轮换留任', 'SPECIALIST');
    const withdrawal = await member(t, firstTeam, withdrawn);
    await member(t, firstTeam, stayed);
    await t.admin('mutation($i: RemoveTeamMemberInput!) { removeTeamMember(input: $i) { membership { id } } }', { i: { membershipId: withdrawal, reason: '身体原因' } });
    // A round called off after its start date (planned late): its members served no round.
    const calledOff = await createRound(t, r.countyA, { year: 2026, ordinal: 21, startsOn: '2026-11-01', endsOn: '2026-11-20' });
    const cancelledMember = await poolPerson(t, r.countyA, '轮换取消', 'SPECIALIST');
    await member(t, await createTeam(t, calledOff, '取消组', nextUnits(1)), cancelledMember);
    await t.admin('mutation($i: CancelRoundInput!) { cancelRound(input: $i) { round { status } } }', { i: { roundId: calledOff, reason: '县委调整安排' } });

    const next = await createRound(t, r.countyA, { year: 2027, ordinal: 20, startsOn: '2027-02-01', endsOn: '2027-02-28' });
    const teamId = await createTeam(t, next, '新轮换组', nextUnits(1));
    const Q = `query($f: CandidateFilter!) { candidates(filter: $f, first: 100) { edges { node { person { id } concerns { rule } } } } }`;
    const nodes = (await t.admin(Q, { f: { teamId, role: 'MEMBER' } })).candidates.edges.map((e: any) => e.node);
    const rotation = (id: string) => nodes.find((n: any) => n.person.id === id).concerns.some((c: any) => c.rule === 'ROTATION_FAIRNESS');
    expect([rotation(stayed), rotation(withdrawn), rotation(cancelledMember)]).toEqual([true, false, false]);
  });
});

describe('violations that say which team', () => {
  test('advancing with two under-staffed teams names each team, in the field and the message', async () => {
    t.clock.set('2025-06-02');
    const roundId = await createRound(t, r.countyA, { year: 2030, ordinal: 1, startsOn: '2030-03-01', endsOn: '2030-03-31' });
    const a = await createTeam(t, roundId, '第一巡察组', nextUnits(1));
    const b = await createTeam(t, roundId, '第二巡察组', nextUnits(1));
    const res = (
      await t.admin(`mutation($i: AdvanceRoundInput!) { advanceRound(input: $i) { round { status } violations { rule message team { id name } } } }`, {
        i: { roundId, to: 'AUTHORIZED' },
      })
    ).advanceRound;
    expect(res.round.status).toBe('PLANNING');
    const deputies = res.violations.filter((v: any) => v.rule === 'DEPUTY_COUNT');
    expect(deputies.map((v: any) => v.team.id).sort()).toEqual([a, b].sort());
    expect(deputies.map((v: any) => v.message).sort()).toEqual(['第一巡察组：副组长须为1至2名，现有0名', '第二巡察组：副组长须为1至2名，现有0名']);
    expect(res.violations.every((v: any) => v.team && v.message.startsWith(`${v.team.name}：`))).toBe(true);
    // team.violations names the team too (its messages need no prefix there).
    const own = (await t.admin(TEAM, { id: a })).team.violations;
    expect(own.every((v: any) => v.team.id === a && v.waived === false)).toBe(true);
    expect(own.find((v: any) => v.rule === 'DEPUTY_COUNT').message).toBe('副组长须为1至2名，现有0名');
  });

  test('REQUIRED_SPECIALTY and EXPERIENCE_MIX speak words, in Chinese and English', async () => {
    const roundId = await createRound(t, r.countyA, { year: 2030, ordinal: 2, startsOn: '2030-04-01', endsOn: '2030-04-30' });
    const teamId = await createTeam(t, roundId, '空组', nextUnits(1));
    const Q = 'query($id: ID!) { team(id: $id) { violations { rule message } } }';
    const zh = (await t.admin(Q, { id: teamId })).team.violations;
    const en = (await t.gql(Q, { id: teamId }, { token: t.adminToken, lang: 'en' })).data.team.violations;
    const of = (vs: any[], rule: string) => vs.find((v) => v.rule === rule).message as string;
    expect(of(zh, 'REQUIRED_SPECIALTY')).toBe('巡察组须有以下专业之一的人员：财务、审计');
    expect(of(en, 'REQUIRED_SPECIALTY')).not.toMatch(/FINANCE|AUDIT|财务/);
    expect(of(zh, 'EXPERIENCE_MIX')).toContain('须至少有一名参加过巡察的人员和一名首次参加巡察的人员');
    expect(of(en, 'EXPERIENCE_MIX')).toContain('at least one member who has served in a round before');
  });
});

describe('HOMETOWN_COUNTY only where it informs', () => {
  const MATRIX = 'query($r: ID!, $ps: [ID!]!, $us: [ID!]!) { avoidanceMatrix(roundId: $r, personIds: $ps, unitIds: $us) { rule } }';
  const CHECK = 'query($p: ID!, $u: ID!, $r: ID!) { avoidanceCheck(personId: $p, unitId: $u, roundId: $r) { rule } }';
  const CANDIDATES = `query($f: CandidateFilter!) { candidates(filter: $f, first: 50) { edges { node { person { id } concerns { rule } } } } }`;
  const SET = 'mutation($i: SetAvoidanceSettingsInput!) { setAvoidanceSettings(input: $i) { settings { hometownCountyAllRounds } } }';

  /** What each path says of HOMETOWN_COUNTY for a local person and a unit of the county, in a round of `kind`. */
  async function seen(kind: string, ordinal: number) {
    const roundId = await createRound(t, r.countyA, { year: 2031, ordinal, kind, startsOn: `2031-0${ordinal}-01`, endsOn: `2031-0${ordinal}-20` });
    const [unit] = nextUnits(1);
    const local = await poolPerson(t, r.countyA, `本地人${ordinal}`, 'SPECIALIST');
    await t.admin('mutation($i: UpdatePersonInput!) { updatePerson(input: $i) { person { id } } }', { i: { personId: local, hometownRegionId: r.townA } });
    const teamId = await createTeam(t, roundId, '一组', [unit]);
    const has = (xs: { rule: string }[]) => xs.some((x) => x.rule === 'HOMETOWN_COUNTY');
    const candidates = (await t.admin(CANDIDATES, { f: { teamId, role: 'MEMBER' } })).candidates.edges.map((e: any) => e.node);
    const candidate = candidates.find((c: any) => c.person.id === local);
    const matrix = has((await t.admin(MATRIX, { r: roundId, ps: [local], us: [unit] })).avoidanceMatrix);
    const check = has((await t.admin(CHECK, { p: local, u: unit, r: roundId })).avoidanceCheck);
    const asCandidate = has(candidate.concerns);
    await member(t, teamId, local);
    const onTeam = has((await t.admin(TEAM, { id: teamId })).team.violations);
    return { matrix, check, asCandidate, onTeam };
  }
  const all = (b: boolean) => ({ matrix: b, check: b, asCandidate: b, onTeam: b });

  test('not in a county\'s regular round, yes in a cross round, everywhere when the settings say so', async () => {
    t.clock.set('2025-06-02');
    expect(await seen('REGULAR', 1)).toEqual(all(false));
    expect(await seen('CROSS', 2)).toEqual(all(true));
    const set = await t.admin(SET, { i: { regionId: r.countyA, hometownCountyAllRounds: true } });
    expect(set.setAvoidanceSettings.settings.hometownCountyAllRounds).toBe(true);
    expect(await seen('REGULAR', 3)).toEqual(all(true));
    await t.admin(SET, { i: { regionId: r.countyA, hometownCountyAllRounds: false } });
    expect(await seen('MOBILE', 4)).toEqual(all(false));
  });
});

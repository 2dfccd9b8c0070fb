import { basicRegions, createPerson, createUnit } from './fixtures';
import { TestServer } from './server';

/**
 * Two counties of one city: a unit and a person in each county (and a unit in county A's
 * township), plus the persons behind the group-leader and inspector accounts of county A.
 */
export async function twoCounties(t: TestServer) {
  const r = await basicRegions(t);
  return {
    ...r,
    unitA: await createUnit(t, r.countyA, '东安县财政局'),
    townUnitA: await createUnit(t, r.townA, '城关镇党委', 'TOWNSHIP'),
    unitB: await createUnit(t, r.countyB, '西平县财政局'),
    personA: await createPerson(t, r.countyA, '张伟', { birthDate: '1980-05-01' }),
    personB: await createPerson(t, r.countyB, '刘洋', { birthDate: '1975-10-01' }),
    leaderPerson: await createPerson(t, r.countyA, '陈组长', { birthDate: '1970-03-15' }),
    inspectorPerson: await createPerson(t, r.countyA, '周干部', { birthDate: '1990-07-20' }),
  };
}
export type TwoCounties = Awaited<ReturnType<typeof twoCounties>>;

export const NON_ADMIN_ROLES = ['ORG_DEPARTMENT', 'INSPECTION_OFFICE', 'OFFICE_DIRECTOR', 'LEADING_GROUP_HEAD', 'GROUP_LEADER', 'INSPECTOR'] as const;
export type RoleName = 'ADMIN' | (typeof NON_ADMIN_ROLES)[number];

/**
 * A token per role: ADMIN, and every other role acting in county A (the group leader and the
 * inspector belong to their persons).
 */
export async function countyTokens(t: TestServer, w: TwoCounties): Promise<Record<RoleName, string>> {
  const tokens = { ADMIN: t.adminToken } as Record<RoleName, string>;
  for (const role of NON_ADMIN_ROLES) {
    const person = role === 'GROUP_LEADER' ? w.leaderPerson : role === 'INSPECTOR' ? w.inspectorPerson : null;
    tokens[role] = await t.tokenFor([role], [w.countyA], person);
  }
  return tokens;
}

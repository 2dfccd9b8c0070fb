/**
 * A city-scale round composed through the GraphQL API on the county-scale world: 200 of the
 * city's cadres enrolled in its pools (30 leaders, 30 deputies, 140 specialists, approved), a
 * round with `teams` teams of `teamSize` (a leader, a deputy, members) and three target units
 * each. Candidates refused by a hard rule are passed over.
 */
import { performance } from 'node:perf_hooks';
import { GeneratedWorld } from '../../src/demo/generator';
import type { Gql } from './gql';

const POOL_SIZE = 200;

/** The city pool: leaders, deputies and specialists of the city and its counties, up to 200. */
export function cityPool(world: GeneratedWorld) {
  const city = world.cities[0];
  const counties = world.counties.filter((c) => c.cityRegionId === city.regionId);
  const sources = [city, ...counties];
  const leaders = sources.flatMap((c) => c.leaderPersonIds).slice(0, 30);
  const deputies = sources.flatMap((c) => c.deputyPersonIds).slice(0, 30);
  const specialists = sources.flatMap((c) => c.specialists).slice(0, POOL_SIZE - leaders.length - deputies.length);
  const taken = new Set([...leaders, ...deputies, ...specialists.map((s) => s.personId)]);
  // Fill up with other cadres of the counties when the candidates are fewer than 200.
  for (const c of counties) {
    for (const id of c.personIds) {
      if (taken.size >= POOL_SIZE) break;
      if (taken.has(id)) continue;
      taken.add(id);
      specialists.push({ personId: id, specialties: [] } as (typeof specialists)[number]);
    }
  }
  const units = [...city.unitIds.filter((u) => u !== city.inspectionOfficeUnitId), ...counties.flatMap((c) => c.departmentUnitIds)];
  return { city, leaders, deputies, specialists, units };
}

export interface ComposedRound {
  roundId: string;
  teamIds: string[];
  poolSize: number;
  /** Milliseconds of each assignment call. */
  assignMs: number[];
  /** Assignments refused by a hard rule. */
  refused: number;
}

export async function composeCityRound(gql: Gql, world: GeneratedWorld, opts: { teams: number; teamSize: number }): Promise<ComposedRound> {
  const pool = cityPool(world);
  const enroll = async (personId: string, pool_: string, specialties: string[]) => {
    const e = await gql('mutation($i: EnrollInPoolInput!) { enrollInPool(input: $i) { entry { id } } }', {
      i: { personId, regionId: pool.city.regionId, pool: pool_, specialties },
    });
    await gql('mutation($i: ReviewPoolEntryInput!) { reviewPoolEntry(input: $i) { entry { id } } }', { i: { entryId: e.enrollInPool.entry.id, approve: true } }).catch(() => undefined);
  };
  for (const id of pool.leaders) await enroll(id, 'GROUP_LEADER', []);
  for (const id of pool.deputies) await enroll(id, 'DEPUTY_LEADER', []);
  for (const s of pool.specialists) await enroll(s.personId, 'SPECIALIST', s.specialties);

  const roundId = (
    await gql('mutation($i: CreateRoundInput!) { createRound(input: $i) { round { id } } }', {
      i: { regionId: pool.city.regionId, year: 2025, ordinal: 1, kind: 'REGULAR', startsOn: '2025-07-01', endsOn: '2025-08-29' },
    })
  ).createRound.round.id;
  const teamIds: string[] = [];
  for (let t = 0; t < opts.teams; t++) {
    const d = await gql('mutation($i: CreateTeamInput!) { createTeam(input: $i) { team { id } } }', {
      i: { roundId, name: `第${t + 1}巡察组`, targetUnitIds: pool.units.slice(t * 3, t * 3 + 3) },
    });
    teamIds.push(d.createTeam.team.id);
  }

  const ASSIGN = 'mutation($i: AssignTeamMemberInput!) { assignTeamMember(input: $i) { membership { id } violations { rule severity } } }';
  const queues = { LEADER: [...pool.leaders], DEPUTY_LEADER: [...pool.deputies], MEMBER: pool.specialists.map((s) => s.personId) };
  const assignMs: number[] = [];
  let refused = 0;
  for (const teamId of teamIds) {
    const roles = ['LEADER', 'DEPUTY_LEADER', ...Array(opts.teamSize - 2).fill('MEMBER')] as (keyof typeof queues)[];
    for (const role of roles) {
      for (;;) {
        const personId = queues[role].shift();
        if (!personId) throw new Error(`the pool ran out of ${role} candidates`);
        const t0 = performance.now();
        const d = await gql(ASSIGN, { i: { teamId, personId, role } });
        assignMs.push(performance.now() - t0);
        if (d.assignTeamMember.membership) break;
        refused += 1;
      }
    }
  }
  return { roundId, teamIds, poolSize: pool.leaders.length + pool.deputies.length + pool.specialists.length, assignMs, refused };
}

/**
 * The team rules (一次一组合): what a team breaks now, and whether one more member may join.
 *
 * Every rule is reported by `evaluateTeam` while it is broken. Assignment (`checkAssignment`)
 * refuses only what adding the person would itself make wrong, the rules in
 * `HARD_AT_ASSIGNMENT`; shortfalls that are normal while a team is being filled (too few
 * members or deputies, no leader yet, no full-time inspector or required specialty yet) are
 * reported by `evaluateTeam` with severity HARD, which blocks the round's authorization.
 *
 * Severities in `evaluateTeam`:
 *   HARD: POOL_MEMBERSHIP, LEADER_COUNT, DEPUTY_COUNT, TEAM_SIZE, TARGET_COUNT, RANK_FLOOR,
 *         DOUBLE_BOOKED, FULL_TIME_CORE, REQUIRED_SPECIALTY, LEADER_AUTHORIZATION, hard avoidance;
 *   SOFT: EXPERIENCE_MIX, READINESS (required before stationing, not before authorization),
 *         LEAVE_OVERLAP, soft avoidance.
 * Waived avoidance findings refuse nothing: `evaluateTeam` leaves them out, and `shownViolations`
 * (what a reader of the team sees) adds them, marked `waived`. Every violation of a team names it
 * (`teamId`).
 */
import { pathCovers } from '../../auth/rules/permissions';
import { meetsRankFloor, RANK_NAMES } from '../../people/rules/rank';
import { POOL_NAMES, STATUS_NAMES } from '../../pools/rules/pool-entry';
import type {
  AvoidanceFact,
  Booking,
  MemberFact,
  Msg,
  PoolKind,
  ReadinessKind,
  RoundFact,
  TeamFact,
  TeamRole,
  TeamRuleCode,
  Violation,
} from './types';
import { READINESS_KINDS } from './types';

/** Rules that refuse an assignment (nothing is written) when the new member would break them. */
export const HARD_AT_ASSIGNMENT: readonly TeamRuleCode[] = [
  'POOL_MEMBERSHIP',
  'RANK_FLOOR',
  'LEADER_COUNT',
  'DEPUTY_COUNT',
  'TEAM_SIZE',
  'DOUBLE_BOOKED',
];

export const ROLE_NAMES: Record<TeamRole, Msg> = {
  LEADER: { zh: '组长', en: 'leader' },
  DEPUTY_LEADER: { zh: '副组长', en: 'deputy leader' },
  MEMBER: { zh: '组员', en: 'member' },
};

const READINESS_NAMES: Record<ReadinessKind, Msg> = {
  TRAINING: { zh: '岗前培训', en: 'training' },
  DISCIPLINE_PLEDGE: { zh: '工作纪律承诺书', en: 'work-discipline pledge' },
  CONFIDENTIALITY_PLEDGE: { zh: '保密承诺书', en: 'confidentiality pledge' },
};

/** The pools a person may be drawn from for each role. */
export const POOLS_FOR_ROLE: Record<TeamRole, readonly PoolKind[]> = {
  LEADER: ['GROUP_LEADER'],
  DEPUTY_LEADER: ['GROUP_LEADER', 'DEPUTY_LEADER'],
  MEMBER: ['GROUP_LEADER', 'DEPUTY_LEADER', 'SPECIALIST'],
};

/** Regions (by materialized path) are related when one is the other, an ancestor or a descendant of it. */
export function regionsRelated(a: string, b: string): boolean {
  return pathCovers(a, b) || pathCovers(b, a);
}

export function periodsOverlap(aStart: string, aEnd: string, bStart: string, bEnd: string): boolean {
  return aStart <= bEnd && bStart <= aEnd;
}

const joinZh = (xs: readonly string[]) => xs.join('、');
const joinEn = (xs: readonly string[]) => xs.join(', ');

/** Specialties the member brings: those of their ACTIVE entries in a region related to the round. */
export function memberSpecialties(member: MemberFact, round: RoundFact): Set<string> {
  const out = new Set<string>();
  for (const e of member.poolEntries) {
    if (e.status === 'ACTIVE' && regionsRelated(e.regionPath, round.regionPath)) e.specialties.forEach((s) => out.add(s));
  }
  return out;
}

export function poolMembershipViolation(member: MemberFact, round: RoundFact): Violation | null {
  const pools = POOLS_FOR_ROLE[member.role];
  const inPools = member.poolEntries.filter((e) => pools.includes(e.pool));
  const related = inPools.filter((e) => regionsRelated(e.regionPath, round.regionPath));
  if (related.some((e) => e.status === 'ACTIVE')) return null;
  const role = ROLE_NAMES[member.role];
  const poolZh = joinZh(pools.map((p) => POOL_NAMES[p].zh));
  const poolEn = pools.map((p) => POOL_NAMES[p].en).join(' or ');
  let message: Msg;
  if (related.length > 0) {
    const s = STATUS_NAMES[related[0].status];
    message = {
      zh: `${member.name}在${POOL_NAMES[related[0].pool].zh}的状态为“${s.zh}”，不能担任${role.zh}`,
      en: `${member.name}'s entry in the ${POOL_NAMES[related[0].pool].en} is ${s.en}; cannot serve as ${role.en}`,
    };
  } else if (inPools.length > 0) {
    message = {
      zh: `${member.name}的入库地区与本轮地区无上下级关系，不能担任${role.zh}`,
      en: `${member.name}'s pool entry belongs to a region outside this round's region and its ancestors and descendants; cannot serve as ${role.en}`,
    };
  } else {
    message = {
      zh: `${member.name}不在${poolZh}中，不能担任${role.zh}`,
      en: `${member.name} is not in the ${poolEn}; cannot serve as ${role.en}`,
    };
  }
  return { rule: 'POOL_MEMBERSHIP', severity: 'HARD', message, personId: member.personId };
}

export function rankFloorViolation(member: MemberFact, round: RoundFact): Violation | null {
  if (member.role === 'MEMBER') return null;
  const floor = round.rules.rankFloor;
  if (meetsRankFloor(member.rank, floor)) return null;
  const role = ROLE_NAMES[member.role];
  const has = member.rank ? RANK_NAMES[member.rank] : { zh: '未登记', en: 'not recorded' };
  return {
    rule: 'RANK_FLOOR',
    severity: 'HARD',
    message: {
      zh: `${role.zh}须为${RANK_NAMES[floor].zh}及以上，${member.name}的职级为${has.zh}`,
      en: `A ${role.en} must be ${RANK_NAMES[floor].en} or above; ${member.name}'s rank is ${has.en}`,
    },
    personId: member.personId,
  };
}

/** The person's current bookings that clash with this team: same round, or a round overlapping in time. */
export function clashingBookings(member: MemberFact, round: RoundFact, teamId: string): Booking[] {
  return member.otherBookings.filter(
    (b) =>
      b.teamId !== teamId && (b.roundId === round.id || periodsOverlap(b.startsOn, b.endsOn, round.startsOn, round.endsOn)),
  );
}

function doubleBookedViolation(member: MemberFact, round: RoundFact, teamId: string): Violation | null {
  const clashes = clashingBookings(member, round, teamId);
  if (clashes.length === 0) return null;
  return {
    rule: 'DOUBLE_BOOKED',
    severity: 'HARD',
    message: {
      zh: `${member.name}已在${joinZh(clashes.map((b) => `${b.roundName}${b.teamName}（${b.startsOn}至${b.endsOn}）`))}`,
      en: `${member.name} is already on ${joinEn(clashes.map((b) => `${b.teamName} of ${b.roundName} (${b.startsOn} to ${b.endsOn})`))}`,
    },
    personId: member.personId,
  };
}

export function missingReadiness(member: MemberFact): ReadinessKind[] {
  return READINESS_KINDS.filter((k) => !member.readiness.includes(k));
}

/** The team's current leader, if any. */
export function currentLeader(team: Pick<TeamFact, 'members'>): MemberFact | undefined {
  return team.members.find((m) => m.role === 'LEADER');
}

/**
 * True when `personId` holds the authorization of this round and team: ACTIVE, or ENDED by the
 * round's closing.
 */
export function holdsAuthorization(team: TeamFact, personId: string): boolean {
  return team.authorizations.some(
    (a) =>
      a.teamId === team.id &&
      a.roundId === team.round.id &&
      a.personId === personId &&
      (a.status === 'ACTIVE' || (team.round.status === 'CLOSED' && a.status === 'ENDED')),
  );
}

/** Every rule the team breaks now, hard and soft. */
export function evaluateTeam(team: TeamFact): Violation[] {
  const { round } = team;
  const rules = round.rules;
  const out: Violation[] = [];
  const members = team.members;
  const size = members.length;
  const leaders = members.filter((m) => m.role === 'LEADER');
  const deputies = members.filter((m) => m.role === 'DEPUTY_LEADER');

  if (leaders.length !== 1) {
    out.push({
      rule: 'LEADER_COUNT',
      severity: 'HARD',
      message:
        leaders.length === 0
          ? { zh: '巡察组尚无组长', en: 'The team has no leader' }
          : { zh: `巡察组有${leaders.length}名组长，只能有一名`, en: `The team has ${leaders.length} leaders; exactly one is allowed` },
    });
  }
  if (deputies.length < rules.minDeputies || deputies.length > rules.maxDeputies) {
    out.push({
      rule: 'DEPUTY_COUNT',
      severity: 'HARD',
      message: {
        zh: `副组长须为${rules.minDeputies}至${rules.maxDeputies}名，现有${deputies.length}名`,
        en: `The team needs ${rules.minDeputies} to ${rules.maxDeputies} deputy leaders; it has ${deputies.length}`,
      },
    });
  }
  if (size < rules.minSize || size > rules.maxSize) {
    out.push({
      rule: 'TEAM_SIZE',
      severity: 'HARD',
      message: {
        zh: `巡察组须为${rules.minSize}至${rules.maxSize}人，现有${size}人`,
        en: `The team needs ${rules.minSize} to ${rules.maxSize} people; it has ${size}`,
      },
    });
  }
  const targets = team.targetUnitIds.length;
  if (targets < 1 || targets > rules.maxTargets) {
    out.push({
      rule: 'TARGET_COUNT',
      severity: 'HARD',
      message:
        targets < 1
          ? { zh: '巡察组尚无巡察对象', en: 'The team has no units to inspect' }
          : {
              zh: `每组巡察对象最多${rules.maxTargets}个，现有${targets}个`,
              en: `A team inspects at most ${rules.maxTargets} units; this one has ${targets}`,
            },
    });
  }
  const fullTime = members.filter((m) => m.fullTimeInspector).length;
  if (fullTime < rules.minFullTime) {
    out.push({
      rule: 'FULL_TIME_CORE',
      severity: 'HARD',
      message: {
        zh: `每组至少${rules.minFullTime}名专职巡察干部，现有${fullTime}名`,
        en: `The team needs at least ${rules.minFullTime} full-time inspectors; it has ${fullTime}`,
      },
    });
  }
  const required = rules.requiredSpecialtiesAnyOf;
  if (required.length > 0 && !members.some((m) => required.some((s) => memberSpecialties(m, round).has(s)))) {
    const names = required.map((code) => round.specialtyNames?.[code] ?? { zh: code, en: code });
    out.push({
      rule: 'REQUIRED_SPECIALTY',
      severity: 'HARD',
      message: {
        zh: `巡察组须有以下专业之一的人员：${joinZh(names.map((n) => n.zh))}`,
        en: `The team needs someone with one of these specialties: ${names.map((n) => n.en).join(' or ')}`,
      },
    });
  }
  const mix = experienceMixViolation(members);
  if (mix) out.push(mix);
  if (leaders.length === 0) {
    out.push({
      rule: 'LEADER_AUTHORIZATION',
      severity: 'HARD',
      message: { zh: '没有组长，无法授权', en: 'There is no leader to authorize' },
    });
  }
  for (const leader of leaders) {
    if (holdsAuthorization(team, leader.personId)) continue;
    out.push({
      rule: 'LEADER_AUTHORIZATION',
      severity: 'HARD',
      message: { zh: `组长${leader.name}尚未获得本轮授权`, en: `The leader ${leader.name} holds no authorization for this round` },
      personId: leader.personId,
    });
  }

  for (const m of members) {
    for (const v of [poolMembershipViolation(m, round), rankFloorViolation(m, round), doubleBookedViolation(m, round, team.id)]) {
      if (v) out.push(v);
    }
    const missing = missingReadiness(m);
    if (missing.length > 0) {
      out.push({
        rule: 'READINESS',
        severity: 'SOFT',
        message: {
          zh: `${m.name}尚未完成：${joinZh(missing.map((k) => READINESS_NAMES[k].zh))}`,
          en: `${m.name} has not completed: ${joinEn(missing.map((k) => READINESS_NAMES[k].en))}`,
        },
        personId: m.personId,
      });
    }
    const leave = leaveOverlapViolation(m, round);
    if (leave) out.push(leave);
  }
  for (const m of members) out.push(...memberAvoidanceViolations(team, m.personId));
  return ofTeam(out, team.id);
}

/** The violations, each naming the team. */
const ofTeam = (vs: Violation[], teamId: string): Violation[] => vs.map((v) => ({ ...v, teamId }));

/**
 * What a reader of the team sees: every rule it breaks now (`evaluateTeam`), and the avoidance
 * findings of its members that a waiver lets through, marked `waived` (they refuse nothing).
 */
export function shownViolations(team: TeamFact): Violation[] {
  const members = new Set(team.members.map((m) => m.personId));
  const waived = team.avoidance
    .filter((f) => f.waived && members.has(f.personId) && team.targetUnitIds.includes(f.unitId))
    .map((f): Violation => ({ ...avoidanceViolation(f), waived: true }));
  return [...evaluateTeam(team), ...ofTeam(waived, team.id)];
}

const avoidanceViolation = (f: AvoidanceFact): Violation => ({
  rule: f.rule,
  severity: f.severity,
  message: f.explanation,
  publicMessage: f.publicExplanation,
  personId: f.personId,
  unitId: f.unitId,
});

/**
 * EXPERIENCE_MIX (老新结合, soft): the members include both someone who served in a round before
 * and someone serving for the first time. The message says who is missing.
 */
export function experienceMixViolation(members: readonly MemberFact[]): Violation | null {
  const experienced = members.some((m) => m.servedBefore);
  const fresh = members.some((m) => !m.servedBefore);
  if (experienced && fresh) return null;
  let message: Msg;
  if (members.length === 0) {
    message = {
      zh: '巡察组尚无成员；老新结合须至少有一名参加过巡察的人员和一名首次参加巡察的人员',
      en: 'The team has no members yet; to mix experienced and new it needs at least one member who has served in a round before and one serving for the first time',
    };
  } else if (experienced) {
    message = {
      zh: `老新结合须至少有一名首次参加巡察的人员，本组${members.length}人均参加过巡察`,
      en: `To mix experienced and new the team needs at least one member serving for the first time; all ${members.length} have served in a round before`,
    };
  } else {
    message = {
      zh: `老新结合须至少有一名参加过巡察的人员，本组${members.length}人均为首次参加巡察`,
      en: `To mix experienced and new the team needs at least one member who has served in a round before; all ${members.length} are serving for the first time`,
    };
  }
  return { rule: 'EXPERIENCE_MIX', severity: 'SOFT', message };
}

/** LEAVE_OVERLAP (soft): approved leave above the round's share of its working days. */
export function leaveOverlapViolation(m: MemberFact, round: RoundFact): Violation | null {
  if (round.workingDays == null || round.workingDays <= 0 || !(m.leaveDays / round.workingDays > round.rules.maxLeaveShare)) return null;
  const pct = Math.round((m.leaveDays / round.workingDays) * 100);
  return {
    rule: 'LEAVE_OVERLAP',
    severity: 'SOFT',
    message: {
      zh: `${m.name}在进驻期间请假${m.leaveDays}个工作日，占${round.workingDays}个工作日的${pct}%`,
      en: `${m.name} is on approved leave for ${m.leaveDays} of the period's ${round.workingDays} working days (${pct}%)`,
    },
    personId: m.personId,
  };
}

/** The person's avoidance findings against the team's targets that are not waived, hard and soft. */
export function memberAvoidanceViolations(team: Pick<TeamFact, 'avoidance' | 'targetUnitIds'>, personId: string): Violation[] {
  // A team has a handful of targets: a list lookup beats building a set on every call.
  return team.avoidance
    .filter((f) => f.personId === personId && !f.waived && team.targetUnitIds.includes(f.unitId))
    .map(avoidanceViolation);
}

/**
 * The soft violations a member brings to a team by themselves, whoever else is on it: approved
 * leave above the share, and soft avoidance against the team's targets.
 */
export function memberSoftViolations(team: Pick<TeamFact, 'avoidance' | 'targetUnitIds' | 'round'>, m: MemberFact): Violation[] {
  const leave = leaveOverlapViolation(m, team.round);
  return [...(leave ? [leave] : []), ...memberAvoidanceViolations(team, m.personId).filter((v) => v.severity === 'SOFT')];
}

export interface AssignmentCheck {
  /** Hard violations refusing the assignment; empty when it may be made. */
  refused: Violation[];
  /** When allowed: the soft violations it is made with (the new member's own and the team's). */
  reported: Violation[];
}

/**
 * What keeps a person off a team in a role by themselves, whoever else is on it: already on the
 * team, pool membership, rank floor, a clashing booking, unwaived hard avoidance against the
 * team's targets (judged for the role). Composition proposals take a person's eligibility for a
 * (team, role) from here, as assignment does.
 */
export function personRefusals(team: TeamFact, candidate: MemberFact): Violation[] {
  const { round } = team;
  const refused: Violation[] = [];
  const already = team.members.find((m) => m.personId === candidate.personId);
  if (already) {
    refused.push({
      rule: 'DOUBLE_BOOKED',
      severity: 'HARD',
      message: {
        zh: `${candidate.name}已是本组${ROLE_NAMES[already.role].zh}`,
        en: `${candidate.name} is already on this team as ${ROLE_NAMES[already.role].en}`,
      },
      personId: candidate.personId,
    });
  }
  const pool = poolMembershipViolation(candidate, round);
  if (pool) refused.push(pool);
  const rank = rankFloorViolation(candidate, round);
  if (rank) refused.push(rank);
  if (!already) {
    const booked = doubleBookedViolation(candidate, round, team.id);
    if (booked) refused.push(booked);
  }
  refused.push(...memberAvoidanceViolations(team, candidate.personId).filter((v) => v.severity === 'HARD'));
  return refused;
}

/** Whether `candidate` may join `team` in `candidate.role`. */
export function checkAssignment(team: TeamFact, candidate: MemberFact): AssignmentCheck {
  const { round } = team;
  const rules = round.rules;
  const refused: Violation[] = [];
  const members = team.members;

  refused.push(...personRefusals(team, candidate));
  if (candidate.role === 'LEADER') {
    const leader = currentLeader(team);
    if (leader) {
      refused.push({
        rule: 'LEADER_COUNT',
        severity: 'HARD',
        message: {
          zh: `本组已有组长${leader.name}，须先将其调出`,
          en: `The team already has a leader, ${leader.name}; remove them first`,
        },
        personId: candidate.personId,
      });
    }
  }
  if (candidate.role === 'DEPUTY_LEADER') {
    const deputies = members.filter((m) => m.role === 'DEPUTY_LEADER').length;
    if (deputies + 1 > rules.maxDeputies) {
      refused.push({
        rule: 'DEPUTY_COUNT',
        severity: 'HARD',
        message: {
          zh: `每组副组长最多${rules.maxDeputies}名，本组已有${deputies}名`,
          en: `A team has at most ${rules.maxDeputies} deputy leaders; this one has ${deputies}`,
        },
        personId: candidate.personId,
      });
    }
  }
  if (members.length + 1 > rules.maxSize) {
    refused.push({
      rule: 'TEAM_SIZE',
      severity: 'HARD',
      message: {
        zh: `每组最多${rules.maxSize}人，本组已满`,
        en: `A team has at most ${rules.maxSize} people; this one is full`,
      },
      personId: candidate.personId,
    });
  }
  if (refused.length > 0) return { refused: ofTeam(refused, team.id), reported: [] };

  const after = evaluateTeam({ ...team, members: [...members, candidate] });
  const reported = after.filter((v) => v.severity === 'SOFT' && (v.personId === undefined || v.personId === candidate.personId));
  return { refused, reported };
}

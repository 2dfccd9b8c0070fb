/**
 * 巡察轮次台账: past rounds of the region, a team member per row (a row without a person names a
 * team and its targets only). A round is known by 年度 + 轮次 in the region; a past round (ended
 * before today) is recorded as CLOSED history: pool membership is not asked of its members and
 * its team rules are not judged (it is history, and a closed round is never re-judged), but a
 * person on two teams of one round, or on teams of rounds whose periods overlap, is refused, here
 * as anywhere. A round that has not ended goes through the API (plan, compose, authorize).
 * A round already recorded and closed may gain teams, targets, members and evaluations; what it
 * holds is never changed or removed by an import.
 */
import { Ctx } from '../../context';
import { addDays } from '../../common/dates';
import type { Msg } from '../../common/i18n';
import { Person } from '../../people/person.entity';
import { Evaluation, EvaluationGrade } from '../../rounds/record.entity';
import { Round, RoundKind, RoundStatus } from '../../rounds/round.entity';
import { roundName } from '../../rounds/rounds.service';
import { resolveTeamRules } from '../../rounds/rules/team-rules';
import { withdrawnBeforeStationing } from '../../rounds/rules/lifecycle';
import { Team, TeamMembership, TeamRole, TeamTarget } from '../../rounds/team.entity';
import { Unit } from '../../units/unit.entity';
import { Cells, LedgerKind, Outcome, personColumns, PERSON_REF_NOTES } from '../ledger';
import { insertChunks, personIndexFor, readByKeys, UnitIndex, unitsByNames } from '../lookup';
import { GRADE_WORDS, joinList, ROLE_WORDS, ROUND_KIND_WORDS, splitList } from '../rules/vocabulary';

const P = personColumns();
const C = {
  year: '年度',
  ordinal: '轮次',
  kind: '巡察类型',
  theme: '主题',
  startsOn: '进驻开始',
  endsOn: '进驻结束',
  team: '巡察组',
  targets: '巡察对象',
  role: '组内职务',
  joinedOn: '加入日期',
  leftOn: '离开日期',
  leftReason: '离开原因',
  grade: '评价等次',
  comment: '评价意见',
};

interface Row {
  row: number;
  year: number | null;
  ordinal: number | null;
  kind: RoundKind | null;
  theme: string | null;
  startsOn: string | null;
  endsOn: string | null;
  team: string | null;
  targets: string[];
  ref: { code: string | null; name: string | null; birthDate: string | null };
  role: TeamRole | null;
  joinedOn: string | null;
  leftOn: string | null;
  leftReason: string | null;
  grade: EvaluationGrade | null;
  comment: string | null;
}

/** The days a membership occupies: from joining to the round's end, or to the day before leaving. */
interface Stay {
  roundId: string;
  roundName: string;
  teamName: string;
  from: string;
  to: string;
}
const overlaps = (a: Stay, b: Stay) => a.from <= a.to && b.from <= b.to && a.from <= b.to && b.from <= a.to;
const stay = (roundId: string, roundName: string, teamName: string, joinedOn: string, leftOn: string | null, endsOn: string): Stay => ({
  roundId,
  roundName,
  teamName,
  from: joinedOn,
  to: leftOn ? addDays(leftOn, -1) : endsOn,
});

export const roundsKind: LedgerKind = {
  name: 'rounds',
  sheet: {
    name: '巡察轮次',
    title: '历次巡察（已结束轮次）导入模板',
    instructions: [
      '每行一名巡察组成员；同一轮次（年度＋轮次）、同一巡察组的各行其轮次信息须一致。只填巡察组、不填人员的行只登记该组及巡察对象。',
      '只登记进驻结束日期早于今天的轮次，登记后为“已结束”；尚未结束的轮次请在系统中办理（筹备、组建、授权）。',
      '历史轮次不要求成员在人才库，也不再按组建规则审核；但同一人不能在同一轮次的两个组，也不能在进驻期重叠的轮次中。',
      '巡察对象填单位全称，多个用顿号分隔，写在该组的任一行即可。日期格式 YYYY-MM-DD；加入日期默认进驻开始日期。',
    ],
    columns: [
      { header: C.year, required: true, note: '四位年份，如 2023' },
      { header: C.ordinal, required: true, note: '本年度第几轮，如 1' },
      { header: C.kind, required: true, note: `可填：${Object.values(ROUND_KIND_WORDS.write).join('、')}` },
      { header: C.theme, note: '专项巡察须填主题，如 乡村振兴' },
      { header: C.startsOn, required: true, note: 'YYYY-MM-DD' },
      { header: C.endsOn, required: true, note: 'YYYY-MM-DD，须早于今天' },
      { header: C.team, required: true, note: '如 第一巡察组' },
      { header: C.targets, note: '该组巡察对象的单位全称，多个用顿号分隔', width: 36 },
      { header: P.code, note: PERSON_REF_NOTES.code },
      { header: P.name, note: PERSON_REF_NOTES.name },
      { header: P.birthDate, note: PERSON_REF_NOTES.birthDate },
      { header: C.role, note: `填写人员时必填：${Object.values(ROLE_WORDS.write).join('、')}` },
      { header: C.joinedOn, note: 'YYYY-MM-DD，默认进驻开始日期' },
      { header: C.leftOn, note: '中途调出的日期，YYYY-MM-DD（可空）' },
      { header: C.leftReason, note: '中途调出的原因（可空）' },
      { header: C.grade, note: `可填：${Object.values(GRADE_WORDS.write).join('、')}（可空）` },
      { header: C.comment, note: '评价意见（可空）', width: 30 },
    ],
  },
  example: ['2023', '1', '常规', '', '2023-03-01', '2023-05-31', '第一巡察组', '东安县财政局、东安县审计局', 'A0001', '张伟', '1980-05-01', '组长', '2023-03-01', '', '', '优秀', '工作扎实'],
  importPermission: 'round:write',
  exportPermissions: ['round:read', 'person:readPrivate'],

  async plan(ctx, { region, table, errors }) {
    const today = ctx.clock.today();
    const rows: Row[] = table.rows.map((data) => {
      const c = new Cells(data, errors);
      return {
        row: data.row,
        year: c.int(C.year, 1949, 2200),
        ordinal: c.int(C.ordinal, 1, 100),
        kind: c.word(C.kind, ROUND_KIND_WORDS, true) as RoundKind | null,
        theme: c.text(C.theme),
        startsOn: c.date(C.startsOn, true),
        endsOn: c.date(C.endsOn, true),
        team: c.required(C.team, 100),
        targets: splitList(c.text(C.targets, 2000) ?? ''),
        ref: c.personRef('', true),
        role: c.word(C.role, ROLE_WORDS) as TeamRole | null,
        joinedOn: c.date(C.joinedOn),
        leftOn: c.date(C.leftOn),
        leftReason: c.text(C.leftReason, 500),
        grade: c.word(C.grade, GRADE_WORDS) as EvaluationGrade | null,
        comment: c.text(C.comment, 1000),
      };
    });
    const fail = (row: number, column: string, message: Msg) => errors.add(row, column, message);

    // ---- rounds: one per year and ordinal, the same on every row, ended before today
    const groups = new Map<string, Row[]>();
    for (const r of rows) {
      if (r.year === null || r.ordinal === null) continue;
      const k = `${r.year}|${r.ordinal}`;
      groups.set(k, [...(groups.get(k) ?? []), r]);
    }
    const existingRounds = await readByKeys([...new Set(rows.flatMap((r) => (r.year ? [r.year] : [])))], (part) =>
      ctx.em.createQueryBuilder(Round, 'r').where('r.region_id = :region', { region: region.id }).andWhere('r.year IN (:...part)', { part }).getMany(),
    );
    const roundByKey = new Map(existingRounds.map((r) => [`${r.year}|${r.ordinal}`, r]));
    interface RoundPlan {
      key: string;
      round: Round;
      isNew: boolean;
      rows: Row[];
    }
    const rounds: RoundPlan[] = [];
    for (const [k, group] of groups) {
      const head = group[0];
      let ok = head.kind !== null && head.startsOn !== null && head.endsOn !== null;
      for (const r of group.slice(1)) {
        for (const [col, a, b] of [
          [C.kind, head.kind, r.kind],
          [C.theme, head.theme, r.theme],
          [C.startsOn, head.startsOn, r.startsOn],
          [C.endsOn, head.endsOn, r.endsOn],
        ] as const) {
          if (a !== b && b !== null && a !== null) {
            fail(r.row, col, { zh: `与第${head.row}行同一轮次的${col}不一致`, en: `Differs from row ${head.row} of the same round` });
            ok = false;
          }
        }
      }
      if (!ok) continue;
      if (head.startsOn! > head.endsOn!) {
        fail(head.row, C.endsOn, { zh: `进驻结束 ${head.endsOn} 早于进驻开始 ${head.startsOn}`, en: `The end ${head.endsOn} is before the start ${head.startsOn}` });
        continue;
      }
      if (head.endsOn! >= today) {
        fail(head.row, C.endsOn, {
          zh: `进驻结束日期须早于今天（${today}）：尚未结束的轮次请在系统中办理`,
          en: `The round must have ended before today (${today}); a round not yet ended goes through the service`,
        });
        continue;
      }
      if (head.kind === RoundKind.SPECIAL && !head.theme) {
        fail(head.row, C.theme, { zh: '专项巡察须写明主题', en: 'A special round needs a theme' });
        continue;
      }
      const stored = roundByKey.get(k);
      if (stored) {
        if (stored.status !== RoundStatus.CLOSED) {
          fail(head.row, C.ordinal, {
            zh: `${stored.name}已在系统中且尚未结束，请在系统中办理`,
            en: `${stored.name} is already in the service and not closed; handle it there`,
          });
          continue;
        }
        const differs = (
          [
            [C.kind, stored.kind, head.kind],
            [C.theme, stored.theme, head.theme],
            [C.startsOn, stored.startsOn, head.startsOn],
            [C.endsOn, stored.endsOn, head.endsOn],
          ] as const
        ).find(([, a, b]) => a !== b);
        if (differs) {
          fail(head.row, differs[0], { zh: `与已登记的${stored.name}不一致（${differs[1] ?? '空'}）`, en: `Differs from ${stored.name} as recorded (${differs[1] ?? 'empty'})` });
          continue;
        }
        rounds.push({ key: k, round: stored, isNew: false, rows: group });
      } else {
        const round = Object.assign(new Round(), {
          regionId: region.id,
          year: head.year!,
          ordinal: head.ordinal!,
          name: roundName(head.year!, head.ordinal!, head.kind!, head.theme),
          kind: head.kind!,
          theme: head.theme,
          status: RoundStatus.CLOSED,
          startsOn: head.startsOn!,
          endsOn: head.endsOn!,
          followsRoundId: null,
          rules: resolveTeamRules(null),
          cancelledOn: null,
          cancelReason: null,
          createdAt: ctx.clock.now(),
        });
        rounds.push({ key: k, round, isNew: true, rows: group });
      }
    }

    // ---- what the file names, read in batches
    const planned = rounds.flatMap((p) => p.rows);
    const [people, units, teams, targets, memberships] = await Promise.all([
      personIndexFor(ctx, region, planned.map((r) => r.ref)),
      unitsByNames(ctx, region, planned.flatMap((r) => r.targets)),
      readByKeys(rounds.filter((p) => !p.isNew).map((p) => p.round.id), (part) => ctx.em.createQueryBuilder(Team, 't').where('t.round_id IN (:...part)', { part }).getMany()),
      readByKeys(rounds.filter((p) => !p.isNew).map((p) => p.round.id), (part) => ctx.em.createQueryBuilder(TeamTarget, 't').where('t.round_id IN (:...part)', { part }).getMany()),
      readByKeys(rounds.filter((p) => !p.isNew).map((p) => p.round.id), (part) => ctx.em.createQueryBuilder(TeamMembership, 'm').where('m.round_id IN (:...part)', { part }).getMany()),
    ]);
    const unitIndex = new UnitIndex(units);

    // Resolve each row's person and targets.
    const personOf = new Map<number, Person>();
    const targetsOf = new Map<number, Unit[]>();
    for (const r of planned) {
      if (r.ref.code || r.ref.name) {
        const found = people.resolve(r.ref);
        if (!found.ok) fail(r.row, found.column === 'code' ? P.code : P.name, found.message);
        else personOf.set(r.row, found.value);
        if (!r.role) fail(r.row, C.role, { zh: '填写人员时须填组内职务', en: 'A member needs a role' });
      } else if (r.role || r.grade || r.joinedOn || r.leftOn) {
        fail(r.row, P.name, { zh: '须填写人员（编号或姓名）', en: 'Name the person (code or name)' });
      }
      const us: Unit[] = [];
      for (const name of r.targets) {
        const u = unitIndex.resolve(name);
        if (!u.ok) fail(r.row, C.targets, u.message);
        else us.push(u.value);
      }
      targetsOf.set(r.row, us);
    }

    // The persons' stays on other rounds' teams (not called off), for double booking.
    const others = await readByKeys([...new Set([...personOf.values()].map((p) => p.id))], (part) =>
      ctx.em
        .createQueryBuilder()
        .select(['m.person_id AS personId', 'm.round_id AS roundId', 'm.joined_on AS joinedOn', 'm.left_on AS leftOn', 'r.ends_on AS endsOn', 'r.name AS roundName', 't.name AS teamName'])
        .from(TeamMembership, 'm')
        .innerJoin(Round, 'r', 'r.id = m.round_id')
        .innerJoin(Team, 't', 't.id = m.team_id')
        .where('m.person_id IN (:...part)', { part })
        .andWhere('r.status <> :cancelled', { cancelled: RoundStatus.CANCELLED })
        .getRawMany<{ personId: string; roundId: string; joinedOn: string; leftOn: string | null; endsOn: string; roundName: string; teamName: string }>(),
    );
    const staysOf = new Map<string, Stay[]>();
    for (const o of others) staysOf.set(o.personId, [...(staysOf.get(o.personId) ?? []), stay(o.roundId, o.roundName, o.teamName, o.joinedOn, o.leftOn, o.endsOn)]);

    // ---- the plan, round by round
    const outcomes = new Map<number, Outcome>();
    const newRounds: Round[] = [];
    const newTeams: Team[] = [];
    const newTargets: TeamTarget[] = [];
    const newMemberships: TeamMembership[] = [];
    const newEvaluations: Evaluation[] = [];
    const latest = new Map<string, Evaluation>();
    for (const e of await readByKeys(memberships.map((m) => m.id), (part) =>
      ctx.em.createQueryBuilder(Evaluation, 'e').where('e.membership_id IN (:...part)', { part }).orderBy('e.evaluated_at').addOrderBy('e.id').getMany(),
    )) {
      latest.set(e.membershipId, e);
    }
    const now = ctx.clock.now();
    const evaluator = ctx.account?.id ?? '';
    const fileStays = new Map<string, { stay: Stay; row: number }[]>();

    for (const plan of rounds) {
      const { round } = plan;
      if (plan.isNew) newRounds.push(round);
      const teamByName = new Map(teams.filter((t) => t.roundId === round.id).map((t) => [t.name, t]));
      const targetOwner = new Map(targets.filter((t) => t.roundId === round.id).map((t) => [t.unitId, t.teamId]));
      const memberOf = new Map(memberships.filter((m) => m.roundId === round.id).map((m) => [`${m.teamId}|${m.personId}`, m]));
      const inRound = new Map<string, number>();
      for (const m of memberships.filter((x) => x.roundId === round.id && x.currentRoundId !== null)) inRound.set(m.personId, -1);

      for (const r of plan.rows) {
        if (!r.team) continue;
        let outcome: Outcome = 'unchanged';
        let team = teamByName.get(r.team);
        if (!team) {
          team = Object.assign(new Team(), { roundId: round.id, name: r.team, createdAt: now });
          teamByName.set(r.team, team);
          newTeams.push(team);
          outcome = 'created';
        }
        for (const u of targetsOf.get(r.row) ?? []) {
          const owner = targetOwner.get(u.id);
          if (owner === team.id) continue;
          if (owner !== undefined) {
            const other = [...teamByName.values()].find((t) => t.id === owner);
            fail(r.row, C.targets, { zh: `${u.name}已是本轮${other?.name ?? '另一组'}的巡察对象`, en: `${u.name} is already inspected by ${other?.name ?? 'another team'} in this round` });
            continue;
          }
          targetOwner.set(u.id, team.id);
          newTargets.push(Object.assign(new TeamTarget(), { teamId: team.id, roundId: round.id, unitId: u.id }));
          if (outcome === 'unchanged') outcome = 'updated';
        }

        const person = personOf.get(r.row);
        if (person && r.role) {
          const joinedOn = r.joinedOn ?? round.startsOn;
          if (joinedOn < round.startsOn || joinedOn > round.endsOn) {
            fail(r.row, C.joinedOn, { zh: '加入日期须在进驻期间内', en: 'The joining day must fall within the stationing period' });
            continue;
          }
          if (r.leftOn && (r.leftOn < joinedOn || r.leftOn > round.endsOn)) {
            fail(r.row, C.leftOn, { zh: '离开日期须在加入日期与进驻结束之间', en: 'The leaving day must fall between joining and the end of the round' });
            continue;
          }
          const stored = memberOf.get(`${team.id}|${person.id}`);
          if (stored) {
            if (stored.role !== r.role || stored.joinedOn !== joinedOn || stored.leftOn !== r.leftOn) {
              fail(r.row, C.role, { zh: `与已登记的${person.name}在该组的记录不一致（职务或日期）`, en: `Differs from ${person.name}'s membership as recorded (role or dates)` });
              continue;
            }
          } else {
            // Double booking: twice in this round, or in rounds whose periods overlap.
            const twice = inRound.get(person.id);
            if (twice !== undefined) {
              fail(r.row, P.name, twice > 0 ? { zh: `${person.name}在本轮已登记（第${twice}行）`, en: `${person.name} is already in this round (row ${twice})` } : { zh: `${person.name}已在本轮另一巡察组`, en: `${person.name} is already on another team of this round` });
              continue;
            }
            const mine = stay(round.id, round.name, team.name, joinedOn, r.leftOn, round.endsOn);
            const clash =
              (staysOf.get(person.id) ?? []).find((s) => s.roundId !== round.id && overlaps(s, mine)) ??
              (fileStays.get(person.id) ?? []).find((s) => s.stay.roundId !== round.id && overlaps(s.stay, mine))?.stay;
            if (clash) {
              fail(r.row, P.name, {
                zh: `${person.name}同期已在${clash.roundName}${clash.teamName}（${clash.from}至${clash.to}），不能重复安排`,
                en: `${person.name} is already on ${clash.teamName} of ${clash.roundName} (${clash.from} to ${clash.to}) at the same time`,
              });
              continue;
            }
            inRound.set(person.id, r.row);
            fileStays.set(person.id, [...(fileStays.get(person.id) ?? []), { stay: mine, row: r.row }]);
            const membership = Object.assign(new TeamMembership(), {
              teamId: team.id,
              roundId: round.id,
              personId: person.id,
              role: r.role,
              joinedOn,
              leftOn: r.leftOn,
              leftReason: r.leftOn ? r.leftReason : null,
              currentRoundId: r.leftOn ? null : round.id,
              createdAt: now,
            });
            memberOf.set(`${team.id}|${person.id}`, membership);
            newMemberships.push(membership);
            outcome = 'created';
          }
          const membership = memberOf.get(`${team.id}|${person.id}`)!;
          const last = latest.get(membership.id);
          if (r.grade && (!last || last.grade !== r.grade || (last.comment ?? null) !== r.comment)) {
            const evaluation = Object.assign(new Evaluation(), { membershipId: membership.id, grade: r.grade, comment: r.comment, evaluatedById: evaluator, evaluatedAt: now });
            latest.set(membership.id, evaluation);
            newEvaluations.push(evaluation);
            if (outcome === 'unchanged') outcome = 'updated';
          }
        }
        outcomes.set(r.row, outcome);
      }
    }

    return {
      outcomes,
      async write(tx: Ctx) {
        await insertChunks(tx.em, Round, newRounds);
        await insertChunks(tx.em, Team, newTeams);
        await insertChunks(tx.em, TeamTarget, newTargets);
        await insertChunks(tx.em, TeamMembership, newMemberships);
        await insertChunks(tx.em, Evaluation, newEvaluations);
      },
    };
  },

  async exportRows(ctx, region) {
    const rounds = await ctx.em.find(Round, { where: { regionId: region.id, status: RoundStatus.CLOSED }, order: { startsOn: 'ASC', id: 'ASC' } });
    const ids = rounds.map((r) => r.id);
    const [teams, targets, members] = await Promise.all([
      readByKeys(ids, (part) => ctx.em.createQueryBuilder(Team, 't').where('t.round_id IN (:...part)', { part }).orderBy('t.name').addOrderBy('t.id').getMany()),
      readByKeys(ids, (part) =>
        ctx.em
          .createQueryBuilder()
          .select(['tt.team_id AS teamId', 'u.name AS unit'])
          .from(TeamTarget, 'tt')
          .innerJoin(Unit, 'u', 'u.id = tt.unit_id')
          .where('tt.round_id IN (:...part)', { part })
          .orderBy('tt.id')
          .getRawMany<{ teamId: string; unit: string }>(),
      ),
      readByKeys(ids, (part) =>
        ctx.em
          .createQueryBuilder()
          .select(['m.id AS id', 'm.team_id AS teamId', 'm.role AS role', 'm.joined_on AS joinedOn', 'm.left_on AS leftOn', 'm.left_reason AS leftReason'])
          .addSelect(['p.code AS code', 'p.name AS name', 'p.birth_date AS birthDate'])
          .from(TeamMembership, 'm')
          .innerJoin(Person, 'p', 'p.id = m.person_id')
          .where('m.round_id IN (:...part)', { part })
          .orderBy('m.joined_on')
          .addOrderBy('m.id')
          .getRawMany<{ id: string; teamId: string; role: TeamRole; joinedOn: string; leftOn: string | null; leftReason: string | null; code: string | null; name: string; birthDate: string | null }>(),
      ),
    ]);
    const latest = new Map<string, Evaluation>();
    for (const e of await readByKeys(members.map((m) => m.id), (part) =>
      ctx.em.createQueryBuilder(Evaluation, 'e').where('e.membership_id IN (:...part)', { part }).orderBy('e.evaluated_at').addOrderBy('e.id').getMany(),
    )) {
      latest.set(e.membershipId, e);
    }
    const out: string[][] = [];
    for (const round of rounds) {
      const head = [String(round.year), String(round.ordinal), ROUND_KIND_WORDS.write[round.kind], round.theme ?? '', round.startsOn, round.endsOn];
      for (const team of teams.filter((t) => t.roundId === round.id)) {
        const units = joinList(targets.filter((t) => t.teamId === team.id).map((t) => t.unit));
        // A member withdrawn before stationing never served: the ledger lists those who did.
        const mine = members.filter((m) => m.teamId === team.id && !withdrawnBeforeStationing(m, round.startsOn));
        if (mine.length === 0) out.push([...head, team.name, units, '', '', '', '', '', '', '', '', '']);
        mine.forEach((m, i) => {
          const e = latest.get(m.id);
          out.push([
            ...head,
            team.name,
            i === 0 ? units : '',
            m.code ?? '',
            m.name,
            m.birthDate ?? '',
            ROLE_WORDS.write[m.role],
            m.joinedOn,
            m.leftOn ?? '',
            m.leftOn ? (m.leftReason ?? '') : '',
            e ? GRADE_WORDS.write[e.grade] : '',
            e?.comment ?? '',
          ]);
        });
      }
    }
    return out;
  },
};

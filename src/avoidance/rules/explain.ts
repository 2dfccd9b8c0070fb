/**
 * What a finding says: the rules return structured evidence (who, which relation, which post
 * with its dates, which unit), and this module turns it into path steps with labels and one
 * sentence, in Chinese and English, that a clerk can act on without looking anything up.
 */
import type { EmploymentRec, PastServiceRec, PersonRec, RegionRec, UnitRec } from './graph';
import { KIN_COMPOSITIONS } from './kinship';
import {
  AvoidanceRuleName,
  GenderName,
  Msg,
  msg,
  PathStepData,
  RelationKindName,
  SeverityName,
} from './model';

/** One step of evidence, from the person towards the unit. */
export type Evidence =
  | { kind: 'self'; personId: string }
  /** personId is `relation` of the person of the previous step. */
  | { kind: 'relation'; relation: RelationKindName; personId: string }
  /** A post of the person of the previous step. */
  | { kind: 'post'; employment: EmploymentRec }
  /** The unit of the previous step is under this unit. */
  | { kind: 'partOf'; unitId: string }
  /** A colleague in the unit of the previous step, with the colleague's post there. */
  | { kind: 'colleague'; personId: string; employment: EmploymentRec; standing: 'SUPERIOR' | 'SUBORDINATE' | 'FELLOW_LEADER' }
  | { kind: 'hometown'; regionId: string }
  | { kind: 'regionOf'; regionId: string; unitId: string }
  | { kind: 'sameCounty'; regionId: string; unitId: string }
  | { kind: 'sameSystem'; system: string; unitId: string }
  | { kind: 'declared'; reason: string; bySelf: boolean; unitId: string }
  | { kind: 'served'; service: PastServiceRec }
  | { kind: 'inspected'; unitId: string }
  | { kind: 'interestTie'; description: string; unitId: string };

/** What a rule found for one person and unit, before severity and wording. */
export interface FindingDraft {
  rule: AvoidanceRuleName;
  personId: string;
  unitId: string;
  /** Selects the wording where a rule has more than one reason (e.g. rule 2: recent or long). */
  variant?: string;
  /** The window in years the rule applied, when it has one. */
  years?: number;
  /** For kin findings: the composition that makes the relative kin (a key of KIN_COMPOSITIONS). */
  composition?: string;
  evidence: Evidence[];
}

export interface Names {
  persons: ReadonlyMap<string, Pick<PersonRec, 'id' | 'name' | 'gender'>>;
  units: ReadonlyMap<string, Pick<UnitRec, 'id' | 'name'>>;
  regions: ReadonlyMap<string, Pick<RegionRec, 'id' | 'name'>>;
}

// ---------------------------------------------------------------- words

const gendered = (g: GenderName | null | undefined, male: Msg, female: Msg, any: Msg) =>
  g === 'MALE' ? male : g === 'FEMALE' ? female : any;

/** What `kind` is called for a person of gender `g`: "wife" rather than "spouse" when known. */
export function relationLabel(kind: RelationKindName, g: GenderName | null | undefined): Msg {
  switch (kind) {
    case 'SPOUSE': return gendered(g, msg('丈夫', 'husband'), msg('妻子', 'wife'), msg('配偶', 'spouse'));
    case 'PARENT': return gendered(g, msg('父亲', 'father'), msg('母亲', 'mother'), msg('父母', 'parent'));
    case 'CHILD': return gendered(g, msg('儿子', 'son'), msg('女儿', 'daughter'), msg('子女', 'child'));
    case 'SIBLING': return gendered(g, msg('兄弟', 'brother'), msg('姐妹', 'sister'), msg('兄弟姐妹', 'sibling'));
    case 'GRANDPARENT': return gendered(g, msg('祖父/外祖父', 'grandfather'), msg('祖母/外祖母', 'grandmother'), msg('祖父母/外祖父母', 'grandparent'));
    case 'GRANDCHILD': return gendered(g, msg('孙子/外孙', 'grandson'), msg('孙女/外孙女', 'granddaughter'), msg('孙子女/外孙子女', 'grandchild'));
    case 'UNCLE_AUNT': return gendered(g, msg('伯叔舅', 'uncle'), msg('姑姨', 'aunt'), msg('伯叔姑舅姨', 'uncle or aunt'));
    case 'NEPHEW_NIECE': return gendered(g, msg('侄子/外甥', 'nephew'), msg('侄女/外甥女', 'niece'), msg('侄甥', 'nephew or niece'));
    case 'COUSIN': return gendered(g, msg('堂表兄弟', 'cousin'), msg('堂表姐妹', 'cousin'), msg('堂表兄弟姐妹', 'cousin'));
    case 'PARENT_IN_LAW': return gendered(g, msg('岳父/公公', 'father-in-law'), msg('岳母/婆婆', 'mother-in-law'), msg('配偶父母', 'parent-in-law'));
    case 'CHILD_IN_LAW': return gendered(g, msg('女婿', 'son-in-law'), msg('儿媳', 'daughter-in-law'), msg('子女配偶', 'child-in-law'));
    case 'SIBLING_IN_LAW': return gendered(g, msg('姻亲兄弟', 'brother-in-law'), msg('姻亲姐妹', 'sister-in-law'), msg('姻亲兄弟姐妹', 'sibling-in-law'));
    case 'OTHER_IN_LAW': return msg('其他姻亲', 'in-law');
    case 'CLASSMATE': return msg('同学', 'classmate');
    case 'TEACHER_STUDENT': return msg('师生', 'teacher or student');
    case 'SAME_SUPERVISOR': return msg('同一上级', 'same supervisor');
    case 'CLOSE_FRIEND': return msg('密友', 'close friend');
    case 'OTHER_TIE': return msg('其他关系', 'other tie');
  }
}

/** "（2019-03-01 至今）" / "(2019-03-01 to now)" */
export function period(startedOn: string, endedOn: string | null): Msg {
  return msg(`（${startedOn} 至${endedOn ? ` ${endedOn}` : '今'}）`, `(${startedOn} to ${endedOn ?? 'now'})`);
}

const STANDING: Record<'SUPERIOR' | 'SUBORDINATE' | 'FELLOW_LEADER', Msg> = {
  SUPERIOR: msg('时任上级', 'then superior'),
  SUBORDINATE: msg('时任下属', 'then subordinate'),
  FELLOW_LEADER: msg('时任同一班子成员', 'then fellow leader'),
};

const ROLE: Record<string, Msg> = {
  LEADER: msg('组长', 'leader'),
  DEPUTY_LEADER: msg('副组长', 'deputy leader'),
  MEMBER: msg('组员', 'member'),
};

/** The rule's words; `kinTerm` false leaves out which relative it is (for readers without access to relations). */
function title(d: FindingDraft, kinTerm = true): Msg {
  const n = d.years ?? 0;
  const term = d.composition ? (kinTerm ? KIN_COMPOSITIONS[d.composition]?.term : msg('', '')) : undefined;
  switch (d.rule) {
    case 'CURRENT_EMPLOYER':
      return msg('本人现在被巡察单位或其下属单位工作', 'Works in the target unit or a unit under it');
    case 'FORMER_EMPLOYER':
      return d.variant === 'TENURE'
        ? msg(`曾在被巡察单位工作满${n}年`, `Worked in the target unit for ${n} years or more`)
        : msg(`近${n}年内曾在被巡察单位工作`, `Worked in the target unit within the last ${n} years`);
    case 'KIN_IN_TARGET':
      return term?.zh
        ? msg(`近亲属（${term.zh}）在被巡察单位任职`, `A relative (${term.en}) works in the target unit`)
        : msg('近亲属在被巡察单位任职', 'A relative works in the target unit');
    case 'FORMER_SUPERIOR_SUBORDINATE':
      return msg(`近${n}年内与被巡察单位现任领导有上下级关系`, `Superior or subordinate of a current leader of the target unit within the last ${n} years`);
    case 'LOCALITY':
      return msg('交叉巡察属地回避：本人工作单位与被巡察单位在同一县（区）', 'Cross inspection: works in the same county as the target unit');
    case 'DECLARED':
      return d.variant === 'SELF'
        ? msg('本人已申请回避', 'Declared an avoidance of the target unit themselves')
        : msg('巡察办已为其登记回避', 'The inspection office recorded an avoidance of the target unit for them');
    case 'HOMETOWN_GRASSROOTS':
      return msg('籍贯在被巡察的乡镇（村、社区）', "Hometown is the target's township or village");
    case 'PERSONAL_TIE':
      return msg('与被巡察单位现任领导有密切关系', 'Personal tie with a current leader of the target unit');
    case 'SAME_SYSTEM':
      return msg('与被巡察单位属同一系统', 'Same system as the target unit');
    case 'REPEAT_TARGET':
      return d.variant === 'LEADER_AGAIN'
        ? msg(`近${n}年内曾任该单位的巡察组长，再次担任组长`, `Led a team on this unit within the last ${n} years and leads it again`)
        : msg(`近${n}年内曾巡察该单位`, `Inspected this unit within the last ${n} years`);
    case 'TWO_HOP_KIN':
      return msg('亲属与被巡察单位现任领导有亲属关系', 'A relative is kin of a current leader of the target unit');
    case 'HOMETOWN_COUNTY':
      return msg('籍贯在被巡察单位所在县（区）', "Hometown is in the target unit's county");
    case 'INTEREST_TIE':
      if (!term) return msg('本人与被巡察单位有利益关联', 'Has an interest tie to the target unit');
      return term.zh
        ? msg(`近亲属（${term.zh}）与被巡察单位有利益关联`, `A relative (${term.en}) has an interest tie to the target unit`)
        : msg('近亲属与被巡察单位有利益关联', 'A relative has an interest tie to the target unit');
  }
}

const VERDICT: Record<SeverityName | 'WAIVED', Msg> = {
  HARD: msg('【应回避】', '[Must avoid] '),
  SOFT: msg('【提示】', '[Note] '),
  WAIVED: msg('【已批准豁免】', '[Waived] '),
};

// ---------------------------------------------------------------- rendering

/** Who declared an avoidance: the person themselves, or the inspection office for them. */
const declarer = (bySelf: boolean): Msg => (bySelf ? msg('本人', 'declared by the person themselves') : msg('巡察办代为', 'recorded by the inspection office'));

interface Rendered {
  step: PathStepData;
  text: Msg;
}

function render(e: Evidence, names: Names): Rendered {
  const person = (id: string) => names.persons.get(id);
  const personName = (id: string) => person(id)?.name ?? id;
  const unitName = (id: string) => names.units.get(id)?.name ?? id;
  const regionName = (id: string) => names.regions.get(id)?.name ?? id;
  const both = (f: (l: 'zh' | 'en') => string): Msg => msg(f('zh'), f('en'));
  const postText = (emp: EmploymentRec) => {
    const p = period(emp.startedOn, emp.endedOn);
    return msg(`${unitName(emp.unitId)} ${emp.post}${p.zh}`, `${emp.post}, ${unitName(emp.unitId)} ${p.en}`);
  };
  switch (e.kind) {
    case 'self':
      return { step: { label: msg('本人', 'self'), personId: e.personId }, text: both(() => personName(e.personId)) };
    case 'relation': {
      const label = relationLabel(e.relation, person(e.personId)?.gender);
      const name = personName(e.personId);
      return { step: { label, personId: e.personId }, text: msg(`${label.zh} ${name}`, `${label.en} ${name}`) };
    }
    case 'post': {
      const p = period(e.employment.startedOn, e.employment.endedOn);
      return {
        step: { label: msg(`${e.employment.post}${p.zh}`, `${e.employment.post} ${p.en}`), unitId: e.employment.unitId },
        text: postText(e.employment),
      };
    }
    case 'partOf': {
      const label = msg('隶属于', 'part of');
      return { step: { label, unitId: e.unitId }, text: msg(`隶属于 ${unitName(e.unitId)}`, `part of ${unitName(e.unitId)}`) };
    }
    case 'colleague': {
      const s = STANDING[e.standing];
      const post = postText(e.employment);
      const name = personName(e.personId);
      return {
        step: { label: msg(`${s.zh}（${post.zh}）`, `${s.en} (${post.en})`), personId: e.personId },
        text: msg(`${s.zh} ${name}（${post.zh}）`, `${s.en} ${name} (${post.en})`),
      };
    }
    case 'hometown': {
      const label = msg(`籍贯 ${regionName(e.regionId)}`, `hometown ${regionName(e.regionId)}`);
      return { step: { label }, text: label };
    }
    case 'regionOf': {
      const r = regionName(e.regionId);
      return {
        step: { label: msg(`位于 ${r}`, `in ${r}`), unitId: e.unitId },
        text: msg(`${r} ${unitName(e.unitId)}`, `${unitName(e.unitId)} in ${r}`),
      };
    }
    case 'sameCounty': {
      const r = regionName(e.regionId);
      return {
        step: { label: msg(`同在 ${r}`, `also in ${r}`), unitId: e.unitId },
        text: msg(`与 ${unitName(e.unitId)} 同在 ${r}`, `in ${r}, like ${unitName(e.unitId)}`),
      };
    }
    case 'sameSystem':
      return {
        step: { label: msg(`同属 ${e.system} 系统`, `same system: ${e.system}`), unitId: e.unitId },
        text: msg(`与 ${unitName(e.unitId)} 同属 ${e.system} 系统`, `same system (${e.system}) as ${unitName(e.unitId)}`),
      };
    case 'declared': {
      const who = declarer(e.bySelf);
      return {
        step: { label: msg(`${who.zh}申请回避（理由：${e.reason}）`, `avoidance ${who.en} (reason: ${e.reason})`), unitId: e.unitId },
        text: msg(`${who.zh}申请回避 ${unitName(e.unitId)}（理由：${e.reason}）`, `avoidance of ${unitName(e.unitId)} ${who.en} (reason: ${e.reason})`),
      };
    }
    case 'served': {
      const s = e.service;
      const role = ROLE[s.role] ?? ROLE.MEMBER;
      const label = msg(
        `${s.roundName} ${s.teamName} ${role.zh}（${s.roundStartsOn} 开始）`,
        `${role.en} of ${s.teamName}, ${s.roundName} (started ${s.roundStartsOn})`,
      );
      return { step: { label }, text: label };
    }
    case 'inspected':
      return {
        step: { label: msg('巡察对象', 'inspected'), unitId: e.unitId },
        text: msg(`巡察 ${unitName(e.unitId)}`, `inspected ${unitName(e.unitId)}`),
      };
    case 'interestTie':
      return {
        step: { label: msg(`利益关联：${e.description}`, `interest tie: ${e.description}`), unitId: e.unitId },
        text: msg(`与 ${unitName(e.unitId)} 的利益关联：${e.description}`, `interest tie to ${unitName(e.unitId)}: ${e.description}`),
      };
  }
}

/**
 * What a reader without access to private facts may see of a step: nothing of a relative (the
 * caller stops at the first relation), an interest tie without its description, a declaration
 * without its reason.
 */
function renderPublic(e: Evidence, names: Names): Rendered {
  const unitName = (id: string) => names.units.get(id)?.name ?? id;
  switch (e.kind) {
    case 'interestTie': {
      const label = msg('利益关联', 'interest tie');
      return { step: { label, unitId: e.unitId }, text: msg(`与 ${unitName(e.unitId)} 有利益关联`, `interest tie to ${unitName(e.unitId)}`) };
    }
    case 'declared': {
      const who = declarer(e.bySelf);
      const label = msg(`${who.zh}申请回避`, `avoidance ${who.en}`);
      return { step: { label, unitId: e.unitId }, text: msg(`${who.zh}申请回避 ${unitName(e.unitId)}`, `avoidance of ${unitName(e.unitId)} ${who.en}`) };
    }
    default:
      return render(e, names);
  }
}

function sentence(verdict: Msg, t: Msg, rendered: Rendered[]): Msg {
  return msg(
    `${verdict.zh}${t.zh}：${rendered.map((r) => r.text.zh).join(' → ')}`,
    `${verdict.en}${t.en}: ${rendered.map((r) => r.text.en).join(' → ')}`,
  );
}

export interface Explained {
  path: PathStepData[];
  explanation: Msg;
  /** The same without relatives, interest-tie descriptions and declaration reasons. */
  publicPath: PathStepData[];
  publicExplanation: Msg;
}

/** The path and the one-sentence explanation of a finding, in full and without private facts. */
export function explain(d: FindingDraft, severity: SeverityName, waived: boolean, names: Names): Explained {
  const rendered = d.evidence.map((e) => render(e, names));
  const v = VERDICT[waived ? 'WAIVED' : severity];
  const throughKin = d.evidence.findIndex((e) => e.kind === 'relation');
  const shown = throughKin < 0 ? d.evidence : d.evidence.slice(0, throughKin);
  const publicRendered = shown.map((e) => renderPublic(e, names));
  if (throughKin >= 0) {
    const unit = names.units.get(d.unitId)?.name ?? d.unitId;
    publicRendered.push({ step: { label: msg('被巡察单位', 'target unit'), unitId: d.unitId }, text: msg(unit, unit) });
  }
  return {
    path: rendered.map((r) => r.step),
    explanation: sentence(v, title(d), rendered),
    publicPath: publicRendered.map((r) => r.step),
    publicExplanation: sentence(v, title(d, false), publicRendered),
  };
}

/** Every person, unit and region a draft names, so a loader can fetch their names at once. */
export function namedIds(d: FindingDraft): { persons: string[]; units: string[]; regions: string[] } {
  const persons = [d.personId];
  const units = [d.unitId];
  const regions: string[] = [];
  for (const e of d.evidence) {
    if ('personId' in e) persons.push(e.personId);
    if ('unitId' in e) units.push(e.unitId);
    if ('employment' in e) units.push(e.employment.unitId);
    if ('regionId' in e) regions.push(e.regionId);
  }
  return { persons, units, regions };
}

/**
 * The words of the paper ledgers: ranks, genders, kinship, pools, statuses, round kinds, roles,
 * grades, yes/no and dates, as a clerk writes them, and the one word each value is written back
 * with. Pure.
 */
import { RANK_NAMES, RANKS, Rank } from '../../people/rules/rank';
import { RELATION_LABELS, RELATION_KINDS, RelationKindName } from '../../people/rules/relation-kinds';
import { POOL_NAMES, POOL_KINDS, PoolKind, STATUS_NAMES as POOL_STATUS_NAMES, POOL_ENTRY_STATUSES, PoolEntryStatus } from '../../pools/rules/pool-entry';
import { ROLE_NAMES } from '../../rounds/rules/team-check';
import { RoundKind, TEAM_ROLES, TeamRole } from '../../rounds/rules/types';

export type Gender = 'MALE' | 'FEMALE';
export type Grade = 'EXCELLENT' | 'COMPETENT' | 'BASICALLY_COMPETENT' | 'INCOMPETENT';

/** A vocabulary: the word each value is written with, and every word read as it. */
export interface Vocabulary<T extends string> {
  write: Record<T, string>;
  read: Map<string, T>;
  /** The allowed words, for the instructions sheet. */
  words: string[];
}

function vocabulary<T extends string>(write: Record<T, string>, aliases: Record<string, T> = {}): Vocabulary<T> {
  const read = new Map<string, T>();
  for (const [value, word] of Object.entries(write) as [T, string][]) read.set(word, value);
  for (const [word, value] of Object.entries(aliases)) read.set(word, value);
  return { write, read, words: [...read.keys()] };
}

const fromNames = <T extends string>(values: readonly T[], names: Record<T, { zh: string }>) =>
  Object.fromEntries(values.map((v) => [v, names[v].zh])) as Record<T, string>;

export const RANK_WORDS = vocabulary<Rank>(fromNames(RANKS, RANK_NAMES), { 副县级: 'DEPUTY_DIVISION', 正县级: 'DIVISION', 县处级副职: 'DEPUTY_DIVISION', 县处级正职: 'DIVISION', 乡科级副职: 'DEPUTY_SECTION', 乡科级正职: 'SECTION' });

export const GENDER_WORDS = vocabulary<Gender>({ MALE: '男', FEMALE: '女' }, { 男性: 'MALE', 女性: 'FEMALE' });

export const YES_NO = vocabulary<'YES' | 'NO'>({ YES: '是', NO: '否' }, { Y: 'YES', N: 'NO', '√': 'YES', 有: 'YES', 无: 'NO' });

/**
 * Kinship and personal ties, as what the relative is to the person. Gendered words (父亲, 母亲,
 * 表兄…) give the kind only: the relative's gender is not set from them. Spouses of uncles and
 * aunts (伯母, 婶婶, 姑父, 舅妈, 姨父) are close in-laws, not blood (OTHER_IN_LAW); a sibling's
 * spouse (姐夫, 嫂子…) is recorded with the spouse's siblings as SIBLING_IN_LAW.
 */
export const KINSHIP_WORDS = vocabulary<RelationKindName>(fromNames(RELATION_KINDS, RELATION_LABELS), {
  丈夫: 'SPOUSE', 妻子: 'SPOUSE', 爱人: 'SPOUSE', 夫妻: 'SPOUSE', 夫: 'SPOUSE', 妻: 'SPOUSE',
  父亲: 'PARENT', 母亲: 'PARENT', 父: 'PARENT', 母: 'PARENT', 爸爸: 'PARENT', 妈妈: 'PARENT', 养父: 'PARENT', 养母: 'PARENT', 继父: 'PARENT', 继母: 'PARENT',
  儿子: 'CHILD', 女儿: 'CHILD', 长子: 'CHILD', 次子: 'CHILD', 长女: 'CHILD', 次女: 'CHILD', 子: 'CHILD', 女: 'CHILD', 养子: 'CHILD', 养女: 'CHILD',
  祖父: 'GRANDPARENT', 祖母: 'GRANDPARENT', 外祖父: 'GRANDPARENT', 外祖母: 'GRANDPARENT', 爷爷: 'GRANDPARENT', 奶奶: 'GRANDPARENT', 外公: 'GRANDPARENT', 外婆: 'GRANDPARENT', 祖父母: 'GRANDPARENT', 外祖父母: 'GRANDPARENT',
  孙子: 'GRANDCHILD', 孙女: 'GRANDCHILD', 外孙: 'GRANDCHILD', 外孙子: 'GRANDCHILD', 外孙女: 'GRANDCHILD', 孙子女: 'GRANDCHILD', 外孙子女: 'GRANDCHILD',
  哥哥: 'SIBLING', 姐姐: 'SIBLING', 弟弟: 'SIBLING', 妹妹: 'SIBLING', 兄: 'SIBLING', 姐: 'SIBLING', 弟: 'SIBLING', 妹: 'SIBLING', 兄弟: 'SIBLING', 姐妹: 'SIBLING', 兄妹: 'SIBLING', 姐弟: 'SIBLING',
  伯父: 'UNCLE_AUNT', 叔父: 'UNCLE_AUNT', 叔叔: 'UNCLE_AUNT', 伯伯: 'UNCLE_AUNT', 姑母: 'UNCLE_AUNT', 姑姑: 'UNCLE_AUNT', 舅父: 'UNCLE_AUNT', 舅舅: 'UNCLE_AUNT', 姨母: 'UNCLE_AUNT', 姨妈: 'UNCLE_AUNT', 姨: 'UNCLE_AUNT',
  侄子: 'NEPHEW_NIECE', 侄女: 'NEPHEW_NIECE', 外甥: 'NEPHEW_NIECE', 外甥女: 'NEPHEW_NIECE', 侄: 'NEPHEW_NIECE',
  堂兄: 'COUSIN', 堂弟: 'COUSIN', 堂姐: 'COUSIN', 堂妹: 'COUSIN', 表兄: 'COUSIN', 表弟: 'COUSIN', 表姐: 'COUSIN', 表妹: 'COUSIN', 堂哥: 'COUSIN', 表哥: 'COUSIN',
  堂兄弟: 'COUSIN', 表兄弟: 'COUSIN', 堂姐妹: 'COUSIN', 表姐妹: 'COUSIN', 堂兄妹: 'COUSIN', 表兄妹: 'COUSIN', 堂姐弟: 'COUSIN', 表姐弟: 'COUSIN',
  岳父: 'PARENT_IN_LAW', 岳母: 'PARENT_IN_LAW', 公公: 'PARENT_IN_LAW', 婆婆: 'PARENT_IN_LAW', 配偶父亲: 'PARENT_IN_LAW', 配偶母亲: 'PARENT_IN_LAW',
  儿媳: 'CHILD_IN_LAW', 女婿: 'CHILD_IN_LAW', 儿媳妇: 'CHILD_IN_LAW',
  姐夫: 'SIBLING_IN_LAW', 妹夫: 'SIBLING_IN_LAW', 嫂子: 'SIBLING_IN_LAW', 嫂嫂: 'SIBLING_IN_LAW', 弟媳: 'SIBLING_IN_LAW', 弟妹: 'SIBLING_IN_LAW',
  大伯子: 'SIBLING_IN_LAW', 小叔子: 'SIBLING_IN_LAW', 大姑子: 'SIBLING_IN_LAW', 小姑子: 'SIBLING_IN_LAW', 内兄: 'SIBLING_IN_LAW', 内弟: 'SIBLING_IN_LAW',
  大舅子: 'SIBLING_IN_LAW', 小舅子: 'SIBLING_IN_LAW', 大姨子: 'SIBLING_IN_LAW', 小姨子: 'SIBLING_IN_LAW', 连襟: 'SIBLING_IN_LAW', 妯娌: 'SIBLING_IN_LAW',
  伯母: 'OTHER_IN_LAW', 婶婶: 'OTHER_IN_LAW', 婶母: 'OTHER_IN_LAW', 姑父: 'OTHER_IN_LAW', 舅妈: 'OTHER_IN_LAW', 舅母: 'OTHER_IN_LAW', 姨父: 'OTHER_IN_LAW', 姻亲: 'OTHER_IN_LAW',
  老师: 'TEACHER_STUDENT', 学生: 'TEACHER_STUDENT', 导师: 'TEACHER_STUDENT', 师徒: 'TEACHER_STUDENT',
  校友: 'CLASSMATE', 同窗: 'CLASSMATE',
  朋友: 'CLOSE_FRIEND', 好友: 'CLOSE_FRIEND', 挚友: 'CLOSE_FRIEND',
  其他: 'OTHER_TIE',
});

export const POOL_WORDS = vocabulary<PoolKind>(fromNames(POOL_KINDS, POOL_NAMES), { 人才库: 'SPECIALIST', 专业人才库: 'SPECIALIST', 组长: 'GROUP_LEADER', 副组长: 'DEPUTY_LEADER' });
// The roster and the ledgers call the specialist pool 人才库.
POOL_WORDS.write.SPECIALIST = '人才库';

export const POOL_STATUS_WORDS = vocabulary<PoolEntryStatus>(fromNames(POOL_ENTRY_STATUSES, POOL_STATUS_NAMES), { 入库: 'ACTIVE', 正常: 'ACTIVE', 退出: 'EXITED', 出库: 'EXITED', 审核中: 'PENDING' });

export const ROUND_KIND_WORDS = vocabulary<RoundKind>(
  { REGULAR: '常规', SPECIAL: '专项', MOBILE: '机动', LOOK_BACK: '回头看', ELEVATED: '提级', CROSS: '交叉', LINKED: '联动' } as Record<RoundKind, string>,
  { 常规巡察: 'REGULAR', 专项巡察: 'SPECIAL', 机动巡察: 'MOBILE', '“回头看”': 'LOOK_BACK', 提级巡察: 'ELEVATED', 交叉巡察: 'CROSS', 联动巡察: 'LINKED', 市县联动: 'LINKED' },
);

export const ROLE_WORDS = vocabulary<TeamRole>(fromNames(TEAM_ROLES, ROLE_NAMES), { 成员: 'MEMBER', 组员: 'MEMBER', 副组长: 'DEPUTY_LEADER', 组长: 'LEADER' });

export const GRADE_WORDS = vocabulary<Grade>({ EXCELLENT: '优秀', COMPETENT: '称职', BASICALLY_COMPETENT: '基本称职', INCOMPETENT: '不称职' });

/** Words that say a post is still held (任职结束 empty or one of these). */
export const STILL_HELD = new Set(['至今', '今', '现在', '在任']);

const DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

/** A date cell as YYYY-MM-DD (also 2020/5/1, 2020.05.01, 2020年5月1日), or null when it is not a real date. */
export function parseDate(text: string): string | null {
  const m = DATE.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return null;
  return dt.toISOString().slice(0, 10);
}

/** Several values in one cell: 、 ， , ； ; or spaces between them. */
export function splitList(text: string): string[] {
  return text
    .split(/[、，,；;\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The word written for several values. */
export const joinList = (xs: readonly string[]) => xs.join('、');

import iconv from 'iconv-lite';
import { cancelRefusal, dateChangeRefusal, decideAdvance, nextStatus, themeChangeRefusal } from '../../src/rounds/rules/lifecycle';
import { decideAuthorize } from '../../src/rounds/rules/authorization';
import { ROUND_STATUSES } from '../../src/rounds/rules/types';
import { normalizeCode, rankChangeRefusal } from '../../src/people/rules/corrections';
import { KINSHIP_WORDS, parseDate, RANK_WORDS, splitList } from '../../src/ledgers/rules/vocabulary';
import { RELATION_KINDS, RELATION_LABELS } from '../../src/people/rules/relation-kinds';
import { decodeCsv, formatOf } from '../../src/ledgers/sheet';

describe('calling a round off and changing its dates', () => {
  it('calls off only before stationing, and nothing moves a cancelled round', () => {
    expect(ROUND_STATUSES.filter((s) => cancelRefusal(s) === null)).toEqual(['PLANNING', 'AUTHORIZED']);
    expect(nextStatus('CANCELLED')).toBeNull();
    for (const to of ROUND_STATUSES) expect(decideAdvance('CANCELLED', to, [[]]).kind).toBe('INVALID');
    expect(decideAuthorize({ roundStatus: 'CANCELLED', leaderPersonId: 'p', teamId: 't', existing: [] }).ok).toBe(false);
  });

  const change = (status: (typeof ROUND_STATUSES)[number], nextStartsOn: string, nextEndsOn: string) =>
    dateChangeRefusal({ status, startsOn: '2025-06-01', endsOn: '2025-07-31', nextStartsOn, nextEndsOn, today: '2025-06-20' });

  it('moves both dates while planning or authorized, never the end before the start', () => {
    expect(change('PLANNING', '2025-05-01', '2025-05-31')).toBeNull();
    expect(change('AUTHORIZED', '2025-08-01', '2025-09-30')).toBeNull();
    expect(change('PLANNING', '2025-06-10', '2025-06-09')).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endsOn' });
  });

  it('while stationed only brings the end forward, not before today; afterwards nothing', () => {
    expect(change('STATIONED', '2025-06-01', '2025-06-20')).toBeNull();
    expect(change('STATIONED', '2025-06-01', '2025-06-19')).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endsOn' });
    expect(change('STATIONED', '2025-06-01', '2025-08-01')).toMatchObject({ code: 'CONFLICT', field: 'endsOn' });
    expect(change('STATIONED', '2025-06-02', '2025-07-31')).toMatchObject({ code: 'CONFLICT', field: 'startsOn' });
    for (const s of ['REPORTING', 'CLOSED', 'CANCELLED'] as const) expect(change(s, '2025-06-01', '2025-07-30')).toMatchObject({ code: 'CONFLICT' });
    expect(ROUND_STATUSES.filter((s) => themeChangeRefusal(s) === null)).toEqual(['PLANNING', 'AUTHORIZED']);
  });
});

describe('corrections to a person', () => {
  const lead = { role: 'DEPUTY_LEADER' as const, roundName: '2025年第1轮常规巡察', teamName: '第一巡察组', rankFloor: 'DEPUTY_SECTION' as const };
  it('refuses a rank below the floor of a team the person leads, names the team', () => {
    expect(rankChangeRefusal('张伟', 'STAFF', [lead])?.zh).toContain('第一巡察组副组长');
    expect(rankChangeRefusal('张伟', null, [lead])).not.toBeNull();
    expect(rankChangeRefusal('张伟', 'DEPUTY_SECTION', [lead])).toBeNull();
    expect(rankChangeRefusal('张伟', 'STAFF', [])).toBeNull();
  });
  it('keeps codes trimmed, empty as none, at most 50 characters', () => {
    expect(normalizeCode('  A-01 ')).toEqual({ ok: true, value: 'A-01' });
    expect(normalizeCode('   ')).toEqual({ ok: true, value: null });
    expect(normalizeCode('x'.repeat(51)).ok).toBe(false);
  });
});

describe('the ledgers\' words', () => {
  it('reads every kind by its own label and kinship words by the kind they give', () => {
    for (const k of RELATION_KINDS) expect(KINSHIP_WORDS.read.get(RELATION_LABELS[k].zh)).toBe(k);
    const cases: [string, string][] = [
      ['父亲', 'PARENT'], ['母亲', 'PARENT'], ['配偶', 'SPOUSE'], ['妻子', 'SPOUSE'], ['表兄弟', 'COUSIN'], ['堂妹', 'COUSIN'],
      ['岳母', 'PARENT_IN_LAW'], ['女婿', 'CHILD_IN_LAW'], ['姐夫', 'SIBLING_IN_LAW'], ['伯母', 'OTHER_IN_LAW'], ['外孙女', 'GRANDCHILD'], ['舅舅', 'UNCLE_AUNT'],
    ];
    for (const [word, kind] of cases) expect([word, KINSHIP_WORDS.read.get(word)]).toEqual([word, kind]);
    expect(RANK_WORDS.read.get('副县级')).toBe('DEPUTY_DIVISION');
  });
  it('reads dates as clerks write them, and refuses dates that do not exist', () => {
    expect(['2020-05-01', '2020/5/1', '2020.05.01', '2020年5月1日'].map(parseDate)).toEqual(Array(4).fill('2020-05-01'));
    expect(parseDate('2021-02-29')).toBeNull();
    expect(parseDate('五月')).toBeNull();
    expect(splitList('财务、审计，法律; 信访')).toEqual(['财务', '审计', '法律', '信访']);
  });
  it('tells UTF-8 (with or without BOM) from GB18030, and .xlsx from CSV', () => {
    const text = '姓名,关系\r\n张伟,表兄弟\r\n';
    expect(decodeCsv(Buffer.from(text, 'utf8'))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeCsv(iconv.encode(text, 'gb18030'))).toEqual({ text, encoding: 'gb18030' });
    expect(formatOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]))).toBe('xlsx');
    expect(formatOf(Buffer.from(text))).toBe('csv');
  });
});

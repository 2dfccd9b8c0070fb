/** Pure checks of corrections to a person's record. */
import type { Msg } from '../../common/i18n';
import { meetsRankFloor, Rank, RANK_NAMES } from './rank';

/** A team the person leads now (leader or deputy) in a round that is not over. */
export interface OpenLead {
  role: 'LEADER' | 'DEPUTY_LEADER';
  roundName: string;
  teamName: string;
  rankFloor: Rank;
}

const ROLE: Record<OpenLead['role'], Msg> = {
  LEADER: { zh: '组长', en: 'leader' },
  DEPUTY_LEADER: { zh: '副组长', en: 'deputy leader' },
};

/**
 * A rank the person may not take while leading: below the floor of a round they lead a team of
 * (as leader or deputy) and that has not closed. Null when the rank is fine.
 */
export function rankChangeRefusal(name: string, rank: Rank | null, leads: readonly OpenLead[]): Msg | null {
  const below = leads.filter((l) => !meetsRankFloor(rank, l.rankFloor));
  if (below.length === 0) return null;
  const l = below[0];
  const has = rank ? RANK_NAMES[rank] : { zh: '未登记', en: 'not recorded' };
  return {
    zh: `${name}现任${l.roundName}${l.teamName}${ROLE[l.role].zh}，须为${RANK_NAMES[l.rankFloor].zh}及以上，不能改为${has.zh}；请先调整巡察组`,
    en: `${name} is ${ROLE[l.role].en} of ${l.teamName} of ${l.roundName}, which needs ${RANK_NAMES[l.rankFloor].en} or above; the rank cannot become ${has.en}; change the team first`,
  };
}

/** A person's code as stored: trimmed, null when empty, at most 50 characters. */
export function normalizeCode(code: string | null | undefined): { ok: true; value: string | null } | { ok: false; message: Msg } {
  const v = (code ?? '').trim();
  if (!v) return { ok: true, value: null };
  if (v.length > 50) return { ok: false, message: { zh: '编号不能超过 50 个字符', en: 'A code must be at most 50 characters' } };
  return { ok: true, value: v };
}

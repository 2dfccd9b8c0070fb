/** Civil-service ranks (职级) in ascending order, and comparisons on them. */

export const RANKS = [
  'STAFF',
  'DEPUTY_SECTION',
  'SECTION',
  'DEPUTY_DIVISION',
  'DIVISION',
  'DEPUTY_BUREAU',
  'BUREAU',
] as const;
export type Rank = (typeof RANKS)[number];

export const RANK_NAMES: Record<Rank, { zh: string; en: string }> = {
  STAFF: { zh: '科员', en: 'staff' },
  DEPUTY_SECTION: { zh: '副科级', en: 'deputy section level' },
  SECTION: { zh: '正科级', en: 'section level' },
  DEPUTY_DIVISION: { zh: '副处级', en: 'deputy division level' },
  DIVISION: { zh: '正处级', en: 'division level' },
  DEPUTY_BUREAU: { zh: '副厅级', en: 'deputy bureau level' },
  BUREAU: { zh: '正厅级', en: 'bureau level' },
};

/** True when `rank` is known and at or above `floor`; an unknown rank never meets a floor. */
export function meetsRankFloor(rank: Rank | null | undefined, floor: Rank): boolean {
  if (rank == null) return false;
  return RANKS.indexOf(rank) >= RANKS.indexOf(floor);
}

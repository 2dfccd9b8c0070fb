import { DEFAULT_TEAM_RULES, resolveTeamRules, validateTeamRules } from '../../src/rounds/rules/team-rules';

const KNOWN = ['FINANCE', 'AUDIT', 'LAW'];

describe('team rules configuration', () => {
  it('defaults to the practice of DOMAIN.md', () => {
    expect(resolveTeamRules(null)).toEqual({
      minSize: 4,
      maxSize: 7,
      minDeputies: 1,
      maxDeputies: 2,
      maxTargets: 3,
      rankFloor: 'DEPUTY_SECTION',
      minFullTime: 1,
      requiredSpecialtiesAnyOf: ['FINANCE', 'AUDIT'],
      maxLeaveShare: 0.2,
    });
    expect(validateTeamRules(resolveTeamRules({}), KNOWN)).toEqual([]);
  });

  it('overrides only the fields given, without touching the defaults', () => {
    const r = resolveTeamRules({ maxSize: 9, requiredSpecialtiesAnyOf: ['LAW', 'LAW'], rankFloor: undefined });
    expect(r).toMatchObject({ maxSize: 9, minSize: 4, requiredSpecialtiesAnyOf: ['LAW'], rankFloor: 'DEPUTY_SECTION' });
    r.requiredSpecialtiesAnyOf.push('X');
    expect(DEFAULT_TEAM_RULES.requiredSpecialtiesAnyOf).toEqual(['FINANCE', 'AUDIT']);
  });

  it('names the field at fault', () => {
    const fields = (o: Parameters<typeof resolveTeamRules>[0]) => validateTeamRules(resolveTeamRules(o), KNOWN).map((p) => p.field);
    expect(fields({ minSize: 8 })).toEqual(['rules.minSize']);
    expect(fields({ minSize: 0 })).toEqual(['rules.minSize']);
    expect(fields({ maxTargets: 0 })).toEqual(['rules.maxTargets']);
    expect(fields({ minDeputies: 3 })).toEqual(['rules.minDeputies']);
    expect(fields({ maxSize: 2, minSize: 1 })).toEqual([]); // a leader and one deputy fit
    expect(fields({ maxSize: 1, minSize: 1 })).toEqual(['rules.minDeputies']);
    expect(fields({ minFullTime: 8 })).toEqual(['rules.minFullTime']);
    expect(fields({ minSize: 2.5 })).toEqual(['rules.minSize']);
    expect(fields({ requiredSpecialtiesAnyOf: ['FINANCE', 'ASTROLOGY'] })).toEqual(['rules.requiredSpecialtiesAnyOf']);
    expect(fields({ maxLeaveShare: 1.5 })).toEqual(['rules.maxLeaveShare']);
    expect(fields({ rankFloor: 'GENERAL' as never })).toEqual(['rules.rankFloor']);
  });
});

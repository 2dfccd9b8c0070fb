import fc from 'fast-check';
import { decideAuthorize, endedByClosing, revokedByLeaderChange, transition } from '../../src/rounds/rules/authorization';
import { AUTHORIZATION_STATUSES } from '../../src/rounds/rules/types';
import type { AuthorizationFact, RoundStatus } from '../../src/rounds/rules/types';

const auth = (over: Partial<AuthorizationFact>): AuthorizationFact => ({ id: 'a', roundId: 'r1', teamId: 't1', personId: 'p1', status: 'ACTIVE', ...over });

describe('authorization', () => {
  it('needs a leader and a round that is not closed', () => {
    expect(decideAuthorize({ roundStatus: 'PLANNING', leaderPersonId: null, teamId: 't1', existing: [] })).toMatchObject({ ok: false });
    const closed = decideAuthorize({ roundStatus: 'CLOSED', leaderPersonId: 'p1', teamId: 't1', existing: [] });
    expect(closed.ok).toBe(false);
    if (!closed.ok) expect(closed.message.en).toContain('closed');
    for (const s of ['PLANNING', 'AUTHORIZED', 'STATIONED', 'REPORTING'] as RoundStatus[]) {
      expect(decideAuthorize({ roundStatus: s, leaderPersonId: 'p1', teamId: 't1', existing: [] })).toEqual({ ok: true, revokeIds: [] });
    }
  });

  it("replaces the team's active authorization, and only that team's", () => {
    const existing = [auth({ id: 'a1' }), auth({ id: 'a0', status: 'REVOKED' }), auth({ id: 'b1', teamId: 't2' })];
    expect(decideAuthorize({ roundStatus: 'AUTHORIZED', leaderPersonId: 'p2', teamId: 't1', existing })).toEqual({ ok: true, revokeIds: ['a1'] });
  });

  it('revokes on a leader change and ends on closing', () => {
    const existing = [auth({ id: 'a1' }), auth({ id: 'b1', teamId: 't2' }), auth({ id: 'c1', teamId: 't3', roundId: 'r2' })];
    expect(revokedByLeaderChange(existing, 't1')).toEqual(['a1']);
    expect(endedByClosing(existing, 'r1')).toEqual(['a1', 'b1']);
  });

  it('changes only ACTIVE authorizations; REVOKED and ENDED are final', () => {
    expect(transition('ACTIVE', 'REVOKE')).toBe('REVOKED');
    expect(transition('ACTIVE', 'END')).toBe('ENDED');
    for (const s of AUTHORIZATION_STATUSES.filter((x) => x !== 'ACTIVE')) {
      expect(transition(s, 'REVOKE')).toBeNull();
      expect(transition(s, 'END')).toBeNull();
    }
  });

  /** Plays random operations on one round of two teams through the rules, as the service does. */
  it('keeps at most one ACTIVE authorization per team, held by its current leader, none after closing', () => {
    type Op = { kind: 'authorize' | 'removeLeader' | 'assignLeader' | 'close'; team: 't1' | 't2'; person: string };
    const opArb = fc.record<Op>({
      kind: fc.constantFrom('authorize', 'removeLeader', 'assignLeader', 'close'),
      team: fc.constantFrom('t1', 't2'),
      person: fc.constantFrom('p1', 'p2', 'p3'),
    });
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 30 }), (ops) => {
        let status: RoundStatus = 'PLANNING';
        const leaders = new Map<string, string | null>([
          ['t1', null],
          ['t2', null],
        ]);
        let auths: AuthorizationFact[] = [];
        const binding = new Map<string, string>();
        let n = 0;
        const apply = (ids: string[], event: 'REVOKE' | 'END') => {
          auths = auths.map((a) => (ids.includes(a.id) ? { ...a, status: transition(a.status, event) ?? a.status } : a));
        };
        for (const op of ops) {
          if (op.kind === 'close') {
            if (status === 'CLOSED') continue;
            status = 'CLOSED';
            apply(endedByClosing(auths, 'r1'), 'END');
          } else if (op.kind === 'removeLeader') {
            if (status === 'CLOSED' || leaders.get(op.team) == null) continue;
            leaders.set(op.team, null);
            apply(revokedByLeaderChange(auths, op.team), 'REVOKE');
          } else if (op.kind === 'assignLeader') {
            if (status === 'CLOSED' || leaders.get(op.team) != null) continue;
            leaders.set(op.team, op.person);
          } else {
            const d = decideAuthorize({ roundStatus: status, leaderPersonId: leaders.get(op.team) ?? null, teamId: op.team, existing: auths });
            if (!d.ok) continue;
            apply(d.revokeIds, 'REVOKE');
            const id = `a${++n}`;
            auths.push({ id, roundId: 'r1', teamId: op.team, personId: leaders.get(op.team)!, status: 'ACTIVE' });
            binding.set(id, `${op.team}/${leaders.get(op.team)}`);
          }
          for (const team of ['t1', 't2']) {
            const active = auths.filter((a) => a.teamId === team && a.status === 'ACTIVE');
            expect(active.length).toBeLessThanOrEqual(1);
            if (active[0]) expect(active[0].personId).toBe(leaders.get(team));
          }
          if (status === 'CLOSED') expect(auths.filter((a) => a.status === 'ACTIVE')).toEqual([]);
          for (const a of auths) expect(`${a.teamId}/${a.personId}`).toBe(binding.get(a.id));
        }
      }),
    );
  });
});

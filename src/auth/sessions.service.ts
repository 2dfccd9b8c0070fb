import { In, IsNull } from 'typeorm';
import { Ctx, SessionInfo } from '../context';
import { Clock } from '../common/clock';
import { instantFromRaw, instantToRaw } from '../db/columns';
import { Database } from '../db/data-source';
import { inTransaction } from '../db/transaction';
import { AuditKind } from '../audit/audit.entity';
import { appendAudit } from '../audit/audit.service';
import { AuthAccount } from './access';
import { Tokens } from './jwt';
import { ALL_ROLES, Role } from './roles';
import { parseStoredSettings, SecuritySettingsData } from './rules/security-settings';
import { absoluteEnd, lastSeenIsStale, SessionEndReason, SessionRestriction, sessionState } from './rules/sessions';
import { Session } from './session.entity';
import { Region } from '../regions/region.entity';
import { loadSecuritySettings } from './security-settings.service';

/** What one request learns from its token: the account, the session, the settings in force. */
export interface Authenticated {
  account: AuthAccount;
  session: SessionInfo;
  settings: SecuritySettingsData;
  /** The account's regions as rows (read with the session; the request's region loader starts with them). */
  regions: Region[];
}

interface SessionRow {
  account_id: string;
  created_at: unknown;
  last_seen_at: unknown;
  ended_at: unknown;
  restriction: SessionRestriction | null;
  username: string;
  roles: string;
  person_id: string | null;
  disabled: number | boolean | string;
  region_id: string | null;
  region_path: string | null;
  region_code: string;
  region_name: string;
  region_level: Region['level'];
  region_parent_id: string | null;
  settings: string | null;
}

/**
 * The hot path of every request: the session, its account, the account's regions (one row per
 * region, the whole region row) and the security settings in ONE statement.
 */
const SESSION_SQL = `SELECT s.account_id AS account_id, s.created_at AS created_at, s.last_seen_at AS last_seen_at,
  s.ended_at AS ended_at, s.restriction AS restriction, a.username AS username, a.roles AS roles,
  a.person_id AS person_id, a.disabled AS disabled, r.id AS region_id, r.path AS region_path,
  r.code AS region_code, r.name AS region_name, r.level AS region_level, r.parent_id AS region_parent_id, st.value AS settings
FROM sessions s
INNER JOIN accounts a ON a.id = s.account_id
LEFT JOIN account_regions ar ON ar.account_id = s.account_id
LEFT JOIN regions r ON r.id = ar.region_id
LEFT JOIN security_settings st ON st.id = 'security'
WHERE s.id = ?`;

export interface AuthenticateDeps {
  db: Database;
  tokens: Tokens;
  authClock: Clock;
  clock: Clock;
}

/**
 * The signed-in account of a bearer token, or null: the token must be valid (signature, issuer,
 * exp) and name an active session of an enabled account. One statement; a second only when the
 * session's last-seen time is a minute old (it is then written), or when the session has just
 * timed out (it is then marked ended and the end recorded, once).
 */
export async function authenticate(deps: AuthenticateDeps, token: string, meta: { requestId: string; clientAddress: string | null }): Promise<Authenticated | null> {
  const now = deps.authClock.now();
  const claims = await deps.tokens.verify(token, now);
  if (!claims) return null;
  const rows: SessionRow[] = await deps.db.dataSource.query(SESSION_SQL, [claims.sessionId]);
  const first = rows[0];
  if (!first || first.account_id !== claims.accountId) return null;
  const settings = parseStoredSettings(first.settings, ALL_ROLES);
  const times = { createdAt: instantFromRaw(first.created_at)!, lastSeenAt: instantFromRaw(first.last_seen_at)!, endedAt: instantFromRaw(first.ended_at) };
  const state = sessionState(times, now, settings);
  if (state === 'IDLE' || state === 'EXPIRED') {
    await endTimedOutSession(deps, claims, state, meta, now);
    return null;
  }
  if (state !== 'ACTIVE' || Number(first.disabled)) return null;
  if (lastSeenIsStale(times.lastSeenAt, now) && claimLastSeenWrite(claims.sessionId, times.lastSeenAt, now)) {
    await inTransaction(deps.db.dataSource, (em) =>
      em.createQueryBuilder().update(Session).set({ lastSeenAt: now }).where('id = :id AND last_seen_at < :now', { id: claims.sessionId, now: instantToRaw(now) }).execute(),
    );
  }
  const regions = rows.filter((r) => r.region_id);
  return {
    account: {
      id: first.account_id,
      username: first.username,
      roles: first.roles ? (first.roles.split(',') as Role[]) : [],
      regionIds: regions.map((r) => r.region_id!),
      regionPaths: regions.map((r) => r.region_path!),
      personId: first.person_id,
    },
    session: { id: claims.sessionId, accountId: first.account_id, createdAt: times.createdAt, restriction: first.restriction },
    settings,
    regions: regions.map((r) =>
      Object.assign(Object.create(Region.prototype) as Region, { id: r.region_id!, code: r.region_code, name: r.region_name, level: r.region_level, parentId: r.region_parent_id, path: r.region_path! }),
    ),
  };
}

/** Sessions whose last-seen time this process is writing or has written, with the time written. */
const lastSeenWrites = new Map<string, number>();

/**
 * Whether this request writes the session's last-seen time: only one of the requests that find
 * it stale at the same time does (the others would write the same minute again).
 */
function claimLastSeenWrite(sessionId: string, lastSeenAt: Date, now: Date): boolean {
  const written = lastSeenWrites.get(sessionId);
  if (written !== undefined && written > lastSeenAt.getTime() && !lastSeenIsStale(new Date(written), now)) return false;
  if (lastSeenWrites.size >= 10_000) lastSeenWrites.clear();
  lastSeenWrites.set(sessionId, now.getTime());
  return true;
}

/** Marks a timed-out session ended and records it; only the first request to find it does. */
async function endTimedOutSession(deps: AuthenticateDeps, claims: { sessionId: string; accountId: string }, state: 'IDLE' | 'EXPIRED', meta: { requestId: string; clientAddress: string | null }, now: Date) {
  await inTransaction(deps.db.dataSource, async (em) => {
    const ended = await em
      .createQueryBuilder()
      .update(Session)
      .set({ endedAt: now, endReason: state })
      .where('id = :id AND ended_at IS NULL', { id: claims.sessionId })
      .execute();
    if (!ended.affected) return;
    await appendAudit(em, [
      {
        kind: AuditKind.SESSION_ENDED,
        operation: 'session',
        accountId: claims.accountId,
        username: null,
        clientAddress: meta.clientAddress,
        reason: state,
        details: null,
        targetIds: [claims.sessionId],
        personIds: [],
        requestId: meta.requestId,
        at: deps.clock.now(),
      },
    ]);
  });
}

/** Opens a session for an account (in the caller's transaction) and signs its token. */
export async function openSession(ctx: Ctx, tokens: Tokens, accountId: string, restriction: SessionRestriction | null): Promise<{ session: Session; token: string }> {
  const now = ctx.authClock.now();
  const session = Object.assign(new Session(), { accountId, createdAt: now, lastSeenAt: now, endedAt: null, endReason: null, restriction, clientAddress: ctx.clientAddress?.slice(0, 64) ?? null });
  await ctx.em.insert(Session, session);
  return { session, token: await tokenFor(ctx, tokens, session) };
}

/** A fresh token for a session, valid until its absolute end. */
export async function tokenFor(ctx: Ctx, tokens: Tokens, session: Pick<Session, 'id' | 'accountId' | 'createdAt'>): Promise<string> {
  const settings = await loadSecuritySettings(ctx);
  return tokens.sign({ sessionId: session.id, accountId: session.accountId, issuedAt: ctx.authClock.now(), expiresAt: absoluteEnd(session.createdAt, settings) });
}

/**
 * Ends an account's open sessions (all, all but one, or one), in the caller's transaction, and
 * records it. Returns how many ended.
 */
export async function endSessions(ctx: Ctx, accountId: string, reason: SessionEndReason, which: { except?: string; only?: string } = {}): Promise<number> {
  const open = await ctx.em.find(Session, { where: { accountId, endedAt: IsNull(), ...(which.only ? { id: which.only } : {}) }, select: { id: true } });
  const ids = open.map((s) => s.id).filter((id) => id !== which.except);
  if (ids.length === 0) return 0;
  await ctx.em.update(Session, { id: In(ids), endedAt: IsNull() }, { endedAt: ctx.authClock.now(), endReason: reason });
  ctx.recordEvent({ kind: AuditKind.SESSION_ENDED, accountId, reason, targetIds: ids, details: { sessions: ids.length } });
  return ids.length;
}

/** An account's sessions that are still active (not ended, not timed out), newest first. */
export async function activeSessions(ctx: Ctx, accountId: string): Promise<Session[]> {
  const [open, settings] = await Promise.all([
    ctx.em.find(Session, { where: { accountId, endedAt: IsNull() }, order: { createdAt: 'DESC', id: 'DESC' } }),
    loadSecuritySettings(ctx),
  ]);
  const now = ctx.authClock.now();
  return open.filter((s) => sessionState(s, now, settings) === 'ACTIVE');
}

export function mySessions(ctx: Ctx): Promise<Session[]> {
  return activeSessions(ctx, ctx.auth.signedIn().id);
}

/** Ends this session, or every session of the signed-in account (allowed to a restricted session too). */
export async function signOut(ctx: Ctx, allSessions: boolean): Promise<number> {
  const account = ctx.auth.signedInForSetup();
  const current = ctx.session!;
  const ended = await endSessions(ctx, account.id, 'SIGNED_OUT', allSessions ? {} : { only: current.id });
  ctx.recordEvent({ kind: AuditKind.SIGN_OUT, targetIds: [current.id], details: { allSessions, sessions: ended } });
  return ended;
}

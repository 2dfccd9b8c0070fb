import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { Config } from '../config';

const ISSUER = 'inspection-personnel-service';

/**
 * The signing key: JWT_SECRET when set (required in production); otherwise a random secret kept
 * beside the embedded database, so that tokens survive restarts in development.
 */
export function resolveJwtSecret(config: Config): Uint8Array {
  if (config.jwtSecret) return new TextEncoder().encode(config.jwtSecret);
  const file = path.join(config.dataDir, 'jwt-secret');
  fs.mkdirSync(config.dataDir, { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
  return new TextEncoder().encode(fs.readFileSync(file, 'utf8').trim());
}

/** What a valid token names: a session of an account. */
export interface TokenClaims {
  sessionId: string;
  accountId: string;
}

/**
 * Login tokens: HS256 JWTs naming a server-side session (`sid`) and its account (`sub`), valid
 * until the session's absolute end (`exp`, required: a token without one is refused). The
 * session row decides whether the token still works.
 */
export class Tokens {
  constructor(private readonly key: Uint8Array) {}

  sign(claims: TokenClaims & { issuedAt: Date; expiresAt: Date }): Promise<string> {
    return new SignJWT({ sid: claims.sessionId })
      .setProtectedHeader({ alg: 'HS256' })
      .setJti(randomBytes(12).toString('base64url'))
      .setSubject(claims.accountId)
      .setIssuer(ISSUER)
      .setIssuedAt(Math.floor(claims.issuedAt.getTime() / 1000))
      .setExpirationTime(Math.floor(claims.expiresAt.getTime() / 1000))
      .sign(this.key);
  }

  /** The session and account of a valid token at `now`, or null. */
  async verify(token: string, now: Date): Promise<TokenClaims | null> {
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, algorithms: ['HS256'], requiredClaims: ['exp', 'sub', 'sid'], currentDate: now });
      return typeof payload.sub === 'string' && typeof payload.sid === 'string' ? { sessionId: payload.sid, accountId: payload.sub } : null;
    } catch {
      return null;
    }
  }
}

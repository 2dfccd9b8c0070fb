/** Every environment variable the service reads, parsed and checked once. */
import path from 'node:path';
import { describeViolations, policyViolations } from './auth/rules/password-policy';
import { DEFAULT_SECURITY_SETTINGS, passwordPolicyOf } from './auth/rules/security-settings';

export type Dialect = 'sqlite' | 'mysql';

export interface Config {
  env: 'production' | 'development' | 'test';
  port: number;
  host: string;
  /** Normalized database location. */
  database: { dialect: 'sqlite'; file: string } | { dialect: 'mysql'; url: string };
  /** Where the embedded database and the development JWT secret live. */
  dataDir: string;
  jwtSecret: string | null;
  bootstrapAdmin: { username: string; password: string } | null;
  logLevel: string;
  /** Whether introspection is allowed (off in production). */
  introspection: boolean;
  /** Whether GET /graphql serves GraphiQL from the service's own packages (GRAPHQL_IDE; off in production by default). */
  graphqlIde: boolean;
  /** Seconds to wait for in-flight requests on SIGTERM before giving up. */
  shutdownGraceSeconds: number;
  /**
   * Separation of duties (三员分立): ADMIN loses the account, security and audit powers to
   * SECURITY_ADMIN and AUDIT_ADMIN, no account holds two of the three, nobody audits themselves.
   */
  separationOfDuties: boolean;
  /** express's "trust proxy": which proxies' X-Forwarded-For names the client address (false: none). */
  trustProxy: boolean | number | string;
  /** Avoidance evaluations of at least this many (person, unit) pairs run in a worker thread. */
  avoidanceWorkerPairs: number;
  /** Seconds after which an avoidance evaluation in a worker is stopped. */
  avoidanceTimeoutSeconds: number;
}

export class ConfigError extends Error {}

export function parseDatabaseUrl(url: string | undefined, dataDir: string): Config['database'] {
  if (!url) return { dialect: 'sqlite', file: path.join(dataDir, 'inspection.sqlite') };
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length).replace(/^\/\//, '');
    if (!file) throw new ConfigError('DATABASE_URL sqlite: needs a file path, e.g. sqlite:./data/app.sqlite');
    return { dialect: 'sqlite', file: path.resolve(file) };
  }
  if (/^(mysql|mariadb):\/\//.test(url)) return { dialect: 'mysql', url: url.replace(/^mariadb:/, 'mysql:') };
  throw new ConfigError(`DATABASE_URL must start with sqlite: or mysql:// (got "${url.split(':')[0]}:")`);
}

/** The default of AVOIDANCE_WORKER_PAIRS: about 50 ms of the rules on this kind of machine (bench/README.md). */
export const AVOIDANCE_WORKER_PAIRS = 10_000;
export const AVOIDANCE_TIMEOUT_SECONDS = 30;

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new ConfigError(`${name} must be a positive number (got "${raw}")`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const nodeEnv = env.NODE_ENV === 'production' ? 'production' : env.NODE_ENV === 'test' ? 'test' : 'development';
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number (got "${env.PORT}")`);
  const dataDir = path.resolve(env.DATA_DIR ?? 'data');
  const jwtSecret = env.JWT_SECRET || null;
  if (nodeEnv === 'production' && !jwtSecret) throw new ConfigError('JWT_SECRET is required when NODE_ENV=production');
  if (jwtSecret && jwtSecret.length < 32) throw new ConfigError('JWT_SECRET must be at least 32 characters');
  const u = env.BOOTSTRAP_ADMIN_USERNAME;
  const p = env.BOOTSTRAP_ADMIN_PASSWORD;
  if ((u && !p) || (!u && p)) throw new ConfigError('BOOTSTRAP_ADMIN_USERNAME and BOOTSTRAP_ADMIN_PASSWORD go together');
  if (u && p) {
    // The password policy's defaults: the settings live in the database, which is empty then.
    const broken = policyViolations(p, u, passwordPolicyOf(DEFAULT_SECURITY_SETTINGS));
    if (broken.length) throw new ConfigError(`BOOTSTRAP_ADMIN_PASSWORD: ${describeViolations(broken, passwordPolicyOf(DEFAULT_SECURITY_SETTINGS)).en}`);
  }
  const sod = (env.SEPARATION_OF_DUTIES ?? 'off').toLowerCase();
  if (sod !== 'on' && sod !== 'off') throw new ConfigError(`SEPARATION_OF_DUTIES must be on or off (got "${env.SEPARATION_OF_DUTIES}")`);
  const ide = (env.GRAPHQL_IDE ?? (nodeEnv === 'production' ? 'off' : 'on')).toLowerCase();
  if (ide !== 'on' && ide !== 'off') throw new ConfigError(`GRAPHQL_IDE must be on or off (got "${env.GRAPHQL_IDE}")`);
  return {
    env: nodeEnv,
    port,
    host: env.HOST ?? '0.0.0.0',
    database: parseDatabaseUrl(env.DATABASE_URL, dataDir),
    dataDir,
    jwtSecret,
    bootstrapAdmin: u && p ? { username: u, password: p } : null,
    logLevel: env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    introspection: nodeEnv !== 'production',
    graphqlIde: ide === 'on',
    shutdownGraceSeconds: positive(env, 'SHUTDOWN_GRACE_SECONDS', 20),
    avoidanceWorkerPairs: positive(env, 'AVOIDANCE_WORKER_PAIRS', AVOIDANCE_WORKER_PAIRS),
    avoidanceTimeoutSeconds: positive(env, 'AVOIDANCE_TIMEOUT_SECONDS', AVOIDANCE_TIMEOUT_SECONDS),
    separationOfDuties: sod === 'on',
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
  };
}

/** TRUST_PROXY: unset or "false" trusts no proxy; "true", a hop count, or addresses/subnets as express takes them. */
export function parseTrustProxy(value: string | undefined): boolean | number | string {
  if (!value || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

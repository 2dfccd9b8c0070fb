import http from 'node:http';
import { randomUUID } from 'node:crypto';
import express, { ErrorRequestHandler, Express, Request } from 'express';
import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { Logger } from 'pino';
import { Access } from './auth/access';
import { resolveJwtSecret, Tokens } from './auth/jwt';
import { authenticate, Authenticated } from './auth/sessions.service';
import { appendAuditGrouped, privateReadRecord } from './audit/audit.service';
import { Clock, systemClock } from './common/clock';
import { localeFrom, localize, Msg, msg } from './common/i18n';
import { stopIdleWorkers } from './common/worker';
import { Config } from './config';
import { createContext, Ctx } from './context';
import { createDatabase, Database } from './db/data-source';
import { byId, primeById } from './db/loaders';
import { oneMatrixPerRequest } from './avoidance/avoidance.resolver';
import { INTERNAL, makeFormatError, localizeErrors, withRequestLocale } from './graphql/errors';
import { costLimit, CostOptions } from './graphql/limits';
import { allEntities, allPersonGrants, modules } from './modules';
import { createLogger } from './observability/logger';
import { createMetrics, Metrics } from './observability/metrics';
import { Region } from './regions/region.entity';
import { getSchema } from './schema';
import { mountGraphiql } from './ide/graphiql';

export interface ServerOptions {
  config: Config;
  clock?: Clock;
  /** The clock of sessions, lockouts, password age and TOTP (default: the system clock). */
  authClock?: Clock;
  log?: Logger;
  db?: Database;
}

export interface Server {
  app: Express;
  httpServer: http.Server;
  db: Database;
  log: Logger;
  metrics: Metrics;
  tokens: Tokens;
  /** Starts Apollo and mounts /graphql; the database must be initialized and migrated. */
  start(): Promise<void>;
  /**
   * Stops accepting requests, closes idle keep-alive connections, lets in-flight requests finish
   * (closing their connections after `drainMillis`), then closes the database. Calling it again,
   * also while it runs, gives the same promise.
   */
  stop(): Promise<void>;
}

/** Builds the HTTP app and the Apollo server. Nothing happens until start(). */
export function createServer(opts: ServerOptions): Server {
  const { config } = opts;
  const clock = opts.clock ?? systemClock;
  const authClock = opts.authClock ?? systemClock;
  const log = opts.log ?? createLogger(config.logLevel);
  const db = opts.db ?? createDatabase(config, allEntities(), log);
  const metrics = createMetrics(() => db.counter.total);
  const tokens = new Tokens(resolveJwtSecret(config));
  const app = express();
  app.disable('x-powered-by');
  // Which proxies may name the client address in X-Forwarded-For (none unless TRUST_PROXY says).
  app.set('trust proxy', config.trustProxy);
  const httpServer = http.createServer(app);

  // Request id and access log (no bodies, no headers: they may carry tokens or personal data).
  app.use((req, res, next) => {
    const incoming = req.header('x-request-id');
    const requestId = incoming && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    res.setHeader('x-request-id', requestId);
    (req as Request & { id: string }).id = requestId;
    const started = process.hrtime.bigint();
    const path = req.originalUrl.split('?')[0];
    log.debug({ reqId: requestId, method: req.method, path }, 'request started');
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeLabel(req);
      metrics.httpDuration.observe({ method: req.method, route, status: String(res.statusCode) }, seconds);
      log.info({ reqId: requestId, method: req.method, path, status: res.statusCode, ms: Math.round(seconds * 1000) }, 'request');
    });
    next();
  });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const ready = await databaseAnswers(db);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'database unavailable' });
  });
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  const personGrants = allPersonGrants();

  /**
   * Builds the request context: the session and account the bearer token names (one statement,
   * see authenticate), locale, loaders.
   */
  async function contextFor(req: Request): Promise<Ctx & { tokens: Tokens }> {
    const requestId = (req as Request & { id?: string }).id ?? randomUUID();
    const clientAddress = req.ip ?? null;
    const header = req.header('authorization');
    let signedIn: Authenticated | null = null;
    if (header?.startsWith('Bearer ')) {
      signedIn = await authenticate({ db, tokens, authClock, clock }, header.slice(7).trim(), { requestId, clientAddress });
    }
    const restriction = signedIn?.session.restriction ?? null;
    const ctx = createContext({
      requestId,
      locale: localeFrom(req.header('accept-language')),
      account: signedIn?.account ?? null,
      session: signedIn?.session ?? null,
      securitySettings: signedIn?.settings ?? null,
      clientAddress,
      db,
      clock,
      authClock,
      config,
      log: log.child({ reqId: requestId }),
      makeAccess: (c, a) => new Access(a, (id) => byId(c, Region).load(id), { separationOfDuties: config.separationOfDuties, restriction }),
      personGrants,
    });
    // The account's regions came with the session: checks and filters on them read nothing.
    if (signedIn) primeById(ctx, Region, signedIn.regions);
    return Object.assign(ctx, { tokens });
  }

  for (const m of modules) m.routes?.(app, { context: contextFor });

  let apollo: ApolloServer<Ctx> | undefined;
  let stopped: Promise<void> | undefined;
  // In-flight requests get most of the shutdown grace; the rest is for closing the database.
  const drainMillis = Math.max(0, config.shutdownGraceSeconds * 1000 - Math.min(5000, config.shutdownGraceSeconds * 250));
  return {
    app,
    httpServer,
    db,
    log,
    metrics,
    tokens,
    async start() {
      const armor = new ApolloArmor({
        maxDepth: { n: 12 },
        maxAliases: { n: 20 },
        maxDirectives: { n: 20 },
        maxTokens: { n: 4000 },
        // Counted below, with the operation's variables (armor's rule sees only literals).
        costLimit: { enabled: false },
        blockFieldSuggestion: { enabled: config.env === 'production' },
      });
      const protection = armor.protect();
      apollo = new ApolloServer<Ctx>({
        schema: await getSchema(),
        introspection: config.introspection,
        ...protection,
        validationRules: [...protection.validationRules, oneMatrixPerRequest],
        // main.ts handles SIGTERM/SIGINT: drain, close the database, exit.
        stopOnTerminationSignals: false,
        plugins: [
          ...protection.plugins,
          costLimit(COST),
          ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: drainMillis }),
          // Apollo installs these by default (cache control always; tracing and usage reporting
          // with some settings): they wrap every field, and the service uses none of them. No
          // HTTP caching of private data either.
          ApolloServerPluginCacheControlDisabled(),
          // Apollo's landing page loads Apollo Sandbox from a CDN, blank on a network without
          // internet access: GraphiQL is served from the service's own packages instead.
          ApolloServerPluginLandingPageDisabled(),
          ApolloServerPluginInlineTraceDisabled(),
          ApolloServerPluginUsageReportingDisabled(),
          auditPrivateReads,
          localizeErrors,
          {
            async requestDidStart() {
              return {
                async willSendResponse({ response, operation }) {
                  const failed = response.body.kind === 'single' && (response.body.singleResult.errors?.length ?? 0) > 0;
                  metrics.graphqlOperations.inc({ type: operation?.operation ?? 'unknown', outcome: failed ? 'error' : 'ok' });
                },
              };
            },
          },
        ],
        formatError: makeFormatError(log),
      });
      await apollo.start();
      if (config.graphqlIde) mountGraphiql(app);
      // A route (not app.use), so that /metrics labels it by express's matched route.
      app.all('/graphql', express.json({ limit: BODY_LIMIT }), withRequestLocale, expressMiddleware(apollo, { context: async ({ req }) => contextFor(req) }));
      app.use(answerErrorsInJson(log));
    },
    stop() {
      // Once only: Apollo's stop() called a second time while the first runs never resolves
      // (@apollo/server 5.5 resolves its stop barrier only on failure).
      stopped ??= (async () => {
        // The drain plugin stops new connections, closes idle ones and waits for in-flight requests.
        if (apollo) await apollo.stop();
        else if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
        await stopIdleWorkers();
        for (const m of modules) await m.stop?.();
        if (db.dataSource.isInitialized) await db.dataSource.destroy();
      })();
      return stopped;
    },
  };
}

/**
 * After a request that read private facts (ctx.notePrivateRead), one audit record lists the
 * persons. It is written before the response leaves (with the records of other requests that
 * finish meanwhile, in one transaction): when it cannot be, the response carries no data, only
 * an error, so that no private fact is read unrecorded.
 */
const auditPrivateReads: ApolloServerPlugin<Ctx> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue: ctx, response, operation }) {
        const fields = operation?.selectionSet.selections.flatMap((s) => (s.kind === 'Field' ? [s.name.value] : [])) ?? [];
        const record = privateReadRecord(ctx, fields.join(',') || 'query');
        if (!record || response.body.kind !== 'single') return;
        try {
          await appendAuditGrouped(ctx.db, record);
        } catch (e) {
          ctx.log.error({ err: e instanceof Error ? { message: e.message, stack: e.stack } : e }, 'private read not recorded');
          const text = msg('服务器内部错误，请稍后再试', 'Internal server error, please try again later');
          response.body.singleResult.data = null;
          response.body.singleResult.errors = [{ message: localize(text, ctx.locale), extensions: { code: 'INTERNAL_SERVER_ERROR' } }];
        }
      },
    };
  },
};

/** The query cost limit (graphql-armor's formula: `first` multiplies what a field selects). */
const COST: CostOptions = { maxCost: 50000, objectCost: 2, scalarCost: 1, depthCostFactor: 1.5 };
const BODY_LIMIT = '2mb';

/**
 * The metrics label of a request: the route express matched (its pattern, e.g.
 * `/exports/attendance-notices/:file`), or one label for every path no route matched, so that
 * requests for arbitrary paths cannot grow /metrics.
 */
function routeLabel(req: Request): string {
  const route = (req as Request & { route?: { path?: unknown } }).route;
  return route && typeof route.path === 'string' ? `${req.baseUrl}${route.path}` : 'unmatched';
}

/**
 * Errors that reach express (a body that is not JSON, a body over the limit, anything a route
 * throws) answered as a GraphQL-shaped JSON error in the request's language, in every mode:
 * never express's HTML page with a stack trace.
 */
function answerErrorsInJson(log: Logger): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) return next(err);
    const e = err as { type?: string; status?: number; statusCode?: number };
    const status = e.status ?? e.statusCode ?? 500;
    let code = 'BAD_USER_INPUT';
    let text: Msg;
    if (e.type === 'entity.parse.failed') text = msg('请求体不是有效的 JSON', 'The request body is not valid JSON');
    else if (e.type === 'entity.too.large') text = msg(`请求体超过 ${BODY_LIMIT.toUpperCase()} 的上限`, `The request body is over the limit of ${BODY_LIMIT.toUpperCase()}`);
    else if (status >= 400 && status < 500) text = msg('无法读取请求体', 'The request body could not be read');
    else {
      code = 'INTERNAL_SERVER_ERROR';
      text = INTERNAL;
      log.error({ err: err instanceof Error ? { message: err.message, stack: err.stack } : err, path: req.path }, 'unexpected error');
    }
    res.status(code === 'INTERNAL_SERVER_ERROR' ? 500 : status).json({ errors: [{ message: localize(text, localeFrom(req.header('accept-language'))), extensions: { code } }] });
  };
}

async function databaseAnswers(db: Database): Promise<boolean> {
  if (!db.dataSource.isInitialized) return false;
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), 2000);
    });
    await Promise.race([db.dataSource.query('SELECT 1'), timeout]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

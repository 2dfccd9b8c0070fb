import { bootstrapAdmin } from './auth/accounts.service';
import { randomPassword } from './auth/password';
import { runMigrations } from './db/migrate';
import { createServer, Server, ServerOptions } from './server';

/**
 * Opens the database, runs the migrations (under a database lock), creates the first ADMIN on
 * an empty database, and starts the GraphQL server; the caller listens.
 */
export async function bootServer(opts: ServerOptions): Promise<{ server: Server; generatedAdmin: { username: string; password: string } | null }> {
  const server = createServer(opts);
  await server.db.dataSource.initialize();
  const applied = await runMigrations(server.db.dataSource);
  if (applied.length) server.log.info({ migrations: applied }, 'migrations applied');
  const now = (opts.authClock ?? { now: () => new Date() }).now();
  const admin = await bootstrapAdmin(server.db.dataSource.manager, opts.config.bootstrapAdmin, randomPassword, now, opts.config.separationOfDuties);
  await server.start();
  return { server, generatedAdmin: admin && admin.password ? { username: admin.username, password: admin.password } : null };
}

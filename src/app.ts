import { bootstrapAdmin, enabledAccountsWithRole } from './auth/accounts.service';
import { Role } from './auth/roles';
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
  if (opts.config.separationOfDuties) {
    // Under separation of duties only a SECURITY_ADMIN manages accounts: say so when there is none.
    for (const role of [Role.SECURITY_ADMIN, Role.AUDIT_ADMIN]) {
      if ((await enabledAccountsWithRole(server.db.dataSource.manager, role)) === 0) server.log.warn({ role }, 'separation of duties is on but no enabled account holds this role');
    }
  }
  await server.start();
  return { server, generatedAdmin: admin && admin.password ? { username: admin.username, password: admin.password } : null };
}

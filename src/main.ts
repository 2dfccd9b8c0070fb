import 'reflect-metadata';
import { ConfigError, loadConfig } from './config';
import { bootServer } from './app';

/** Process entry: config → database → migrations → listen; SIGTERM drains and exits 0. */
async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`configuration error: ${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
  const { server, generatedAdmin } = await bootServer({ config });
  if (generatedAdmin) {
    // Shown once, on the console only (never in the JSON log).
    process.stdout.write(
      `\nFirst ${config.separationOfDuties ? 'SECURITY_ADMIN' : 'ADMIN'} account created: username "${generatedAdmin.username}", ` +
        `password "${generatedAdmin.password}" (to be changed at the first sign-in)\n` +
        'Set BOOTSTRAP_ADMIN_USERNAME/BOOTSTRAP_ADMIN_PASSWORD to choose them instead.\n\n',
    );
  }
  await new Promise<void>((resolve) => server.httpServer.listen(config.port, config.host, resolve));
  const address = server.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  server.log.info({ port, database: config.database.dialect, pid: process.pid }, `listening on http://localhost:${port}/graphql`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    server.log.info({ signal }, 'draining');
    const force = setTimeout(() => {
      server.log.error('drain timed out');
      process.exit(1);
    }, config.shutdownGraceSeconds * 1000);
    force.unref();
    try {
      await server.stop();
      server.log.info('stopped: requests drained, database closed');
      process.exit(0);
    } catch (e) {
      server.log.error({ err: e }, 'error while stopping');
      process.exit(1);
    }
  };
  // The only termination handlers (Apollo's own are off: see server.ts).
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((e) => {
  process.stderr.write(`failed to start: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});

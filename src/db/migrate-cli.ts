import 'reflect-metadata';
import { loadConfig } from '../config';
import { allEntities } from '../modules';
import { createDatabase } from './data-source';
import { runMigrations } from './migrate';

/** `npm run migrate`: applies pending migrations; `npm run migrate -- down` reverts the last one. */
async function main() {
  const config = loadConfig();
  const db = createDatabase(config, allEntities());
  await db.dataSource.initialize();
  try {
    if (process.argv[2] === 'down') {
      await db.dataSource.undoLastMigration({ transaction: 'each' });
      process.stdout.write('reverted the last migration\n');
    } else {
      const applied = await runMigrations(db.dataSource);
      process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'nothing to apply\n');
    }
  } finally {
    await db.dataSource.destroy();
  }
}
main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : e}\n`);
  process.exit(1);
});

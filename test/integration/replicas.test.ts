import { TARGET, freshDatabase, FreshDatabase } from '../support/db';
import { startServiceProcess, ServiceProcess } from '../support/process';
import { ADMIN } from '../support/server';
import { ok, postGraphql } from '../support/graphql-client';

// Replicas share a networked database; SQLite is embedded in one process.
const describeMysql = TARGET === 'mysql' ? describe : describe.skip;

describeMysql('two replicas starting at once on an empty database', () => {
  let db: FreshDatabase;
  let replicas: ServiceProcess[] = [];
  beforeAll(async () => {
    db = await freshDatabase();
  });
  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.stop('SIGKILL')));
    await db.drop();
  });

  test('both start: migrations run once under the lock, one ADMIN account exists', async () => {
    replicas = await Promise.all([0, 1].map(() => startServiceProcess({ DATABASE_URL: db.url, DATA_DIR: db.dataDir })));
    for (const r of replicas) {
      const token = ok(await postGraphql(r.url, 'mutation($i: LoginInput!) { login(input: $i) { token } }', { i: ADMIN })).login.token;
      expect(ok(await postGraphql(r.url, '{ me { username roles } }', {}, { token })).me).toEqual({ username: 'admin', roles: ['ADMIN'] });
    }
    const applied = replicas.map((r) => (r.output().match(/"migrations applied"/g) ?? []).length);
    expect(applied.sort()).toEqual([0, 1]);
  });
});

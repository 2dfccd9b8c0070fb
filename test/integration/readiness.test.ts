import { TARGET } from '../support/db';
import { startTestServer, TestServer } from '../support/server';
import { TcpProxy } from '../support/tcp-proxy';

// A database that goes away and comes back only exists for a networked database.
const describeMysql = TARGET === 'mysql' ? describe : describe.skip;

describeMysql('/readyz across a database restart', () => {
  let proxy: TcpProxy;
  let t: TestServer;
  beforeAll(async () => {
    const target = new URL(process.env.DATABASE_URL!);
    proxy = new TcpProxy(target.hostname, Number(target.port || 3306));
    await proxy.up();
    // The server reaches its fresh database only through the proxy.
    t = await startTestServer({ databaseUrl: (url) => Object.assign(new URL(url), { host: `127.0.0.1:${proxy.port}` }).toString() });
  });
  afterAll(async () => {
    await proxy.up();
    await t.close();
    await proxy.down();
  });

  const ready = async () => (await fetch(`${t.url}/readyz`)).status;

  test('is 503 while the database is down and 200 again once it is back, without a restart', async () => {
    expect(await ready()).toBe(200);
    await proxy.down();
    expect(await ready()).toBe(503);
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    await proxy.up();
    // The pool drops the connections that died and opens new ones; a few probes at most.
    let status = 0;
    for (let i = 0; i < 5 && status !== 200; i++) status = await ready();
    expect(status).toBe(200);
    const me = await t.gql('{ me { username } }', {}, { token: t.adminToken });
    expect(me.data?.me.username).toBe('admin');
  });
});

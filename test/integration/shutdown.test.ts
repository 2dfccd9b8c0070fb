import http from 'node:http';
import { freshDatabase, FreshDatabase } from '../support/db';
import { requestInFlight, startServiceProcess, ServiceProcess, waitForOutput } from '../support/process';

/**
 * SIGTERM on the real service process, on the test's database (SQLite, or MariaDB with
 * DATABASE_URL): an idle keep-alive connection does not hold it, an in-flight request completes,
 * the database is closed and the process exits 0. The grace is far longer than the test may
 * take, so the process ending at all is what shows that nothing waited for it. Development
 * mode, where Apollo would install termination handlers of its own.
 */

function get(url: string, agent: http.Agent): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode!, text }));
      })
      .on('error', reject);
  });
}

let db: FreshDatabase;
let svc: ServiceProcess;
beforeAll(async () => {
  db = await freshDatabase();
  svc = await startServiceProcess({ DATABASE_URL: db.url, DATA_DIR: db.dataDir, LOG_LEVEL: 'debug', NODE_ENV: 'development', SHUTDOWN_GRACE_SECONDS: '3600' });
});
afterAll(async () => {
  await svc.stop('SIGKILL');
  await db.drop();
});

test('SIGTERM drains an in-flight request, leaves no idle keep-alive connection waiting, closes the database and exits 0', async () => {
  // A keep-alive connection, used and then left idle and open.
  const agent = new http.Agent({ keepAlive: true });
  expect((await get(`${svc.url}/healthz`, agent)).status).toBe(200);
  expect((await get(`${svc.url}/readyz`, agent)).status).toBe(200);
  expect(Object.values(agent.freeSockets).flat()).toHaveLength(1);

  // A request in flight: its headers and the start of its body sent.
  const inFlight = requestInFlight(svc, '{ __typename }', 'req-draining');
  await waitForOutput(svc, '"reqId":"req-draining"');

  const exited = svc.stop('SIGTERM');
  await waitForOutput(svc, '"draining"');
  inFlight.finish();
  const done = await inFlight.response;
  expect(done.status).toBe(200);
  expect(JSON.parse(done.text)).toEqual({ data: { __typename: 'Query' } });
  expect(await exited).toBe(0);
  expect(svc.output()).toContain('database closed');
  expect(svc.output()).not.toContain('drain timed out');
  agent.destroy();
});

import { startServiceProcess, ServiceProcess, waitForOutput } from '../support/process';
import { freshDatabase, FreshDatabase } from '../support/db';

describe('a service process', () => {
  let db: FreshDatabase;
  let svc: ServiceProcess;
  beforeAll(async () => {
    db = await freshDatabase();
    svc = await startServiceProcess({ DATABASE_URL: db.url, DATA_DIR: db.dataDir, LOG_LEVEL: 'debug' });
  });
  afterAll(async () => {
    await svc.stop('SIGKILL');
    await db.drop();
  });

  test('answers health, readiness and metrics', async () => {
    expect((await fetch(`${svc.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${svc.url}/readyz`)).status).toBe(200);
    const metrics = await (await fetch(`${svc.url}/metrics`)).text();
    expect(metrics).toContain('http_request_duration_seconds');
    expect(metrics).toContain('process_cpu_user_seconds_total');
  });

  test('logs JSON lines with a request id, never the password', async () => {
    const res = await fetch(`${svc.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-lifecycle-1' },
      body: JSON.stringify({ query: 'mutation { login(input: {username: "admin", password: "secret-guess-123"}) { token } }' }),
    });
    expect(res.headers.get('x-request-id')).toBe('req-lifecycle-1');
    await waitForOutput(svc, '"reqId":"req-lifecycle-1","method":"POST","path":"/graphql","status"');
    const line = svc.output().split('\n').find((l) => l.includes('"reqId":"req-lifecycle-1"') && l.includes('"status"'))!;
    expect(JSON.parse(line)).toMatchObject({ reqId: 'req-lifecycle-1', path: '/graphql', status: 200 });
    expect(svc.output()).not.toContain('secret-guess-123');
  });
  // SIGTERM: shutdown.test.ts.
});

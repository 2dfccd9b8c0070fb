import http from 'node:http';
import { startServiceProcess, ServiceProcess } from '../support/process';
import { freshDatabase, FreshDatabase } from '../support/db';

/** Resolves when the process has printed `text`. */
function waitForOutput(p: ServiceProcess, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (p.output().includes(text)) {
        p.child.stdout!.off('data', check);
        resolve();
      }
    };
    p.child.stdout!.on('data', check);
    p.child.once('exit', () => reject(new Error(`exited before printing "${text}":\n${p.output()}`)));
    check();
  });
}

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

  test('SIGTERM lets an in-flight request finish, then exits 0', async () => {
    const { port } = new URL(svc.url);
    const body = JSON.stringify({ query: '{ __typename }' });
    // Send the headers and half the body: the request is in flight until the rest arrives.
    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-request-id': 'req-in-flight' };
      const req = http.request({ host: '127.0.0.1', port: Number(port), path: '/graphql', method: 'POST', headers }, (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode!, text }));
      });
      req.on('error', reject);
      req.write(body.slice(0, 5));
      (svc as ServiceProcess & { finish?: () => void }).finish = () => req.end(body.slice(5));
    });
    // The server has the request once it logs its start.
    await waitForOutput(svc, '"reqId":"req-in-flight"');
    const exited = svc.stop('SIGTERM');
    await waitForOutput(svc, '"draining"');
    (svc as ServiceProcess & { finish?: () => void }).finish!();
    const done = await response;
    expect(done.status).toBe(200);
    expect(JSON.parse(done.text)).toEqual({ data: { __typename: 'Query' } });
    expect(await exited).toBe(0);
  });
});

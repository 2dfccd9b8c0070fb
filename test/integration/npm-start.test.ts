import { ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { freshDatabase, FreshDatabase } from '../support/db';
import { ADMIN, TEST_JWT_SECRET } from '../support/server';

/**
 * `npm start` as a supervisor runs it (systemd, a container runtime, a shell's kill): SIGTERM to
 * npm's own process reaches the service, which drains and exits, so npm exits and the port
 * closes. (With a prestart step and a plain `node …` script the shell between npm and node died
 * and node kept running.)
 */
const ROOT = path.resolve(__dirname, '../..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

function connects(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

let db: FreshDatabase;
/** What to kill should the test fail half-way, so that no process outlives it. */
const started: { npm?: ChildProcess; servicePid?: number } = {};
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(async () => {
  if (started.npm && started.npm.exitCode === null && started.npm.signalCode === null) started.npm.kill('SIGKILL');
  if (started.servicePid && alive(started.servicePid)) process.kill(started.servicePid, 'SIGKILL');
  await db.drop();
});

test('SIGTERM to npm start stops the service: npm exits, no node process is left, the port closes', async () => {
  const port = await freePort();
  const npm = spawn('npm', ['start', '--silent'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: db.url,
      DATA_DIR: db.dataDir,
      JWT_SECRET: TEST_JWT_SECRET,
      BOOTSTRAP_ADMIN_USERNAME: ADMIN.username,
      BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.npm = npm;
  let out = '';
  npm.stdout!.on('data', (d) => (out += d));
  npm.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => npm.once('exit', (code, signal) => resolve({ code, signal })));
  // The pipe closes when every process writing to it (npm and the service) has ended.
  const outputEnded = new Promise<void>((resolve) => npm.stdout!.once('close', () => resolve()));

  // The service logs its own pid when it listens (after the build npm start runs first).
  const servicePid = await new Promise<number>((resolve, reject) => {
    const check = () => {
      const line = out.split('\n').find((l) => l.includes('"listening on'));
      if (line) resolve(JSON.parse(line).pid);
    };
    npm.stdout!.on('data', check);
    npm.once('exit', () => reject(new Error(`npm start exited before listening:\n${out}`)));
  });
  started.servicePid = servicePid;
  expect(servicePid).not.toBe(npm.pid);
  expect(alive(servicePid)).toBe(true);
  expect(await connects(port)).toBe(true);

  npm.kill('SIGTERM');
  // npm forwards the signal to the service and exits 0 when it has stopped; npm itself may also
  // end by the signal (its forwarding done): either way the service must drain and exit.
  const { code, signal } = await exited;
  expect(code === 0 || signal === 'SIGTERM').toBe(true);
  // Bounded: a service left running keeps the pipe open, and that is the failure to report.
  let bound: NodeJS.Timeout | undefined;
  const ended = await Promise.race([outputEnded.then(() => true), new Promise<boolean>((r) => (bound = setTimeout(() => r(false), 60_000)))]);
  clearTimeout(bound);
  expect(ended).toBe(true);
  expect(out).toContain('database closed');
  // The service has closed its output and exits; wait (bounded) for its process to be gone.
  for (let i = 0; i < 100 && alive(servicePid); i++) await new Promise((r) => setTimeout(r, 50));
  expect(alive(servicePid)).toBe(false);
  expect(await connects(port)).toBe(false);
  // npm start compiles first: a cold TypeScript build on a busy machine takes minutes.
}, 600_000);

import { ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { TEST_JWT_SECRET, ADMIN } from './server';

const ROOT = path.resolve(__dirname, '../..');

export interface ServiceProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/**
 * Starts the service as a separate process (src/main.ts through @swc-node/register), as a
 * replica would run, and waits until /healthz answers.
 */
export async function startServiceProcess(env: Record<string, string>): Promise<ServiceProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(ROOT, 'src/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(port),
      HOST: '127.0.0.1',
      JWT_SECRET: TEST_JWT_SECRET,
      BOOTSTRAP_ADMIN_USERNAME: ADMIN.username,
      BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'info',
      SWC_NODE_PROJECT: path.join(ROOT, 'tsconfig.json'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  // Wait for health, bounded by attempts (each attempt waits on a real connection, not a timer).
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`service exited early (${child.exitCode}):\n${out}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (attempt > 600) throw new Error(`service did not become healthy:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    child,
    output: () => out,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null) return child.exitCode;
      child.kill(signal);
      return exited;
    },
  };
}

/** Resolves when the process has printed `text` (rejects if it exits first). */
export function waitForOutput(p: ServiceProcess, text: string): Promise<void> {
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

/**
 * A POST to /graphql left in flight: its headers and the first bytes of its body are sent;
 * `finish()` sends the rest, and `response` resolves when the answer arrives.
 */
export function requestInFlight(p: ServiceProcess, query: string, requestId: string): { response: Promise<{ status: number; text: string }>; finish(): void } {
  const { port } = new URL(p.url);
  const body = JSON.stringify({ query });
  let finish!: () => void;
  const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
    const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-request-id': requestId };
    const req = http.request({ host: '127.0.0.1', port: Number(port), path: '/graphql', method: 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode!, text }));
    });
    req.on('error', reject);
    req.write(body.slice(0, 5));
    finish = () => req.end(body.slice(5));
  });
  return { response, finish };
}

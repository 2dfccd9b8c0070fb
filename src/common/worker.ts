/**
 * Heavy pure work off the event loop: worker threads with a time limit, and a question channel
 * so that a worker can ask the main thread for more data while it works (the main thread keeps
 * the database). Both halves live here: `runInWorker` on the main thread, `serveWorkerJob` in
 * the worker's entry file.
 *
 * Workers are kept between jobs (at most one per core, one job each at a time): a fresh worker
 * runs its first job in cold, unoptimised code, about twice as slow. A worker over its time
 * limit is terminated and replaced on demand; idle workers do not keep the process alive.
 *
 * The entry file is named without extension and resolved next to this module's own kind of file:
 * `.js` when the service runs compiled (dist/), `.ts` when it runs from source (tests, through
 * @swc-node/register, which the worker then registers for itself).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';

export interface WorkerJob {
  /** The entry file's absolute path without its extension, e.g. path.join(__dirname, 'x.worker'). */
  entry: string;
  /** Given to the worker (structured clone: plain data, Maps and Sets). */
  data: unknown;
  /** The worker is stopped and the job fails with `onTimeout()` after this long. */
  timeoutMs: number;
  onTimeout: () => Error;
  /** Answers what the worker asks through `ask` (the answer goes back to it). */
  answer?: (question: unknown) => Promise<unknown>;
}

type ToWorker = { type: 'job'; data: unknown } | { type: 'answer'; body: unknown };
type FromWorker = { type: 'ask'; body: unknown } | { type: 'result'; body: unknown } | { type: 'error'; message: string; stack?: string };

const fromSource = path.extname(__filename) === '.ts';

/** The tsconfig.json nearest above this file, for @swc-node/register in a worker run from source. */
function tsconfig(): string | undefined {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'tsconfig.json');
    if (fs.existsSync(file)) return file;
    if (path.dirname(dir) === dir) return undefined;
  }
}

function spawn(entry: string): Worker {
  if (!fromSource) return new Worker(`${entry}.js`);
  const project = process.env.SWC_NODE_PROJECT ?? tsconfig();
  const code = `require('@swc-node/register'); require(${JSON.stringify(`${entry}.ts`)});`;
  return new Worker(code, { eval: true, env: { ...process.env, ...(project ? { SWC_NODE_PROJECT: project } : {}) } });
}

/** A new worker that leaves the idle list if it ever exits. */
function spawnFor(entry: string): Worker {
  const worker = spawn(entry);
  worker.once('exit', () => idle.set(entry, (idle.get(entry) ?? []).filter((w) => w !== worker)));
  return worker;
}

// At most as many jobs at once as there are cores; the others wait their turn.
const slots = Math.max(1, os.availableParallelism());
let running = 0;
const waiting: (() => void)[] = [];
/** Idle workers by entry file. */
const idle = new Map<string, Worker[]>();

async function slot(): Promise<() => void> {
  if (running >= slots) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  return () => {
    running--;
    waiting.shift()?.();
  };
}

/** Jobs running in workers now (a gauge for /metrics). */
export const workerJobsRunning = () => running;

/** Terminates the idle workers (running jobs finish first: a server stops after draining its requests). */
export async function stopIdleWorkers(): Promise<void> {
  const all = [...idle.values()].flat();
  idle.clear();
  await Promise.all(all.map((w) => w.terminate()));
}

/** Runs a job in a worker thread; resolves with what the worker's function returns. */
export async function runInWorker<T>(job: WorkerJob): Promise<T> {
  const release = await slot();
  try {
    const worker = idle.get(job.entry)?.pop() ?? spawnFor(job.entry);
    worker.ref();
    return await new Promise<T>((resolve, reject) => {
      let settled = false;
      const finish = (reusable: boolean, f: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        if (reusable) {
          worker.unref();
          idle.set(job.entry, [...(idle.get(job.entry) ?? []), worker]);
        } else {
          void worker.terminate();
        }
        f();
      };
      const timer = setTimeout(() => finish(false, () => reject(job.onTimeout())), job.timeoutMs);
      const onMessage = (m: FromWorker) => {
        if (m.type === 'result') finish(true, () => resolve(m.body as T));
        else if (m.type === 'error') finish(true, () => reject(Object.assign(new Error(m.message), { stack: m.stack })));
        else if (!job.answer) finish(false, () => reject(new Error('the worker asked a question this job does not answer')));
        else {
          job.answer(m.body).then(
            (body) => settled || worker.postMessage({ type: 'answer', body } satisfies ToWorker),
            (e) => finish(false, () => reject(e)),
          );
        }
      };
      const onError = (e: Error) => finish(false, () => reject(e));
      const onExit = (code: number) => finish(false, () => reject(new Error(`worker exited (${code}) without a result`)));
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      worker.postMessage({ type: 'job', data: job.data } satisfies ToWorker);
    });
  } finally {
    release();
  }
}

function typedArrayBuffers(body: unknown): ArrayBuffer[] {
  if (!body || typeof body !== 'object') return [];
  return Object.values(body).filter((v): v is ArrayBufferView => ArrayBuffer.isView(v)).map((v) => v.buffer as ArrayBuffer);
}

/**
 * The worker's side: runs `work` on each job's data and posts its result (or its error). `ask`
 * sends a question to the main thread and resolves with the answer.
 */
export function serveWorkerJob<In, Out>(work: (data: In, ask: (question: unknown) => Promise<unknown>) => Out | Promise<Out>): void {
  if (isMainThread || !parentPort) throw new Error('serveWorkerJob runs in a worker thread');
  const port = parentPort;
  let answer: ((body: unknown) => void) | undefined;
  const ask = (question: unknown) =>
    new Promise<unknown>((resolve) => {
      answer = resolve;
      port.postMessage({ type: 'ask', body: question } satisfies FromWorker);
    });
  port.on('message', (m: ToWorker) => {
    if (m.type === 'answer') {
      const a = answer;
      answer = undefined;
      a?.(m.body);
      return;
    }
    Promise.resolve()
      .then(() => work(m.data as In, ask))
      .then(
        // Typed arrays at the top of the result are moved to the main thread, not copied.
        (body) => port.postMessage({ type: 'result', body } satisfies FromWorker, typedArrayBuffers(body)),
        (e: unknown) => port.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e), stack: e instanceof Error ? e.stack : undefined } satisfies FromWorker),
      );
  });
}

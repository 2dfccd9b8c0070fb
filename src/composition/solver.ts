/**
 * Runs HiGHS (the WebAssembly build of the `highs` package) off the event loop, in a worker
 * thread kept for the life of the process: requests and health checks keep answering while a
 * program is solved, and the WebAssembly module is compiled once.
 *
 * The worker's code is `runHighs` and `workerMain` below, handed to the worker as source text
 * (`eval`), so the same thing runs from the compiled dist/ and from the TypeScript sources under
 * jest; both functions use nothing from their surroundings. The path of the `highs` package is
 * resolved here and passed in. A solve that overruns its time limit by more than a grace period
 * ends the worker, which is started again for the next request.
 */
import { Worker } from 'node:worker_threads';
import type { SolverModel } from './rules/model';

export interface SolveRequest {
  model: SolverModel;
  timeLimitSeconds: number;
}

export interface SolveResult {
  /** OPTIMAL: proven; LIMIT: stopped by the time limit (or another limit) with `colValue` the best found; NONE: no solution. */
  status: 'OPTIMAL' | 'LIMIT' | 'NONE';
  colValue: number[] | null;
  objective: number | null;
  /** The proven lower bound (HiGHS's MIP dual bound). */
  bound: number | null;
  millis: number;
}

/** Solves one program with a loaded HiGHS runtime. Self-contained: it also runs inside the worker. */
export function runHighs(highs: any, req: SolveRequest): SolveResult {
  const started = Date.now();
  const m = req.model;
  if (m.numCols === 0) return { status: 'OPTIMAL', colValue: [], objective: 0, bound: 0, millis: 0 };
  const inf = highs.infinity;
  const fin = (xs: number[]) => xs.map((x) => (x === Infinity ? inf : x === -Infinity ? -inf : x));
  const model = highs.createModel({
    numCols: m.numCols,
    numRows: m.numRows,
    colCost: m.colCost,
    colLower: m.colLower,
    colUpper: fin(m.colUpper),
    rowLower: fin(m.rowLower),
    rowUpper: fin(m.rowUpper),
    matrix: { format: 'csr', numRows: m.numRows, numCols: m.numCols, starts: m.starts, indices: m.indices, values: m.values },
    integrality: m.integrality,
  });
  try {
    model.options.set({ output_flag: false, time_limit: req.timeLimitSeconds, mip_rel_gap: 0, mip_abs_gap: 1e-6, random_seed: 1 });
    model.setSolution({ colValue: m.start });
    model.run();
    const codes = highs.constants.modelStatus;
    const status = model.getModelStatus();
    const solution = model.getSolution();
    const has = solution && solution.colValue && solution.colValue.length === m.numCols && model.info.get('primal_solution_status') === 2;
    const bound = Number(model.info.get('mip_dual_bound'));
    return {
      status: status === codes.optimal ? 'OPTIMAL' : has ? 'LIMIT' : 'NONE',
      colValue: has ? Array.from(solution.colValue as ArrayLike<number>) : null,
      objective: has ? model.getObjectiveValue() : null,
      bound: Number.isFinite(bound) ? bound : null,
      millis: Date.now() - started,
    };
  } finally {
    model.dispose();
  }
}

/** The worker's loop: load HiGHS once, then answer each message with its result or its error. */
function workerMain(run: typeof runHighs) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parentPort, workerData } = require('node:worker_threads');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ready = require(workerData.highsPath)();
  parentPort.on('message', (msg: { id: number; req: SolveRequest }) => {
    ready.then(
      (highs: unknown) => {
        try {
          parentPort.postMessage({ id: msg.id, result: run(highs, msg.req) });
        } catch (e) {
          parentPort.postMessage({ id: msg.id, error: String((e as Error)?.stack ?? e) });
        }
      },
      (e: unknown) => parentPort.postMessage({ id: msg.id, error: `HiGHS did not load: ${String(e)}` }),
    );
  });
}

const WORKER_SOURCE = `const runHighs = ${runHighs.toString()};\n(${workerMain.toString()})(runHighs);\n`;

/** Time allowed beyond the solver's own limit (loading, building, reading back) before the worker is ended. */
const GRACE_MS = 15_000;

interface Pending {
  resolve(r: SolveResult): void;
  reject(e: Error): void;
  timer: NodeJS.Timeout;
}

class SolverThread {
  private worker: Worker | null = null;
  private seq = 0;
  private pending = new Map<number, Pending>();
  /** Solves run one after another on the one thread. */
  private queue: Promise<unknown> = Promise.resolve();

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { highsPath: require.resolve('highs') } });
    worker.unref();
    worker.on('message', (m: { id: number; result?: SolveResult; error?: string }) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      clearTimeout(p.timer);
      if (m.error !== undefined) p.reject(new Error(`solver failed: ${m.error}`));
      else p.resolve(m.result!);
    });
    const fail = (e: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const [id, p] of this.pending) {
        clearTimeout(p.timer);
        p.reject(e);
        this.pending.delete(id);
      }
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`solver thread ended (${code})`)));
    this.worker = worker;
    return worker;
  }

  solve(req: SolveRequest): Promise<SolveResult> {
    const run = () =>
      new Promise<SolveResult>((resolve, reject) => {
        const worker = this.start();
        const id = ++this.seq;
        const timer = setTimeout(() => {
          // Overran its limit: end the thread (a WebAssembly solve cannot be interrupted otherwise).
          void worker.terminate();
        }, req.timeLimitSeconds * 1000 + GRACE_MS);
        timer.unref();
        this.pending.set(id, { resolve, reject, timer });
        worker.postMessage({ id, req });
      });
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  async stop(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }
}

const thread = new SolverThread();

/** Solves a program on the solver thread within its time limit. */
export const solveOffThread = (req: SolveRequest): Promise<SolveResult> => thread.solve(req);

/** Ends the solver thread (it starts again on the next solve). */
export const stopSolver = (): Promise<void> => thread.stop();

import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * No import circle in src/ (type-only imports included): features point inward (resolvers →
 * services → rules), and what several features share lives in neutral files (src/feature.ts,
 * src/context.ts, src/access/). Imports are read by TypeScript's own pre-processor.
 */
const SRC = path.resolve(__dirname, '../../src');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? files(p) : d.name.endsWith('.ts') ? [p] : [];
  });
}

function resolve(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts')]) if (fs.existsSync(candidate)) return candidate;
  return null;
}

function graph(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const f of files(SRC)) {
    const imports = ts.preProcessFile(fs.readFileSync(f, 'utf8'), true, true).importedFiles;
    out.set(
      f,
      imports.map((i) => resolve(f, i.fileName)).filter((x): x is string => x !== null && x.startsWith(SRC)),
    );
  }
  return out;
}

/** Every cycle found by a depth-first walk, as the chain of files (relative to src/). */
function cycles(g: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string) => {
    state.set(f, 'open');
    stack.push(f);
    for (const next of g.get(f) ?? []) {
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next].map((x) => path.relative(SRC, x)));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of g.keys()) if (!state.has(f)) visit(f);
  return found;
}

test('src/ has no import circle', () => {
  const g = graph();
  expect(g.size).toBeGreaterThan(100);
  expect(cycles(g).map((c) => c.join(' → '))).toEqual([]);
});

test('the walk finds a circle when there is one', () => {
  const g = new Map([
    ['/s/a.ts', ['/s/b.ts']],
    ['/s/b.ts', ['/s/c.ts']],
    ['/s/c.ts', ['/s/a.ts']],
  ]);
  expect(cycles(g)).toHaveLength(1);
});

import fs from 'node:fs';
import path from 'node:path';

/**
 * package-lock.json is complete, so that `npm ci` accepts it on any machine: it names what
 * package.json asks for, and every optional dependency of every locked package (the other
 * platforms' native binaries included) is locked too. A lock written from one machine's
 * node_modules can lack them; `npm run lock` writes a complete one.
 */
const ROOT = path.resolve(__dirname, '../..');
const LOCK_FILE = process.env.LOCK_FILE ?? path.join(ROOT, 'package-lock.json');

interface Locked {
  version?: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

const lock = JSON.parse(fs.readFileSync(LOCK_FILE, 'utf8')) as { lockfileVersion: number; packages: Record<string, Locked> };
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Locked;

/** Where npm would find `name` from the package at `from` (its own node_modules, then each ancestor's). */
function resolve(from: string, name: string): string | undefined {
  for (let dir = from; ; ) {
    const candidate = `${dir ? `${dir}/` : ''}node_modules/${name}`;
    if (lock.packages[candidate]) return candidate;
    if (!dir) return undefined;
    const at = dir.lastIndexOf('node_modules/');
    dir = at <= 0 ? '' : dir.slice(0, at - 1);
  }
}

test('the lock names exactly the dependencies of package.json', () => {
  expect(lock.lockfileVersion).toBe(3);
  const root = lock.packages[''];
  expect(root.dependencies).toEqual(pkg.dependencies);
  expect(root.devDependencies).toEqual(pkg.devDependencies);
});

test('every dependency and optional dependency of every locked package is locked', () => {
  const missing: string[] = [];
  for (const [where, entry] of Object.entries(lock.packages)) {
    for (const name of [...Object.keys(entry.dependencies ?? {}), ...Object.keys(entry.optionalDependencies ?? {})]) {
      if (!resolve(where, name)) missing.push(`${where || '(root)'} → ${name}`);
    }
  }
  expect(missing).toEqual([]);
});

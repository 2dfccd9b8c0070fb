import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { printServiceSchema } from './schema';

/** Writes schema/schema.graphql from the code (`npm run schema`). */
printServiceSchema().then((sdl) => {
  const file = path.resolve(__dirname, '../../schema/schema.graphql');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, sdl);
  process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
});

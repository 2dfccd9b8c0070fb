import fs from 'node:fs';
import path from 'node:path';
import { printServiceSchema } from '../../src/schema';

test('schema/schema.graphql is the schema the code builds (run `npm run schema` after API changes)', async () => {
  const committed = fs.readFileSync(path.resolve(__dirname, '../../schema/schema.graphql'), 'utf8');
  expect(await printServiceSchema()).toBe(committed);
});

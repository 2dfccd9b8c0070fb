import { DataSource } from 'typeorm';
import { allMigrations } from '../../migrations';
import { parseDatabaseUrl } from '../../src/config';
import { instantToRaw } from '../../src/db/columns';
import { dataSourceOptions } from '../../src/db/data-source';
import { allEntities } from '../../src/modules';
import { runMigrations } from '../../src/db/migrate';
import { newId } from '../../src/db/ids';
import { hashPassword } from '../../src/auth/password';
import { AuditEntry } from '../../src/audit/audit.entity';
import { checkLinks, GENESIS_HASH } from '../../src/audit/rules/chain';
import { freshDatabase, FreshDatabase } from '../support/db';

/**
 * The account-security migration on a database in use: accounts keep signing in with their
 * passwords (now the first of their history), and the records already in the audit log become
 * the start of the hash chain, in id order.
 */
let db: FreshDatabase;
let ds: DataSource;
beforeAll(async () => {
  db = await freshDatabase();
  ds = new DataSource({ ...dataSourceOptions(parseDatabaseUrl(db.url, db.dataDir), allEntities()), migrations: allMigrations.filter((m) => m.name !== 'AccountSecurity1763800000000') });
  await ds.initialize();
  await runMigrations(ds);
});
afterAll(async () => {
  if (ds.isInitialized) await ds.destroy();
  await db.drop();
});

test('existing accounts get their password history; existing audit records are chained', async () => {
  const accountId = newId();
  const created = instantToRaw(new Date('2025-05-01T08:00:00.123Z'));
  await ds.query("INSERT INTO accounts (id, username, password_hash, roles, person_id, disabled, created_at) VALUES (?, 'old', ?, 'ADMIN', NULL, 0, ?)", [accountId, await hashPassword('Old-Pass-2024'), created]);
  const recordIds = [newId(), newId(), newId()];
  for (const [i, id] of recordIds.entries()) {
    await ds.query('INSERT INTO audit_log (id, account_id, operation, target_ids, at, request_id) VALUES (?, ?, ?, ?, ?, ?)', [id, accountId, 'createPerson', `p${i} r${i}`, instantToRaw(new Date(Date.UTC(2025, 4, 1, 9, 0, i, 7))), `q${i}`]);
  }
  await ds.destroy();

  ds = new DataSource(dataSourceOptions(parseDatabaseUrl(db.url, db.dataDir), allEntities()));
  await ds.initialize();
  expect(await runMigrations(ds)).toEqual(['AccountSecurity1763800000000']);

  const history = await ds.query('SELECT account_id, hash FROM password_history');
  const [account] = await ds.query('SELECT password_hash, password_changed_at, must_change_password, failed_sign_ins FROM accounts');
  expect(history).toEqual([{ account_id: accountId, hash: account.password_hash }]);
  expect([Number(account.must_change_password), Number(account.failed_sign_ins)]).toEqual([0, 0]);

  const records = await ds.manager.find(AuditEntry, { order: { seq: 'ASC' } });
  expect(records.map((r) => [r.id, r.seq, r.kind])).toEqual(recordIds.map((id, i) => [id, i + 1, 'MUTATION']));
  expect(checkLinks(records, { seq: 0, hash: GENESIS_HASH })).toEqual({ broken: null, reached: { seq: 3, hash: records[2].hash } });
  const [head] = await ds.query('SELECT seq, hash FROM audit_chain');
  expect([Number(head.seq), head.hash]).toEqual([3, records[2].hash]);
  const subjects = await ds.query('SELECT subject_id FROM audit_subjects WHERE record_id = ? ORDER BY subject_id', [recordIds[1]]);
  expect(subjects.map((s: { subject_id: string }) => s.subject_id)).toEqual(['p1', 'r1']);
});

import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { col, fk, instantFromRaw, instantToRaw } from '../src/db/columns';
import { newId } from '../src/db/ids';
import { GENESIS_HASH, linkHash } from '../src/audit/rules/chain';

/**
 * Accounts fit for a security review: password state, lockout and second factor on the account;
 * password history, sessions, sign-in failures per address, recovery codes, the security
 * settings; and the audit log as a hash chain (kinds, reasons, persons read, the chain head).
 * Records already in the log are chained in id order, and every account's current hash starts
 * its history.
 */
export class AccountSecurity1763800000000 implements MigrationInterface {
  name = 'AccountSecurity1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('accounts', [
      new TableColumn(col.bool('must_change_password')),
      new TableColumn(col.instant('password_changed_at', { nullable: true })),
      new TableColumn({ name: 'failed_sign_ins', type: 'int', default: 0 }),
      new TableColumn(col.instant('locked_until', { nullable: true })),
      new TableColumn(col.string('totp_secret', 64, { nullable: true })),
      new TableColumn(col.string('totp_pending_secret', 64, { nullable: true })),
      new TableColumn(col.int('totp_last_step', { nullable: true })),
    ]);
    await q.query('UPDATE accounts SET password_changed_at = created_at');

    await q.createTable(
      new Table({
        name: 'password_history',
        columns: [col.id(), col.ref('account_id'), col.string('hash', 200), col.instant('created_at')],
        indices: [{ name: 'ix_password_history_account', columnNames: ['account_id', 'created_at'] }],
        foreignKeys: [fk('account_id', 'accounts')],
      }),
    );
    const accounts: { id: string; password_hash: string; created_at: unknown }[] = await q.query('SELECT id, password_hash, created_at FROM accounts ORDER BY id');
    for (const a of accounts) {
      await q.query('INSERT INTO password_history (id, account_id, hash, created_at) VALUES (?, ?, ?, ?)', [newId(), a.id, a.password_hash, instantToRaw(instantFromRaw(a.created_at)!)]);
    }

    await q.createTable(
      new Table({
        name: 'sessions',
        columns: [
          col.id(),
          col.ref('account_id'),
          col.instant('created_at'),
          col.instant('last_seen_at'),
          col.instant('ended_at', { nullable: true }),
          col.string('end_reason', 32, { nullable: true }),
          col.string('restriction', 32, { nullable: true }),
          col.string('client_address', 64, { nullable: true }),
        ],
        indices: [{ name: 'ix_sessions_account', columnNames: ['account_id', 'ended_at'] }],
        foreignKeys: [fk('account_id', 'accounts')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'sign_in_failures',
        columns: [col.id(), col.string('address', 64), col.instant('at')],
        indices: [{ name: 'ix_sign_in_failures_address_at', columnNames: ['address', 'at'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'recovery_codes',
        columns: [col.id(), col.ref('account_id'), col.string('code_hash', 64), col.instant('used_at', { nullable: true })],
        indices: [{ name: 'ix_recovery_codes_account', columnNames: ['account_id'] }],
        foreignKeys: [fk('account_id', 'accounts')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'security_settings',
        columns: [{ name: 'id', type: 'varchar', length: '32', isPrimary: true }, col.text('value'), col.instant('updated_at')],
      }),
    );
    await q.query('INSERT INTO security_settings (id, value, updated_at) VALUES (?, ?, ?)', ['security', '{}', instantToRaw(new Date())]);

    await q.addColumns('audit_log', [
      new TableColumn(col.int('seq', { nullable: true })),
      new TableColumn(col.string('kind', 40, { nullable: true })),
      new TableColumn(col.string('username', 128, { nullable: true })),
      new TableColumn(col.string('client_address', 64, { nullable: true })),
      new TableColumn(col.string('reason', 64, { nullable: true })),
      new TableColumn(col.text('details', { nullable: true })),
      new TableColumn(col.text('person_ids', { nullable: true })),
      new TableColumn(col.string('prev_hash', 64, { nullable: true })),
      new TableColumn(col.string('hash', 64, { nullable: true })),
    ]);
    await q.createTable(
      new Table({
        name: 'audit_subjects',
        columns: [
          { name: 'record_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'subject_id', type: 'varchar', length: '36', isPrimary: true },
        ],
        indices: [{ name: 'ix_audit_subjects_subject', columnNames: ['subject_id'] }],
        foreignKeys: [{ columnNames: ['record_id'], referencedTableName: 'audit_log', referencedColumnNames: ['id'], onDelete: 'RESTRICT' }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'audit_chain',
        columns: [{ name: 'id', type: 'varchar', length: '16', isPrimary: true }, col.int('seq'), col.string('hash', 64)],
      }),
    );

    // Chain the records already there, oldest first.
    let head = { seq: 0, hash: GENESIS_HASH };
    let after = '';
    for (;;) {
      const rows: { id: string; account_id: string | null; operation: string; target_ids: string; at: unknown; request_id: string | null }[] = await q.query(
        'SELECT id, account_id, operation, target_ids, at, request_id FROM audit_log WHERE id > ? ORDER BY id LIMIT 1000',
        [after],
      );
      if (rows.length === 0) break;
      for (const r of rows) {
        const content = {
          seq: head.seq + 1,
          id: r.id,
          at: instantFromRaw(r.at)!,
          accountId: r.account_id,
          kind: 'MUTATION',
          operation: r.operation,
          username: null,
          clientAddress: null,
          reason: null,
          details: null,
          targetIds: r.target_ids,
          personIds: '',
          requestId: r.request_id,
        };
        const hash = linkHash(head.hash, content);
        await q.query("UPDATE audit_log SET seq = ?, kind = 'MUTATION', person_ids = '', prev_hash = ?, hash = ? WHERE id = ?", [content.seq, head.hash, hash, r.id]);
        for (const subject of new Set(r.target_ids.split(' ').filter((s) => s && s.length <= 36))) {
          await q.query('INSERT INTO audit_subjects (record_id, subject_id) VALUES (?, ?)', [r.id, subject]);
        }
        head = { seq: content.seq, hash };
      }
      after = rows[rows.length - 1].id;
    }
    await q.query('INSERT INTO audit_chain (id, seq, hash) VALUES (?, ?, ?)', ['head', head.seq, head.hash]);
    await q.createIndex('audit_log', new TableIndex({ name: 'uq_audit_log_seq', columnNames: ['seq'], isUnique: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('audit_log', 'uq_audit_log_seq');
    for (const t of ['audit_chain', 'audit_subjects', 'security_settings', 'recovery_codes', 'sign_in_failures', 'sessions', 'password_history']) {
      await q.dropTable(t, true, true, true);
    }
    await q.dropColumns('audit_log', ['seq', 'kind', 'username', 'client_address', 'reason', 'details', 'person_ids', 'prev_hash', 'hash']);
    await q.dropColumns('accounts', ['must_change_password', 'password_changed_at', 'failed_sign_ins', 'locked_until', 'totp_secret', 'totp_pending_secret', 'totp_last_step']);
  }
}

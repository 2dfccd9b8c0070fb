import mysql from 'mysql2/promise';
import { TARGET } from '../support/db';
import { basicRegions } from '../support/fixtures';
import { csvFile, postImport } from '../support/ledgers';
import { startTestServer, TestServer } from '../support/server';
import { TcpProxy } from '../support/tcp-proxy';

/** An import that fails half-way, between two of its inserts, leaves nothing behind. */
const HEAD = ['编号', '姓名', '性别', '出生日期', '籍贯', '职级', '专职巡察干部', '提拔日期', '年轻后备干部'];
// More persons than one multi-row insert takes, so that the file is written in several statements.
const FILE = csvFile([HEAD, ...Array.from({ length: 1600 }, (_, i) => [`F-${i}`, `人员${i}`, i % 2 ? '男' : '女', '1980-01-01', '', '科员', '', '', ''])]);

const countOf = async (t: TestServer, sql: string) => Number((await t.server.db.dataSource.query(sql))[0].n);

/** Calls `act` when the server sends its `n`-th INSERT into persons. */
function onInsert(t: TestServer, n: number, act: () => void) {
  const counter = t.server.db.counter;
  const log = counter.logQuery.bind(counter);
  let seen = 0;
  counter.logQuery = (query, parameters, qr) => {
    if (/^INSERT INTO [`"]?persons[`"]?/i.test(query) && ++seen === n) act();
    log(query, parameters, qr);
  };
  return () => {
    counter.logQuery = log;
  };
}

describe('a failure between two inserts', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  test('rolls the whole import back: no person, no audit record', async () => {
    const r = await basicRegions(t);
    const audit = await countOf(t, 'SELECT COUNT(*) AS n FROM audit_log');
    const restore = onInsert(t, 3, () => {
      throw new Error('the database went away');
    });
    try {
      const { status, json } = await postImport(t, 'persons', r.countyA, FILE);
      expect([status, json.code]).toEqual([500, 'INTERNAL_SERVER_ERROR']);
    } finally {
      restore();
    }
    expect(await countOf(t, 'SELECT COUNT(*) AS n FROM persons')).toBe(0);
    expect(await countOf(t, 'SELECT COUNT(*) AS n FROM audit_log')).toBe(audit);
    // The same file goes in whole afterwards.
    const { json } = await postImport(t, 'persons', r.countyA, FILE);
    expect(json).toMatchObject({ created: 1600, errors: [] });
  });
});

// Cutting the connection itself needs a networked database.
const describeMysql = TARGET === 'mysql' ? describe : describe.skip;

describeMysql('the database connection cut in the middle of an import', () => {
  let proxy: TcpProxy;
  let t: TestServer;
  beforeAll(async () => {
    const target = new URL(process.env.DATABASE_URL!);
    proxy = new TcpProxy(target.hostname, Number(target.port || 3306));
    await proxy.up();
    t = await startTestServer({ databaseUrl: (url) => Object.assign(new URL(url), { host: `127.0.0.1:${proxy.port}` }).toString() });
  });
  afterAll(async () => {
    await proxy.up();
    await t.close();
    await proxy.down();
  });

  test('leaves nothing behind, as the database itself reports', async () => {
    const r = await basicRegions(t);
    const restore = onInsert(t, 2, () => void proxy.down());
    try {
      const { status } = await postImport(t, 'persons', r.countyA, FILE);
      expect(status).toBe(500);
    } finally {
      restore();
      await proxy.up();
    }
    // Asked directly, not through the service's pool.
    const direct = await mysql.createConnection(t.database.url);
    try {
      const [rows] = await direct.query('SELECT COUNT(*) AS n FROM persons');
      expect(Number((rows as { n: number }[])[0].n)).toBe(0);
    } finally {
      await direct.end();
    }
  });
});

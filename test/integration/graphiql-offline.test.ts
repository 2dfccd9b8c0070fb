import fs from 'node:fs';
import type { Browser, HTTPRequest } from 'puppeteer-core';
import puppeteer from 'puppeteer-core';
import { startTestServer, TestServer } from '../support/server';

/**
 * The GraphQL IDE works on an isolated network: in a real headless Chromium (Debian's package)
 * that may reach nothing but the service, GET /graphql shows GraphiQL, a token goes into its
 * headers editor, `{ me { username } }` runs and its answer appears in the page. Every request
 * to another host is blocked and recorded, and there must be none.
 *
 * Without Chromium the test is skipped with a warning, except in CI (CI=true), where .ci/run
 * installs it and its absence is a failure.
 */
const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p): p is string => !!p && fs.existsSync(p));
if (!CHROMIUM && process.env.CI === 'true') throw new Error('Chromium is not installed (apt-get install -y chromium): the GraphiQL test cannot run in CI');
if (!CHROMIUM) {
  console.warn('\n!!!!!!!!\n!!! Chromium not found (apt-get install -y chromium): the offline GraphiQL browser test is SKIPPED\n!!!!!!!!\n');
}
const inBrowser = CHROMIUM ? describe : describe.skip;

inBrowser('GraphiQL in a browser without internet access', () => {
  let t: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    t = await startTestServer();
    browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  test('loads from the service alone, sends the Authorization header set in it, and shows the answer', async () => {
    const page = await browser.newPage();
    const local = new URL(t.url).host;
    const blocked: string[] = [];
    const served: string[] = [];
    await page.setRequestInterception(true);
    page.on('request', (req: HTTPRequest) => {
      const url = new URL(req.url());
      if (url.protocol === 'data:' || url.protocol === 'blob:' || url.host === local) {
        served.push(url.pathname);
        void req.continue();
      } else {
        blocked.push(req.url());
        void req.abort('blockedbyclient');
      }
    });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));

    const response = await page.goto(`${t.url}/graphql`, { waitUntil: 'load' });
    expect(response!.status()).toBe(200);
    await page.waitForSelector('.graphiql-query-editor .CodeMirror');
    await page.waitForSelector('.graphiql-execute-button');

    // The query and the headers, through the editors' own API (typing would meet auto-closed
    // brackets). Browser code as text: the test is compiled without the DOM's types.
    const headers = JSON.stringify({ Authorization: `Bearer ${t.adminToken}` });
    await page.evaluate(`(() => {
      document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.setValue('{ me { username } }');
      const tools = Array.from(document.querySelectorAll('.graphiql-editor-tool .graphiql-editor'));
      const visible = tools.find((e) => !e.classList.contains('hidden'));
      visible.querySelector('.CodeMirror').CodeMirror.setValue(${JSON.stringify(headers)});
    })()`);
    await page.click('.graphiql-execute-button');
    await page.waitForFunction(`document.querySelector('.result-window')?.textContent?.includes('"username": "admin"')`, { timeout: 30_000 });

    const result = (await page.evaluate(`document.querySelector('.result-window').textContent`)) as string;
    expect(result).toContain('"me"');
    expect(result).toContain('"username": "admin"');
    expect(blocked).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(served).toEqual(expect.arrayContaining(['/graphql', '/graphiql/graphiql.min.js', '/graphiql/react.production.min.js', '/graphiql/graphiql.min.css']));
  });
});

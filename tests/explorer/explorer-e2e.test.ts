// The explorer page end to end in headless Chromium (Debian's `chromium`, driven by playwright-core): load, search,
// neighborhood, path Baerbock → Trump highlighted, a click on an edge shows its quote, date and source sentence,
// filters by relation type and time range, no request leaves the server, and a screenshot for the README.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.js';
import { executable } from '../export/helpers/python.js';

const SCREENSHOT = join(ROOT, 'output', 'explorer.png');
// The flags this machine's Chromium needs: no sandbox as root, and no background calls to a network that is closed.
const CHROMIUM_FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

interface ExplorerHandle {
  diplographExplorer: {
    cy: import('cytoscape').Core;
    state: { paths: { nodes: { name: string }[]; edges: { id: string; type: string; date: string | null }[] }[] };
  };
}

let server: FixtureServer;
let base: string;
let browser: Browser;
let page: Page;
let requests: string[];
let pageErrors: string[];

beforeAll(async () => {
  // Built fresh from explorer/ (type check + bundle), so the test runs the page as the package ships it.
  execFileSync('npm', ['run', '--silent', 'build:explorer'], { cwd: ROOT, stdio: 'pipe' });
  server = await startFixtureServer();
  base = server.url.replace(/\/graphql$/, '');
  const executablePath = executable([process.env.DIPLOGRAPH_CHROMIUM ?? '/usr/bin/chromium', 'chromium'], 'chromium');
  browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_FLAGS });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(async () => {
  requests = [];
  pageErrors = [];
  page = await browser.newPage({ viewport: { width: 1440, height: 860 } });
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => pageErrors.push(e.message));
});

afterEach(async () => {
  await page.close();
  // Everything the page loaded or asked came from this server: assets are bundled, data is GraphQL.
  expect(requests.filter((u) => !u.startsWith(base))).toEqual([]);
  expect(pageErrors).toEqual([]);
});

async function waitForStatus(text: string | RegExp): Promise<void> {
  const source = typeof text === 'string' ? text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : text.source;
  try {
    await page.waitForFunction((s) => new RegExp(s).test(document.getElementById('status')?.textContent ?? ''), source, { timeout: 10_000 });
  } catch (err) {
    throw new Error(`status never matched ${source}; it says: ${await page.textContent('#status')}`, { cause: err });
  }
}

/** Clicks an edge where it is drawn on the canvas: a real mouse click, as a person would. */
async function clickEdge(id: string): Promise<void> {
  const at = await page.evaluate((edgeId) => {
    const { cy } = (window as unknown as ExplorerHandle).diplographExplorer;
    const p = cy.getElementById(edgeId).renderedMidpoint();
    const box = cy.container()!.getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, id);
  await page.mouse.click(at.x, at.y);
}

const edgeTypes = () => page.evaluate(() => (window as unknown as ExplorerHandle).diplographExplorer.cy.edges().map((e) => e.data('type') as string));

describe('the explorer at /explore', () => {
  it('is served with its bundled script and a policy that allows this server only', async () => {
    const res = await fetch(`${base}/explore`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await res.text()).toContain('<script type="module" src="/explore/explorer.js">');
    const js = await fetch(`${base}/explore/explorer.js`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await fetch(`${base}/explore/../schema.graphql`)).status).toBe(404);
    expect((await fetch(`${base}/explore/nothing.js`)).status).toBe(404);
  });

  it('searches an actor, finds the path Baerbock → Trump, and shows an edge’s quote and sentence on click', async () => {
    await page.goto(`${base}/explore`);
    await page.locator('#search').pressSequentially('Baerb');
    await page.locator('#suggestions li', { hasText: 'Annalena Baerbock' }).click();
    await waitForStatus('Annalena Baerbock: 4 actors');

    await page.fill('#path-to', 'Trump');
    await page.click('#find-path');
    await waitForStatus(/paths? from Annalena Baerbock to Trump/);
    await expect(page.locator('#paths li').first().textContent()).resolves.toMatch(/^Annalena Baerbock → Wladimir Putin → Donald Trump \(2 hops: STATED, /);
    const highlighted = await page.evaluate(() => {
      const { cy } = (window as unknown as ExplorerHandle).diplographExplorer;
      return { nodes: cy.nodes('.path').map((n) => n.data('label') as string).sort(), edges: cy.edges('.path').length };
    });
    expect(highlighted).toEqual({ nodes: ['Annalena Baerbock', 'Donald Trump', 'Wladimir Putin'], edges: 2 });

    const path = await page.evaluate(() => (window as unknown as ExplorerHandle).diplographExplorer.state.paths[0]);
    await clickEdge(path.edges[1].id);
    await expect(page.locator('#details h3').getAttribute('data-relation-id')).resolves.toBe(path.edges[1].id);
    const date = page.locator('#details dt', { hasText: 'date' }).locator('xpath=following-sibling::dd[1]');
    await expect(date.textContent()).resolves.toBe(path.edges[1].date ?? 'undated');

    await clickEdge(path.edges[0].id);
    await expect(page.locator('#details h3').textContent()).resolves.toBe('Annalena Baerbock → Wladimir Putin');
    await expect(page.locator('#details blockquote').textContent()).resolves.toBe('begrüßte Putins Bereitschaft zu Verhandlungen');
    await expect(page.locator('#details .evidence .sentence').first().textContent()).resolves.toBe(
      'Außenministerin Annalena Baerbock begrüßte Putins Bereitschaft zu Verhandlungen.',
    );
    await expect(page.locator('#details .evidence .source').first().textContent()).resolves.toMatch(/^Reaktionen auf das Telefonat, 2025-03-21/);

    mkdirSync(join(ROOT, 'output'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
  });

  it('filters the neighborhood by relation type and by time range', async () => {
    await page.goto(`${base}/explore?entity=Donald%20Trump&depth=1`);
    await waitForStatus('Donald Trump: 4 actors, 7 relations');

    await page.click('#types-none');
    await page.check('#types input[value=CALLED]');
    await page.click('#apply');
    await waitForStatus('Donald Trump: 3 actors, 2 relations');
    expect(await edgeTypes()).toEqual(['CALLED', 'CALLED']);

    await page.click('#types-all');
    await page.fill('#since', '2017');
    await page.fill('#until', '2018-12');
    await page.click('#apply');
    await waitForStatus('Donald Trump: 2 actors, 2 relations');
    expect(await edgeTypes()).toEqual(['MET_AT', 'MET_AT']);
    await expect(page.locator('#exports a', { hasText: 'gexf' }).getAttribute('href')).resolves.toBe('/export?format=gexf&entity=wd%3AQ22686&depth=1&since=2017&until=2018-12');

    await page.fill('#since', 'gestern');
    await page.click('#apply');
    await waitForStatus('since must be YYYY, YYYY-MM or YYYY-MM-DD');
  });

  it('says so when an actor or a path does not exist', async () => {
    await page.goto(`${base}/explore`);
    await page.fill('#search', 'Niemand Bekanntes');
    await page.press('#search', 'Enter');
    await waitForStatus('no actor named “Niemand Bekanntes”');
    await page.fill('#path-from', 'Riabkow');
    await page.fill('#path-to', 'Baerbock');
    await page.click('#find-path');
    await waitForStatus('no path from Riabkow to Baerbock within 3 hops');
  });
});

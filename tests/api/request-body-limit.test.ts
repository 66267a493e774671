// The request body limit holds for a declared Content-Length and for a chunked body that declares none.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/api/server.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';

const LIMIT = 300;

/** POSTs `parts` as a chunked body (no Content-Length). */
function postChunked(url: string, parts: string[]): Promise<{ status: number; json: { data?: unknown; errors?: { extensions?: { code?: string } }[] } }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
    });
    req.on('error', reject);
    for (const p of parts) req.write(p);
    req.end();
  });
}

describe('request body limit', () => {
  const store = new SqliteStore(':memory:');
  let server: RunningServer;
  beforeAll(async () => {
    await store.init();
    server = await startServer({ store, port: 0, limits: { maxBodyBytes: LIMIT } });
  });
  afterAll(async () => {
    await server.close();
    await store.close();
  });

  const padded = (n: number) => JSON.stringify({ query: `{ stats { articles } }${' '.repeat(n)}` });

  it('refuses a declared body over the limit with 413 REQUEST_ENTITY_TOO_LARGE', async () => {
    const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: padded(LIMIT) });
    expect(res.status).toBe(413);
    const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe('REQUEST_ENTITY_TOO_LARGE');
  });

  it('counts a chunked body as it arrives', async () => {
    const big = padded(LIMIT);
    const refused = await postChunked(server.url, [big.slice(0, 100), big.slice(100)]);
    expect(refused.status).toBe(413);
    expect(refused.json.errors?.[0]?.extensions?.code).toBe('REQUEST_ENTITY_TOO_LARGE');
    const small = padded(10);
    const ok = await postChunked(server.url, [small.slice(0, 10), small.slice(10)]);
    expect(ok.status).toBe(200);
    expect(ok.json.data).toEqual({ stats: { articles: 0 } });
  });

  it('answers bodies within the limit', async () => {
    const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: padded(10) });
    expect(res.status).toBe(200);
  });
});

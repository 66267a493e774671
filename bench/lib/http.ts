// A minimal keep-alive GraphQL client over node:http (less client-side overhead than fetch), and a
// child-process server handle for load tests.
import type { ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { forkChild } from './child.js';

export interface GraphQLBody {
  query: string;
  variables?: Record<string, unknown>;
}

export class GraphQLClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1 });
  private readonly url: URL;

  constructor(url: string) {
    this.url = new URL(url);
  }

  post(body: GraphQLBody | string): Promise<{ status: number; json: { data?: unknown; errors?: { message: string }[] } }> {
    const payload = typeof body === 'string' ? body : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = request(
        {
          agent: this.agent,
          host: this.url.hostname,
          port: this.url.port,
          path: this.url.pathname,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            try {
              resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
            } catch (err) {
              reject(err);
            }
          });
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

export interface ServerChild {
  url: string;
  indexBuildMs: number;
  stats(): Promise<{ maxRssBytes: number; rssBytes: number; heapUsedBytes: number }>;
  stop(): Promise<void>;
}

/** Forks bench/children/serve on a SQLite file and waits until it serves, warm. */
export function startServerChild(dbPath: string, warmFromId: string, warmToId: string): Promise<ServerChild> {
  const child: ChildProcess = forkChild('serve', [dbPath, warmFromId, warmToId]);
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`server child exited with code ${code}`));
    child.once('exit', onExit);
    child.once('message', (m: { ready: boolean; url: string; indexBuildMs: number }) => {
      resolve({
        url: m.url,
        indexBuildMs: m.indexBuildMs,
        stats: () =>
          new Promise((res) => {
            child.once('message', (s) => res(s as { maxRssBytes: number; rssBytes: number; heapUsedBytes: number }));
            child.send('stats');
          }),
        stop: () =>
          new Promise((res) => {
            child.off('exit', onExit);
            const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
            child.once('exit', () => {
              clearTimeout(timer);
              res();
            });
            child.send('stop');
          }),
      });
    });
  });
}

// A minimal keep-alive GraphQL client over node:http (less client-side overhead than fetch), a child-process
// server handle for load tests, and the wrk load generator driven with a body list.
import { execFile, spawnSync, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { forkChild } from './child.js';

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

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

/** True when wrk (C, one thread: far lighter on a shared 2-core machine than autocannon) is on PATH. */
export function wrkAvailable(): boolean {
  return spawnSync('wrk', ['-v'], { stdio: 'ignore' }).error === undefined;
}

// Bodies come one a line from the file named after `--` (JSON bodies hold no raw newline); the summary is one line.
const WRK_SCRIPT = `
local bodies = {}
local i = 0
function init(args)
  for line in io.lines(args[1]) do bodies[#bodies + 1] = line end
end
function request()
  i = i % #bodies + 1
  return wrk.format("POST", nil, { ["content-type"] = "application/json" }, bodies[i])
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('WRK_RESULT {"requests":%d,"duration_us":%d,"p50_us":%d,"p99_us":%d,"errors":%d,"non2xx":%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), e.connect + e.read + e.write + e.timeout, e.status))
end
`;

/** wrk at 10 connections for `seconds`, POSTing the bodies in turn (varied requests, not one repeated). */
export async function wrkLoad(url: string, bodies: readonly string[], seconds: number, scratchDir: string): Promise<LoadResult> {
  const script = join(scratchDir, 'wrk-bodies.lua');
  const list = join(scratchDir, 'wrk-bodies.txt');
  writeFileSync(script, WRK_SCRIPT);
  if (bodies.some((b) => b.includes('\n'))) throw new Error('wrk bodies must be one line each');
  writeFileSync(list, bodies.join('\n') + '\n');
  const out = await new Promise<string>((resolve, reject) =>
    execFile('wrk', ['-t1', '-c10', `-d${seconds}s`, '--timeout', '10s', '-s', script, url, '--', list], (err, stdout, stderr) =>
      err ? reject(new Error(`wrk failed: ${err.message}\n${stderr}`)) : resolve(stdout),
    ),
  );
  const line = /WRK_RESULT (\{.*\})/.exec(out);
  if (!line) throw new Error(`wrk printed no result:\n${out}`);
  const r = JSON.parse(line[1]) as { requests: number; duration_us: number; p50_us: number; p99_us: number; errors: number; non2xx: number };
  return { requestsPerSecond: r.requests / (r.duration_us / 1e6), p50Ms: r.p50_us / 1000, p99Ms: r.p99_us / 1000, errors: r.errors, non2xx: r.non2xx };
}

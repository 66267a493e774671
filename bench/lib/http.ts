// A minimal keep-alive GraphQL client (HTTP/1.1 written on a socket, as load generators do), a child-process
// server handle for load tests, and the wrk load generator driven with a body list.
import { execFile, spawnSync, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
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

export interface GraphQLResponse {
  status: number;
  json: { data?: unknown; errors?: { message: string }[] };
}

/**
 * One keep-alive connection, one request at a time. node:http's client costs about 0.1 ms a request on this
 * machine, on the same thread as the in-process server, which would count it as GraphQL's overhead; this one
 * writes the request and reads a Content-Length response (what the server sends), like wrk and autocannon.
 */
export class GraphQLClient {
  private readonly url: URL;
  private socket: Socket | null = null;
  private buffer: Buffer = Buffer.alloc(0);
  private pending: { resolve(r: GraphQLResponse): void; reject(e: Error): void } | null = null;

  constructor(url: string) {
    this.url = new URL(url);
  }

  private async open(): Promise<Socket> {
    const socket = connect(Number(this.url.port), this.url.hostname);
    socket.setNoDelay(true);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    // The server closes idle keep-alive connections; the next request opens a new one.
    const gone = (err?: Error) => {
      if (this.socket === socket) this.socket = null;
      this.buffer = Buffer.alloc(0);
      this.settle(null, err ?? new Error('connection closed before the response'));
    };
    socket.on('error', gone);
    socket.on('close', () => gone());
    this.socket = socket;
    return socket;
  }

  private settle(response: GraphQLResponse | null, error?: Error): void {
    const pending = this.pending;
    this.pending = null;
    if (!pending) return;
    if (response) pending.resolve(response);
    else pending.reject(error ?? new Error('no response'));
  }

  private onData(chunk: Buffer): void {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    const headEnd = this.buffer.indexOf('\r\n\r\n');
    if (headEnd < 0) return;
    const head = this.buffer.toString('latin1', 0, headEnd);
    const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    if (!length) {
      this.settle(null, new Error(`response without Content-Length: ${head.split('\r\n')[0]}`));
      this.socket?.destroy();
      return;
    }
    const end = headEnd + 4 + Number(length[1]);
    if (this.buffer.length < end) return;
    const text = this.buffer.toString('utf8', headEnd + 4, end);
    this.buffer = this.buffer.subarray(end);
    try {
      this.settle({ status: Number(head.slice(9, 12)), json: JSON.parse(text) as GraphQLResponse['json'] });
    } catch (err) {
      this.settle(null, err as Error);
    }
  }

  async post(body: GraphQLBody | string): Promise<GraphQLResponse> {
    if (this.pending) throw new Error('GraphQLClient sends one request at a time');
    const payload = typeof body === 'string' ? body : JSON.stringify(body);
    const socket = this.socket ?? (await this.open());
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      socket.write(
        `POST ${this.url.pathname} HTTP/1.1\r\nHost: ${this.url.host}\r\nContent-Type: application/json\r\n` +
          `Content-Length: ${Buffer.byteLength(payload)}\r\n\r\n${payload}`,
      );
    });
  }

  close(): void {
    const socket = this.socket;
    this.socket = null;
    socket?.destroy();
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

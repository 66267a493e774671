// A small closed-loop load generator: `concurrency` clients each send one GraphQL request after another for a
// fixed time, check every answer, and record latencies. Used for hostile-load and soak tests (bench/soak.ts too).

export interface Request {
  query: string;
  variables?: Record<string, unknown>;
  headers?: Record<string, string>;
  /** Why the answer is wrong, or null when it is right. */
  check(status: number, body: GraphQLBody): string | null;
}

export interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export interface LoadResult {
  requests: number;
  latencies: number[];
  /** Wrong answers and failed requests, with what was sent. */
  errors: string[];
}

export async function runLoad(opts: {
  url: string;
  durationMs: number;
  concurrency: number;
  next: (client: number, i: number) => Request;
  /** Stop early (e.g. when another workload ends). */
  until?: () => boolean;
}): Promise<LoadResult> {
  const result: LoadResult = { requests: 0, latencies: [], errors: [] };
  const deadline = Date.now() + opts.durationMs;
  const client = async (c: number) => {
    for (let i = 0; Date.now() < deadline && !opts.until?.(); i++) {
      const req = opts.next(c, i);
      const started = performance.now();
      try {
        const res = await fetch(opts.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...req.headers },
          body: JSON.stringify({ query: req.query, variables: req.variables }),
        });
        const text = await res.text();
        result.latencies.push(performance.now() - started);
        result.requests++;
        let body: GraphQLBody;
        try {
          body = JSON.parse(text) as GraphQLBody;
        } catch {
          result.errors.push(`${res.status} not JSON: ${text.slice(0, 200)} for ${req.query.slice(0, 80)}`);
          continue;
        }
        const wrong = req.check(res.status, body);
        if (wrong) result.errors.push(`${wrong} for ${req.query.slice(0, 80)}`);
      } catch (err) {
        result.requests++;
        result.errors.push(`request failed: ${(err as Error).message} for ${req.query.slice(0, 80)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, (_, c) => client(c)));
  return result;
}

export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** An answer with data and no errors. */
export const ok = (status: number, body: GraphQLBody): string | null =>
  status === 200 && !body.errors?.length && body.data ? null : `expected data, got ${status} ${JSON.stringify(body).slice(0, 300)}`;

/** A refusal with this `extensions.code` and no data. */
export const refusedWith =
  (code: string) =>
  (_status: number, body: GraphQLBody): string | null => {
    const codes = body.errors?.map((e) => e.extensions?.code) ?? [];
    const data = body.data ? Object.values(body.data).filter((v) => v !== null) : [];
    return codes.includes(code) && data.length === 0 ? null : `expected ${code}, got ${JSON.stringify(body).slice(0, 300)}`;
  };

/** Analyst queries on the synthetic corpus (tests/helpers/synthetic-corpus.ts): lookups, lists, paths, aggregates. */
export function analystQueries(): Request[] {
  return [
    { query: '{ stats { articles entities relations evidence } }', check: ok },
    { query: '{ entity(name: "Putin") { name aliases relations(first: 5) { totalCount edges { node { type date evidence { sentence } } } } } }', check: ok },
    { query: '{ relations(type: [MET_AT], entity: "Trump", first: 10) { totalCount edges { node { date place { name } source { name } target { name } } } } }', check: ok },
    { query: '{ shortestPath(from: "Baerbock", to: "Modi", maxHops: 4) { length nodes { name } edges { type date } } }', check: ok },
    { query: '{ paths(from: "Scholz", to: "Xi Jinping", maxHops: 3, first: 5) { length nodes { name } } }', check: ok },
    { query: '{ neighborhood(entity: "Macron", depth: 2) { nodes { name } edges { type } } }', check: ok },
    { query: '{ mostConnected(first: 5) { entity { name } degree } }', check: ok },
    { query: '{ timeline(entity: "Erdoğan", first: 10) { totalCount edges { node { type date } } } }', check: ok },
    { query: '{ articles(first: 5) { totalCount edges { node { title relations(first: 3) { totalCount } } } } }', check: ok },
    { query: '{ entities(search: "an", first: 10) { totalCount edges { node { name type } } } }', check: ok },
  ];
}

/** The hostile queries of issue 5, each with the code it must be refused with. */
export function hostileQueries(): Request[] {
  let deep = 'name';
  for (let i = 0; i < 10; i++) deep = `relations(first: 1) { edges { node { source { ${deep} } } } }`;
  return [
    { query: `{ entity(name: "Putin") { ${deep} } }`, check: refusedWith('LIMIT_EXCEEDED') },
    { query: `{ ${Array.from({ length: 500 }, (_, i) => `a${i}: stats { articles }`).join(' ')} }`, check: refusedWith('LIMIT_EXCEEDED') },
    { query: '{ paths(from: "Baerbock", to: "Trump", maxHops: 50) { length } }', check: refusedWith('LIMIT_EXCEEDED') },
    { query: '{ entities(first: 100000) { totalCount } }', check: refusedWith('LIMIT_EXCEEDED') },
    { query: 'mutation { ingestArticle(input: { text: "Trump traf Putin in Genf." }) { status } }', check: refusedWith('UNAUTHENTICATED') },
  ];
}

// Memory: peak RSS of a server process serving the largest graph from the embedded store (index built, under
// load), and resident memory along a long ingest (it must stay flat: nothing grows with articles ingested).
import { join } from 'node:path';
import { samplePairs } from '../generators/relation-graph.js';
import type { BenchContext } from '../lib/context.js';
import { forkChild } from '../lib/child.js';
import { startServerChild } from '../lib/http.js';
import { mib, slope } from '../lib/stats.js';
import type { MemorySample } from '../children/ingest-memory.js';
import { load, mixBodiesFor } from './api.js';

export async function serveMemorySuite(ctx: BenchContext): Promise<void> {
  const { report } = ctx;
  report.begin('memory');
  const g = [...ctx.graphs.values()].sort((a, b) => b.relations - a.relations)[0];
  if (!g) return;
  const L = g.label;
  const [wa, wb] = samplePairs(g.entities, 1, 7, g.queryable)[0];
  ctx.log(`memory: serving the ${L} graph from a child process under load`);
  const server = await startServerChild(g.sqlitePath, g.entities[wa].id, g.entities[wb].id);
  try {
    report.set(`server_index_build_ms_${L}`, server.indexBuildMs);
    const mix = mixBodiesFor(g.entities, 2000, 17, g.queryable);
    const m = await load(server.url, mix, ctx.sizes.loadSeconds);
    report.set(`server_mix_req_per_s_${L}`, m.requestsPerSecond);
    report.set(`server_mix_p99_ms_${L}`, m.p99Ms);
    const stats = await server.stats();
    report.set(`serve_peak_rss_mib_${L}`, mib(stats.maxRssBytes));
    report.set(`serve_rss_after_load_mib_${L}`, mib(stats.rssBytes));
    report.row({
      label: `peak RSS serving ${L} relations from SQLite (index built, analyst mix load), MiB`,
      key: `serve_peak_rss_mib_${L}`,
      target: g.relations === 1_000_000 ? { key: `serve_peak_rss_mib_${L}`, op: '<=', value: 1024, text: '≤ 1 GiB at 1M' } : undefined,
    });
    report.row({ label: `server analyst mix at ${L}, req/s (p99 ms)`, key: `server_mix_req_per_s_${L}`, floorKey: `server_mix_p99_ms_${L}` });
  } finally {
    await server.stop();
  }
}

interface IngestMemoryResult {
  /** Taken after each slice of the feed (see bench/children/ingest-memory). */
  samples: MemorySample[];
  articles: number;
  relations: number;
  failed: number;
  seconds: number;
  stoppedEarly: boolean;
  maxRssBytes: number;
}

export async function ingestMemorySuite(ctx: BenchContext): Promise<void> {
  const { report, sizes } = ctx;
  report.begin('memory');
  const count = sizes.ingestMemory;
  ctx.log(`memory: ingesting up to ${count} articles in a child process, sampling RSS`);
  const budget = ctx.quick ? 60 : 1200;
  const child = forkChild('ingest-memory', [String(count), join(ctx.workDir, 'ingest-memory.db'), String(budget)], ['--expose-gc']);
  const result = await new Promise<IngestMemoryResult>((resolve, reject) => {
    child.once('message', (m) => resolve(m as IngestMemoryResult));
    child.once('exit', (code) => reject(new Error(`ingest-memory child exited with code ${code}`)));
  });
  await new Promise((r) => child.once('exit', r));
  const n = result.samples.length;
  if (result.stoppedEarly) report.note(`ingest memory: the feed stopped at its ${budget} s budget after ${result.articles} of ${count} articles`);
  // After warm-up (the first 20% of the feed: model loading, JIT, caches, SQLite page cache filling).
  const total = result.articles;
  const steady = result.samples.filter(([a]) => a >= total * 0.2);
  const xs = steady.map(([a]) => a / 10_000);
  const rss = steady.map(([, r]) => mib(r));
  const retained = steady.map(([, , r]) => mib(r));
  const heaps = steady.map(([, , , main, workers]) => mib(main + workers));
  const at = (frac: number) => mib(result.samples[Math.min(n - 1, Math.round(frac * (n - 1)))][2]);
  report.set('ingest_memory_articles', result.articles);
  report.set('ingest_memory_articles_per_s', result.articles / result.seconds);
  report.set('ingest_memory_relations_per_s', result.relations / result.seconds);
  report.set('ingest_retained_rss_at_20pct_mib', at(0.2));
  report.set('ingest_retained_rss_at_50pct_mib', at(0.5));
  report.set('ingest_retained_rss_at_end_mib', at(1));
  report.set('ingest_rss_peak_mib', mib(result.maxRssBytes));
  report.set('ingest_retained_rss_growth_mib_per_10k_articles', slope(xs, retained));
  report.set('ingest_rss_growth_mib_per_10k_articles', slope(xs, rss));
  report.set('ingest_retained_heap_growth_mib_per_10k_articles', slope(xs, heaps));
  report.set('ingest_retained_rss_samples_mib', retained.map((y) => Math.round(y)).join(' '));
  report.set('ingest_rss_samples_mib', rss.map((y) => Math.round(y)).join(' '));
  report.set('ingest_retained_heap_samples_mib', heaps.map((y) => Math.round(y)).join(' '));
  report.row({
    label: `retained memory over a ${result.articles}-article ingest after warm-up (RSS after a full collection in every thread; 2 workers + writer), MiB per 10k articles`,
    key: 'ingest_retained_rss_growth_mib_per_10k_articles',
    target: { key: 'ingest_retained_rss_growth_mib_per_10k_articles', op: '<=', value: 5, text: 'flat (≤ 5 MiB per 10k)' },
  });
  report.row({ label: '  retained RSS at 20% / end of the feed, MiB', key: 'ingest_retained_rss_at_20pct_mib', floorKey: 'ingest_retained_rss_at_end_mib' });
  report.row({ label: '  V8 heaps (main + workers) after full collections, growth, MiB per 10k articles', key: 'ingest_retained_heap_growth_mib_per_10k_articles' });
  report.row({ label: '  RSS as sampled, before the collections (garbage included), growth, MiB per 10k articles (peak MiB)', key: 'ingest_rss_growth_mib_per_10k_articles', floorKey: 'ingest_rss_peak_mib' });
  report.row({ label: '  that ingest: articles/s', key: 'ingest_memory_articles_per_s' });
}

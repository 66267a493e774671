// End-to-end ingest on one core (detect language, extract, write in batches of 25 articles), into SQLite and
// Neo4j; where the 2-core ingest's CPU goes; and the store's batched writes against naive per-row writes written
// here, for both stores.
import { readFileSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ExtractionPool, ingestArticlesParallel } from '../../ingest/load/parallel-ingest.js';
import { extractFromInputs } from '../../ingest/pipeline.js';
import { dateEnd, dateStart } from '../../src/domain/date-range.js';
import { evidenceId, normalizeName } from '../../src/domain/ids.js';
import type { ExtractedArticle } from '../../src/domain/model.js';
import type { GraphStore } from '../../src/store/graph-store.js';
import { Neo4jStore } from '../../src/store/neo4j/neo4j-store.js';
import { MIGRATIONS } from '../../src/store/sqlite/migrations.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { generateCorpus } from '../generators/article-corpus.js';
import { relationGraph } from '../generators/relation-graph.js';
import type { BenchContext } from '../lib/context.js';
import { emptyNeo4j, naiveNeo4jRate } from '../lib/neo4j.js';
import { nowMs } from '../lib/stats.js';

const INGEST_BATCH = 25;

/** Sequential ingest as `diplograph ingest` does it: extract an article, write every 25. */
async function ingestSequential(store: GraphStore, corpus: ReturnType<typeof generateCorpus>) {
  let batch: ExtractedArticle[] = [];
  let articles = 0;
  let relations = 0;
  const flush = async () => {
    for (const r of await store.writeArticles(batch)) {
      articles += r.status === 'new' ? 1 : 0;
      relations += r.relationsAdded;
    }
    batch = [];
  };
  const t = nowMs();
  for (const input of corpus) {
    batch.push(...extractFromInputs('bench', { articles: [input], errors: [] }).articles);
    if (batch.length >= INGEST_BATCH) await flush();
  }
  await flush();
  const seconds = (nowMs() - t) / 1000;
  return { articles, relations, seconds };
}

/** CPU time of the calling thread in ms, from Linux's /proc (clock ticks of 10 ms); null elsewhere. */
function threadCpuMs(): number | null {
  try {
    const fields = readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/**
 * The 2-core ingest of the same corpus (threads started and warmed first): CPU per article of the whole process
 * and of this thread's writes, and how many cores the run got; on a shared machine other processes take the rest,
 * which the articles/s figure alone does not show.
 */
async function parallelBreakdown(ctx: BenchContext, corpus: ReturnType<typeof generateCorpus>): Promise<void> {
  const { report } = ctx;
  const workers = availableParallelism();
  ctx.log(`ingest: ${corpus.length} articles on ${workers} extraction threads, this thread writing`);
  const path = join(ctx.workDir, 'ingest-parallel.db');
  for (const s of ['', '-wal', '-shm']) rmSync(path + s, { force: true });
  const store = new SqliteStore(path);
  await store.init();
  let writerMs = 0;
  const write = store.writeArticles.bind(store);
  store.writeArticles = async (batch) => {
    const before = threadCpuMs();
    const written = await write(batch);
    writerMs += (threadCpuMs() ?? 0) - (before ?? 0);
    return written;
  };
  const pool = new ExtractionPool(workers);
  await pool.warmUp(corpus.slice(0, 50));
  const cpu = process.cpuUsage();
  const t = nowMs();
  const summary = await ingestArticlesParallel(store, corpus, { pool }).finally(() => pool.close());
  const seconds = (nowMs() - t) / 1000;
  const used = process.cpuUsage(cpu);
  await store.close();
  const n = summary.articlesNew;
  report.set('parallel_ingest_articles_per_s', n / seconds);
  report.set('parallel_ingest_cpu_ms_per_article', (used.user + used.system) / 1000 / n);
  if (threadCpuMs() != null) report.set('parallel_ingest_writer_cpu_ms_per_article', writerMs / n);
  report.set('parallel_ingest_cores_used', (used.user + used.system) / 1e6 / seconds);
  report.row({ label: `ingest into SQLite, ${workers} extraction threads + writer, articles/s (CPU ms per article, all threads)`, key: 'parallel_ingest_articles_per_s', floorKey: 'parallel_ingest_cpu_ms_per_article' });
  report.row({ label: '  of which the writer (store writes), CPU ms per article', key: 'parallel_ingest_writer_cpu_ms_per_article' });
  report.row({ label: `  cores the run got (of ${workers}; the rest went to other processes)`, key: 'parallel_ingest_cores_used' });
}

/** The graph generator's first relations, as articles (for the naive writers). */
function naiveArticles(relations: number): ExtractedArticle[] {
  const out: ExtractedArticle[] = [];
  for (const batch of relationGraph({ relations, seed: 31 }).batches(50)) out.push(...batch);
  return out;
}

/**
 * Naive SQLite writes: the same rows as the store writes, one autocommit statement per row (no explicit
 * transaction, so every row is its own commit). Returns relations written per second.
 */
function naiveSqliteWrite(path: string, articles: readonly ExtractedArticle[]): number {
  for (const s of ['', '-wal', '-shm']) rmSync(path + s, { force: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  for (const m of MIGRATIONS) db.exec(m);
  const insertArticle = db.prepare(
    `INSERT OR IGNORE INTO articles (id, title, text, url, published, lang, external_id, tags, origin, extractor_version, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertEntity = db.prepare('INSERT OR IGNORE INTO entities (id, name, norm_name, type, wikidata) VALUES (?, ?, ?, ?, ?)');
  const insertMention = db.prepare('INSERT OR IGNORE INTO entity_mentions (entity_id, article_rid) VALUES (?, ?)');
  const insertRelation = db.prepare(
    `INSERT OR IGNORE INTO relations (id, type, source_id, target_id, place_id, date, date_start, date_end, status, quote, confidence, role, cameo, plover)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const relationRid = db.prepare('SELECT rid FROM relations WHERE id = ?').pluck();
  const insertEvidence = db.prepare(
    'INSERT OR IGNORE INTO evidence (relation_rid, article_rid, start, "end", id, sentence, extractor_version) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  let relations = 0;
  const t = nowMs();
  for (const x of articles) {
    const a = x.article;
    const articleRid = insertArticle.run(
      a.id, a.title, a.text, a.url, a.published, a.lang, a.externalId, '[]', a.origin, x.extractorVersion, new Date().toISOString(),
    ).lastInsertRowid;
    for (const e of x.entities) {
      insertEntity.run(e.id, e.name, normalizeName(e.name), e.type, e.wikidata);
      insertMention.run(e.id, articleRid);
    }
    for (const r of x.relations) {
      const inserted = insertRelation.run(
        r.id, r.type, r.source, r.target, r.place, r.date, r.date ? dateStart(r.date) : null, r.date ? dateEnd(r.date) : null,
        r.status, r.quote, r.confidence, r.role, r.cameo, r.plover,
      );
      relations += inserted.changes;
      const rid = inserted.changes ? inserted.lastInsertRowid : relationRid.get(r.id);
      for (const m of r.mentions) {
        insertEvidence.run(rid, articleRid, m.start, m.end, evidenceId(r.id, a.id, m.start, m.end), m.sentence, x.extractorVersion);
      }
    }
  }
  const rate = relations / ((nowMs() - t) / 1000);
  db.close();
  return rate;
}

export async function ingestSuite(ctx: BenchContext): Promise<void> {
  const { report, sizes } = ctx;
  report.begin('ingest');
  const corpus = generateCorpus({ count: sizes.ingest, seed: 4242 });

  ctx.log(`ingest: ${corpus.length} articles end to end into SQLite (1 core)`);
  const path = join(ctx.workDir, 'ingest-e2e.db');
  for (const s of ['', '-wal', '-shm']) rmSync(path + s, { force: true });
  const sqlite = new SqliteStore(path);
  await sqlite.init();
  const s = await ingestSequential(sqlite, corpus);
  await sqlite.close();
  report.set('sqlite_ingest_articles_per_s', s.articles / s.seconds);
  report.set('sqlite_ingest_relations_per_s', s.relations / s.seconds);
  report.row({ label: 'end-to-end ingest into SQLite, 1 core, articles/s', key: 'sqlite_ingest_articles_per_s' });
  report.row({ label: 'end-to-end ingest into SQLite, 1 core, relations/s', key: 'sqlite_ingest_relations_per_s' });
  await parallelBreakdown(ctx, corpus);

  // Batched (the store's writeArticles, from the paths suite's graph build) vs naive per-row writes.
  const naive = naiveArticles(sizes.naiveRelations);
  ctx.log(`ingest: naive per-row SQLite writes of ${sizes.naiveRelations} relations`);
  report.set('sqlite_naive_write_relations_per_s', naiveSqliteWrite(join(ctx.workDir, 'naive.db'), naive));
  const batchedKey = batchedSqliteKey(ctx);
  if (batchedKey) {
    report.set('sqlite_batched_write_relations_per_s', report.get(batchedKey));
    report.ratio('sqlite_batched_vs_naive_write_ratio', 'sqlite_batched_write_relations_per_s', 'sqlite_naive_write_relations_per_s');
    report.row({
      label: `SQLite writeArticles (batches of 50 articles), relations/s, vs naive per-row autocommit (floor column)`,
      key: 'sqlite_batched_write_relations_per_s',
      floorKey: 'sqlite_naive_write_relations_per_s',
      ratioKey: 'sqlite_batched_vs_naive_write_ratio',
      target: { key: 'sqlite_batched_write_relations_per_s', op: '>=', value: 20_000, text: '≥ 20,000 relations/s' },
    });
  }

  if (!ctx.neo4j) return;
  const c = ctx.neo4j;
  report.begin('ingest (Neo4j)');
  await emptyNeo4j(c);
  const naiveCount = Math.min(sizes.naiveRelations, ctx.quick ? 150 : 2000);
  ctx.log(`ingest: naive per-row Neo4j writes of ${naiveCount} relations`);
  report.set('neo4j_naive_write_relations_per_s', await naiveNeo4jRate(c, naiveCount));
  await emptyNeo4j(c);

  // Fewer articles than into SQLite: Neo4j writes are far slower, and the rate is what is measured.
  const neoCorpus = corpus.slice(0, ctx.quick ? 30 : 400);
  ctx.log(`ingest: ${neoCorpus.length} articles end to end into Neo4j (1 core)`);
  const neo = new Neo4jStore(c);
  await neo.init();
  try {
    const n = await ingestSequential(neo, neoCorpus);
    report.set('neo4j_ingest_articles_per_s', n.articles / n.seconds);
    report.set('neo4j_ingest_relations_per_s', n.relations / n.seconds);
    report.row({ label: 'end-to-end ingest into Neo4j, 1 core, articles/s', key: 'neo4j_ingest_articles_per_s' });
    report.row({ label: 'end-to-end ingest into Neo4j, 1 core, relations/s', key: 'neo4j_ingest_relations_per_s' });
  } finally {
    await neo.close();
    await emptyNeo4j(c);
  }
}

/** The largest graph's SQLite write figure that is at least 100k (or the largest there is). */
function batchedSqliteKey(ctx: BenchContext): string | null {
  const labels = [...ctx.graphs.values()].sort((a, b) => a.relations - b.relations).map((g) => g.label);
  const pick = labels.includes('100k') ? '100k' : labels.at(-1);
  return pick ? `sqlite_write_relations_per_s_${pick}` : null;
}

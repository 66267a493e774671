// Smoke test of the benchmark suite: `npm run bench -- --quick` runs to the end and writes latest.json with the
// figures' keys. No timing assertions: CI machines differ, and the figures are read by people, not by tests.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const out = mkdtempSync(join(tmpdir(), 'diplograph-bench-test-'));

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('npm run bench -- --quick', () => {
  it('runs every suite and writes the JSON keys', { timeout: 300_000 }, () => {
    // Neo4j suites run when NEO4J_URI is set (CI starts one); otherwise the run notes that they were skipped.
    const args = ['run', 'bench', '--', '--quick', '--out', out, ...(process.env.NEO4J_URI ? [] : ['--no-neo4j'])];
    const run = spawnSync('npm', args, { encoding: 'utf8', env: process.env, maxBuffer: 64 * 1024 * 1024 });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);

    const json = JSON.parse(readFileSync(join(out, 'latest.json'), 'utf8')) as Record<string, unknown>;
    for (const key of ['machine', 'node_version', 'commit', 'mode']) expect(json[key], key).toBeTruthy();
    expect(json.mode).toBe('quick');
    const numeric = [
      'wink_readdoc_articles_per_s',
      'extract_articles_per_s',
      'extract_vs_wink_ratio',
      'ingest_parallel_articles_per_s',
      'ingest_parallel_vs_wink_ratio',
      'sqlite_ingest_articles_per_s',
      'sqlite_ingest_relations_per_s',
      'sqlite_naive_write_relations_per_s',
      'sqlite_batched_write_relations_per_s',
      'sqlite_write_relations_per_s_20k',
      'sqlite_shortest_path_p50_ms_20k',
      'sqlite_shortest_path_p99_ms_20k',
      'floor_bfs_shortest_path_p50_ms_20k',
      'sqlite_shortest_path_vs_floor_p50_ratio_20k',
      'sqlite_paths4_filtered_p99_ms_20k',
      'floor_bfs_filtered_p99_ms_20k',
      'graphql_shortest_path_p50_ms_10k',
      'direct_shortest_path_p50_ms_10k',
      'graphql_overhead_p50_ratio_10k',
      'server_shortest_path_req_per_s_10k',
      'server_mix_req_per_s_10k',
      'serve_peak_rss_mib_20k',
      'ingest_rss_growth_mib_per_10k_articles',
      'ingest_retained_rss_growth_mib_per_10k_articles',
      'ingest_retained_heap_growth_mib_per_10k_articles',
    ];
    for (const key of numeric) expect(typeof json[key], key).toBe('number');
    if (process.env.NEO4J_URI) {
      // The store's batched writes beside their floors: naive per-row writes and the raw UNWIND writes.
      for (const key of ['neo4j_write_relations_per_s_10k', 'neo4j_naive_write_relations_per_s', 'neo4j_raw_create_relations_per_s_10k', 'neo4j_raw_merge_relations_per_s_10k', 'neo4j_raw_props_relations_per_s_10k', 'neo4j_raw_model_relations_per_s_10k', 'neo4j_write_vs_raw_merge_ratio_10k', 'neo4j_write_vs_raw_model_ratio_10k', 'neo4j_write_all_relationships_per_s_10k']) {
        expect(typeof json[key], key).toBe('number');
      }
    }
    // Correctness cross-checks inside the benchmark: every shortest path has the floor's length.
    expect(json.shortest_path_length_mismatches_vs_floor_20k).toBe(0);
    expect(json.shortest_path_length_mismatches_vs_floor_10k).toBe(0);
    expect(typeof json.targets).toBe('object');
    expect(readFileSync(join(out, 'latest.md'), 'utf8')).toContain('| section | figure | value | floor | ratio | target | met |');
  });
});

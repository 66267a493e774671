// A short soak in the suite (`npm run soak` runs the full minute): mixed analyst queries against a serve process
// while ingest runs keep adding articles; no unexpected error, every ingest run succeeds, the graph grows, and
// the server's memory grows by at most 10% after the warm-up.
import { describe, expect, it } from 'vitest';
import { formatSoak, runSoak } from './soak.js';

describe('short soak on SQLite', () => {
  it('answers every query, ingests alongside, and holds its memory', async () => {
    const report = await runSoak({ seconds: 10, warmupSeconds: 8, store: 'sqlite', clients: 4, initialArticles: 60, ingestBatch: 50 });
    console.log(`${formatSoak(report)}\nRSS samples (MB): ${report.samples.map((b) => Math.round(b / 2 ** 20)).join(' ')}`);
    expect(report.errors).toEqual([]);
    expect(report.ingestFailures).toEqual([]);
    expect(report.requests).toBeGreaterThan(200);
    expect(report.ingestRuns).toBeGreaterThanOrEqual(1);
    expect(report.articlesAtEnd).toBeGreaterThan(report.articlesAtStart);
    // Measured after the warm-up: V8 sizes its heap during the first seconds under load (+20–30% RSS), then holds.
    expect(report.rssGrowth).toBeLessThanOrEqual(0.1);
  }, 90_000);
});

// A short soak in the suite (`npm run soak` runs the full minute): mixed analyst queries against a serve process
// while ingest runs keep adding articles; no unexpected error, every ingest run succeeds, the graph grows, and
// memory does not run away. The 10% memory target is measured by the full minute of `npm run soak` (a benchmark,
// not a timed test): ten seconds on a loaded machine are too short for a tight bound.
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
    // A leak guard only: V8 may still be sizing its heap after the warm-up when the machine is busy.
    expect(report.rssGrowth).toBeLessThanOrEqual(0.5);
  }, 90_000);
});

// The GraphQL-over-HTTP spec audits of the graphql-http package, run against the real server.
import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.js';

describe('GraphQL over HTTP audits', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(async () => server.close());

  for (const audit of serverAudits({ url: () => server.url })) {
    it(`${audit.id} ${audit.name}`, async () => {
      const result = await audit.fn();
      if (result.status === 'error') throw new Error(result.reason);
      // Warnings are SHOULDs of the spec; errors are MUSTs.
      expect(['ok', 'warn']).toContain(result.status);
    });
  }
});

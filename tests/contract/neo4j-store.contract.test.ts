// The contract suite against a real Neo4j (npm run neo4j:start), only when NEO4J_URI is set. Every test starts
// from an empty database; the copy test's second store is an SQLite file (Community has one user database).
import { describe } from 'vitest';
import { Neo4jStore } from '../../src/store/neo4j/neo4j-store.js';
import { closeAdmin, emptyDatabase, NEO4J_ENABLED, SKIP_LINE, testOptions } from '../store/neo4j-test-database.js';
import { describeGraphStoreContract } from './graph-store-contract.js';
import { sqliteStorage } from './sqlite-storage.js';

if (!NEO4J_ENABLED) console.log(SKIP_LINE);

describe.skipIf(!NEO4J_ENABLED)('neo4j', () => {
  describeGraphStoreContract('neo4j', {
    async fresh() {
      await emptyDatabase();
      return {
        async open() {
          const store = new Neo4jStore(testOptions());
          await store.init();
          return store;
        },
        async dispose() {
          await emptyDatabase();
        },
      };
    },
    second: () => sqliteStorage('diplograph-neo4j-copy-'),
    shutdown: closeAdmin,
  });
});

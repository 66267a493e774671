// The contract suite against the embedded SQLite store, one temporary file per test.
import { describeGraphStoreContract } from './graph-store-contract.js';
import { sqliteStorage } from './sqlite-storage.js';

describeGraphStoreContract('sqlite', { fresh: () => sqliteStorage('diplograph-contract-') });

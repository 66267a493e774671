// Readiness and credential check for the dev Neo4j: runs `RETURN 1` over Bolt with neo4j-driver.
// Exit codes: 0 answered, 2 credentials refused, 1 anything else (not reachable yet, wrong protocol, ...).
// CommonJS so `node tools/neo4j/ping.cjs` resolves neo4j-driver from the project's node_modules.
'use strict';
const neo4j = require('neo4j-driver');

const uri = process.env.NEO4J_URI || `bolt://127.0.0.1:${process.env.NEO4J_BOLT_PORT || 7687}`;
const user = process.env.NEO4J_USERNAME || 'neo4j';
const password = process.env.NEO4J_PASSWORD || 'diplograph-dev';
const quiet = process.argv.includes('--quiet');

async function main() {
  const driver = neo4j.driver(uri, neo4j.auth.basic(user, password), {
    connectionTimeout: 3000,
    maxConnectionPoolSize: 1,
    logging: { level: 'error', logger: () => {} },
  });
  try {
    const { records } = await driver.executeQuery('RETURN 1 AS one');
    if (records[0].get('one').toNumber() !== 1) throw new Error('unexpected answer');
    if (!quiet) console.log(`ok: ${uri} answered as user ${user}`);
    return 0;
  } catch (err) {
    const code = String((err && err.code) || '');
    const auth = code.includes('Security.Unauthorized') || code.includes('Security.AuthenticationRateLimit');
    if (!quiet) console.error(`${auth ? 'refused' : 'unavailable'}: ${uri}: ${(err && err.message) || err}`.split('\n')[0]);
    return auth ? 2 : 1;
  } finally {
    await driver.close();
  }
}

main().then((code) => process.exit(code));

#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm run build` (run by `prepare` on npm install/ci).
import('../dist/src/cli/main.js').catch((err) => {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist/src/cli')) {
    console.error('diplograph: not built yet; run `npm run build` (npm ci/install does this for you)');
    process.exit(1);
  }
  throw err;
});

// Preloaded into a CLI child (NODE_OPTIONS=--require …): writes the process's peak resident set size in bytes to
// the file named by DIPLOGRAPH_RSS_PROBE_FILE when it exits, so a test can bound the memory of a whole run.
'use strict';
const { writeFileSync } = require('node:fs');

const target = process.env.DIPLOGRAPH_RSS_PROBE_FILE;
if (target) {
  process.on('exit', () => {
    // resourceUsage().maxRSS is in kilobytes.
    writeFileSync(target, String(process.resourceUsage().maxRSS * 1024));
  });
}

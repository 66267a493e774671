// Regenerates the README's analyst cookbook: runs docs/cookbook.json against the sample articles and writes
// each question, query and (shortened) answer between the cookbook markers. `npm run cookbook`.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCookbook } from '../tests/helpers/cookbook.js';

const START = '<!-- cookbook:start -->';
const END = '<!-- cookbook:end -->';
const MAX_ANSWER_LINES = 24;
const LINE_WIDTH = 110;

/** JSON with every value that fits on one line kept on one line: answers stay short enough to read. */
function compactJson(value: unknown, indent = ''): string {
  const flat = JSON.stringify(value);
  if (flat === undefined || flat.length + indent.length <= LINE_WIDTH || value === null || typeof value !== 'object') return flat ?? 'null';
  const inner = `${indent}  `;
  if (Array.isArray(value)) return `[\n${value.map((v) => inner + compactJson(v, inner)).join(',\n')}\n${indent}]`;
  const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${inner}${JSON.stringify(k)}: ${compactJson(v, inner)}`);
  return `{\n${entries.join(',\n')}\n${indent}}`;
}

function shorten(json: string): string {
  const lines = json.split('\n');
  return lines.length <= MAX_ANSWER_LINES ? json : [...lines.slice(0, MAX_ANSWER_LINES), '  … (shortened)'].join('\n');
}

const dir = mkdtempSync(join(tmpdir(), 'diplograph-cookbook-'));
try {
  const answers = await runCookbook(join(dir, 'graph.db'));
  const body = answers
    .map((a, i) => `**${i + 1}. ${a.question}**\n\n\`\`\`graphql\n${a.query}\n\`\`\`\n\n<details><summary>answer</summary>\n\n\`\`\`json\n${shorten(compactJson(a.data))}\n\`\`\`\n</details>\n`)
    .join('\n');
  const readme = readFileSync('README.md', 'utf8');
  const from = readme.indexOf(START);
  const to = readme.indexOf(END);
  if (from < 0 || to < 0) throw new Error(`README.md needs ${START} and ${END}`);
  writeFileSync('README.md', `${readme.slice(0, from + START.length)}\n${body}\n${readme.slice(to)}`);
  process.stdout.write(`cookbook: ${answers.length} queries written to README.md\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

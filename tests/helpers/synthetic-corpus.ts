// Small deterministic corpora of contact sentences for robustness tests (crash, concurrency).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seeded } from '../../bench/lib/rng.js';

const PEOPLE = ['Donald Trump', 'Wladimir Putin', 'Annalena Baerbock', 'Olaf Scholz', 'Emmanuel Macron', 'Xi Jinping', 'Recep Tayyip Erdoğan', 'Narendra Modi'];
const PLACES = ['Berlin', 'Paris', 'Genf', 'Helsinki', 'Istanbul', 'Peking'];
const MONTHS = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];

export { seeded };

export function writeCorpus(dir: string, count: number, seed = 7): string[] {
  mkdirSync(dir, { recursive: true });
  const rnd = seeded(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const a = pick(PEOPLE);
    let b = pick(PEOPLE);
    while (b === a) b = pick(PEOPLE);
    const day = 1 + Math.floor(rnd() * 27);
    const month = pick(MONTHS);
    const year = 2015 + Math.floor(rnd() * 10);
    const body = [
      `${a} traf am ${day}. ${month} ${year} in ${pick(PLACES)} mit ${b} zusammen.`,
      `${a} telefonierte am ${1 + ((day + 3) % 27)}. ${month} ${year} mit ${b}.`,
      `${b} sagte nach dem Gespräch: „Wir haben offen über die Lage gesprochen.“`,
      `Beobachter nannten das Treffen Nummer ${i} einen Schritt nach vorn.`,
    ].join(' ');
    const file = join(dir, `article-${String(i).padStart(4, '0')}.txt`);
    writeFileSync(file, `Treffen ${i}: ${a} und ${b}\n\n${body}\n`);
    files.push(file);
  }
  return files;
}

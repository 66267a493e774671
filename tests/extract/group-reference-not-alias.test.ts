import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

describe('group references are never aliases of one person', () => {
  it('German "Die beiden Minister"', () => {
    const { x } = run('Außenministerin Beate Meinl-Reisinger traf am Montag in Wien ihren slowakischen Amtskollegen Juraj Blanár. Die beiden Minister sprachen über die Energiepolitik.', 'de', '2025-02-03');
    for (const e of x.entities) expect(e.aliases.map((a) => a.toLowerCase())).not.toContain('die beiden minister');
  });
  it('English "the two leaders"', () => {
    const { x } = run('Prime Minister Petteri Orpo met Prime Minister Kristen Michal in Helsinki on Monday. The two leaders discussed the cables.', 'en', '2025-02-03');
    for (const e of x.entities) expect(e.aliases.map((a) => a.toLowerCase())).not.toContain('the two leaders');
  });
});

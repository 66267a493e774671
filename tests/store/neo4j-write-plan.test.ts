// The Neo4j store's write plan: what one article turns into before it reaches Cypher. No database needed.
import { describe, expect, it } from 'vitest';
import { evidenceId } from '../../src/domain/ids.js';
import { planArticle, referencedEntityIds } from '../../src/store/neo4j/write-plan.js';
import { chronicle, entity, extracted, hamburg, putin, riabkow, trump } from '../fixtures/extracted-articles.js';

describe('planArticle', () => {
  it('groups relations by type with date ranges, and stores a relation without target as a flagged self-loop', () => {
    const plan = planArticle(chronicle);
    expect([...plan.relations.keys()].sort()).toEqual(['CALLED', 'MET_AT', 'STATED']);
    expect(plan.relationCount).toBe(5);
    const hamburgMeeting = plan.relations.get('MET_AT')?.find((r) => r.props.placeId === hamburg.id);
    expect(hamburgMeeting).toMatchObject({ sourceId: trump.id, endId: putin.id, props: { date: '2017-07', dateStart: '2017-07-01', dateEnd: '2017-07-31', hasTarget: true } });
    const aboutNothing = plan.relations.get('STATED')?.find((r) => r.sourceId === riabkow.id);
    expect(aboutNothing).toMatchObject({ endId: riabkow.id, props: { hasTarget: false, quote: 'wirkliche Fortschritte' } });
    expect(plan.evidence).toHaveLength(5);
    expect(plan.mentions.sort()).toEqual(chronicle.entities.map((e) => e.id).sort());
  });

  it('keeps every surface form with its normalised key', () => {
    const plan = planArticle(chronicle);
    const p = plan.entities.find((e) => e.id === putin.id);
    expect(p).toMatchObject({ name: 'Wladimir Putin', nameKey: 'wladimir putin' });
    expect(p?.forms).toEqual([
      { alias: 'Wladimir Putin', key: 'wladimir putin' },
      { alias: 'Putin', key: 'putin' },
      { alias: 'Putins', key: 'putins' },
      { alias: 'Kremlchef', key: 'kremlchef' },
    ]);
  });

  it('collapses repeats: first name wins, forms union, highest confidence, all mentions once', () => {
    const text = 'Trump rief Putin an. Danach rief Trump wieder Putin an.';
    const x = extracted({
      title: 't', text, entities: [putin, entity('Wladimir Putin', 'PERSON', ['W. Putin'], 'Q7747'), trump],
      relations: [
        { type: 'CALLED', source: trump, target: putin, sentences: ['Trump rief Putin an.'] },
        { type: 'CALLED', source: trump, target: putin, sentences: ['Trump rief Putin an.', 'Danach rief Trump wieder Putin an.'] },
      ],
    });
    x.relations[1].confidence = 0.95;
    const plan = planArticle(x);
    expect(plan.entities).toHaveLength(2);
    expect(plan.entities[0].forms.map((f) => f.alias)).toEqual(['Wladimir Putin', 'Putin', 'Putins', 'Kremlchef', 'W. Putin']);
    const [called] = plan.relations.get('CALLED') ?? [];
    expect(called.props.confidence).toBe(0.95);
    expect(plan.evidence.map((e) => e.id)).toEqual([
      evidenceId(called.id, x.article.id, 0, 20),
      evidenceId(called.id, x.article.id, 21, text.length),
    ]);
  });

  it('redirects merged-away entities to the kept one everywhere', () => {
    const redirects = new Map([[riabkow.id, { keptId: putin.id }], [hamburg.id, { keptId: 'wd:Q1757' }]]);
    const plan = planArticle(chronicle, redirects);
    expect(plan.entities.map((e) => e.id)).not.toContain(riabkow.id);
    const p = plan.entities.find((e) => e.id === putin.id);
    expect(p?.forms.map((f) => f.alias)).toEqual(expect.arrayContaining(['Sergej Riabkow', 'Rjabkow']));
    const stated = plan.relations.get('STATED')?.find((r) => r.props.quote === 'wirkliche Fortschritte');
    expect(stated).toMatchObject({ sourceId: putin.id, endId: putin.id, props: { hasTarget: false } });
    expect(plan.relations.get('MET_AT')?.map((r) => r.props.placeId)).toContain('wd:Q1757');
    expect(referencedEntityIds(chronicle)).toEqual(expect.arrayContaining([riabkow.id, hamburg.id]));
  });
});

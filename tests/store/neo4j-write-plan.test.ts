// The Neo4j store's write plan: what one article turns into before it reaches Cypher. No database needed.
import { describe, expect, it } from 'vitest';
import { evidenceId } from '../../src/domain/ids.js';
import { combinePlans, groupRows, planArticle, referencedEntityIds, transactionGroups } from '../../src/store/neo4j/write-plan.js';
import { chronicle, entity, extracted, hamburg, planned, putin, reactions, riabkow, selenskyj, trump } from '../fixtures/extracted-articles.js';

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

describe('combinePlans', () => {
  it('writes a relation two articles share once, with the first ends and the highest confidence, owned by the first', () => {
    const later = { ...reactions, relations: reactions.relations.map((r) => ({ ...r, confidence: 0.97 })) };
    const plan = combinePlans([planArticle(chronicle), planArticle(later)]);
    const helsinki = (plan.relations.get('MET_AT') ?? []).filter((r) => r.props.date === '2018-07');
    expect(helsinki).toHaveLength(1);
    expect(helsinki[0]).toMatchObject({ sourceId: trump.id, endId: putin.id, props: { confidence: 0.97 } });
    expect(plan.relationOwner.get(helsinki[0].id)).toBe(0);
    const called = (plan.relations.get('CALLED') ?? []).find((r) => r.sourceId === selenskyj.id);
    expect(plan.relationOwner.get(called?.id ?? '')).toBe(1);
    // The article's own plan is not changed by combining.
    expect(planArticle(chronicle).relations.get('MET_AT')?.find((r) => r.props.date === '2018-07')?.props.confidence).toBe(0.9);
  });

  it('keeps an entity once, first name first, every surface form in article order, owned by its first article', () => {
    const plan = combinePlans([planArticle(reactions), planArticle(chronicle), planArticle(planned)]);
    const p = plan.entities.filter((e) => e.id === putin.id);
    expect(p).toHaveLength(1);
    expect(p[0].forms.map((f) => f.alias)).toEqual(['Wladimir Putin', 'Putins', 'Putin', 'Kremlchef']);
    expect(plan.entityOwner.get(putin.id)).toBe(0);
    expect(plan.entityOwner.get(riabkow.id)).toBe(1);
  });

  it('keeps every article\'s evidence and mentions under that article', () => {
    const plan = combinePlans([planArticle(chronicle), planArticle(reactions)]);
    expect(plan.evidence).toHaveLength(9);
    expect(plan.evidence.filter((e) => e.articleId === reactions.article.id)).toHaveLength(4);
    expect(plan.mentions.map((m) => m.articleId)).toEqual([chronicle.article.id, reactions.article.id]);
  });
});

describe('transactionGroups', () => {
  const article = (i: number, relations = 2) =>
    extracted({
      title: `t${i}`,
      text: `Trump rief Putin an (${i}).`,
      entities: [trump, putin],
      relations: Array.from({ length: relations }, () => ({ type: 'CALLED' as const, source: trump, target: putin, sentences: [`Trump rief Putin an (${i}).`] })),
    });

  it('writes a batch in one transaction, in input order', () => {
    const batch = Array.from({ length: 20 }, (_, i) => article(i));
    const groups = transactionGroups(batch);
    expect(groups.map((g) => g.length)).toEqual([20]);
    expect(groups.flat()).toEqual(batch);
  });

  it('keeps a transaction within its relation budget', () => {
    const batch = Array.from({ length: 12 }, (_, i) => article(i, 10));
    expect(transactionGroups(batch, 30).map((g) => g.length)).toEqual([3, 3, 3, 3]);
  });

  it('writes alone an article whose relation ends are not among its entities', () => {
    const relying = extracted({ title: 'r', text: 'Trump rief Selenskyj an.', entities: [trump], relations: [{ type: 'CALLED', source: trump, target: selenskyj, sentences: ['Trump rief Selenskyj an.'] }] });
    const batch = [article(0), article(1), relying, article(2), article(3)];
    const groups = transactionGroups(batch);
    expect(groups.map((g) => g.length)).toEqual([2, 1, 2]);
    expect(groups[1]).toEqual([relying]);
  });
});

describe('groupRows', () => {
  it('names relation ends and mentions by position, looks up ends an article relies on, and files evidence under its article', () => {
    const relying = extracted({ title: 'r', text: 'Trump rief Selenskyj an.', entities: [trump], relations: [{ type: 'CALLED', source: trump, target: selenskyj, sentences: ['Trump rief Selenskyj an.'] }] });
    const plans = [planArticle(chronicle), planArticle(relying)];
    const batch = combinePlans(plans);
    const rows = groupRows(batch, plans);
    const ends = [...rows.entities.map((e) => e.id), ...rows.refs];
    expect(rows.refs).toEqual(chronicle.entities.some((e) => e.id === selenskyj.id) ? [] : [selenskyj.id]);
    for (const [type, list] of batch.relations) {
      const got = rows.relations.get(type) ?? [];
      expect(got.map((r) => [r.id, ends[r.s], ends[r.t]])).toEqual(list.map((r) => [r.id, r.sourceId, r.endId]));
      for (const r of got) {
        expect(r.props).not.toHaveProperty('id');
        expect(Object.values(r.props)).not.toContain(null);
      }
    }
    expect(rows.articles.map((a) => a.id)).toEqual(plans.map((p) => p.article.id));
    rows.articles.forEach((a, i) => {
      expect(a.mentions.map((m) => ends[m])).toEqual(plans[i].mentions);
      expect(a.evidence.map((e) => e.id)).toEqual(batch.evidence.filter((e) => e.articleId === a.id).map((e) => e.id));
    });
  });
});

// The GraphStore contract: one suite, run unchanged against every store (SQLite, Neo4j).
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../src/store/graph-store.js';
import { readSnapshot, snapshotChecksum, writeSnapshot } from '../../src/store/snapshot.js';
import { parseWindow } from '../../src/domain/date-range.js';
import { ALL_FIXTURES, baerbock, chronicle, extracted, helsinki, leavitt, planned, putin, reactions, riabkow, selenskyj, trump } from '../fixtures/extracted-articles.js';

/** A fresh, empty storage per test; `open` may be called more than once to get concurrent connections. */
export interface StoreHarness {
  fresh(): Promise<{ open(): Promise<GraphStore>; dispose(): Promise<void> }>;
  /** A second empty storage alongside the first, for copies; a store with one database gives another kind. */
  second?(): Promise<{ open(): Promise<GraphStore>; dispose(): Promise<void> }>;
  shutdown?(): Promise<void>;
}

async function ingestAll(store: GraphStore) {
  return store.writeArticles(ALL_FIXTURES);
}

export function describeGraphStoreContract(name: string, harness: StoreHarness): void {
  describe(`GraphStore contract: ${name}`, () => {
    let store: GraphStore;
    let storage: Awaited<ReturnType<StoreHarness['fresh']>>;
    const opened: GraphStore[] = [];
    const open = async () => {
      const s = await storage.open();
      opened.push(s);
      return s;
    };

    beforeEach(async () => {
      storage = await harness.fresh();
      store = await open();
    });
    afterEach(async () => {
      for (const s of opened.splice(0)) await s.close();
      await storage.dispose();
    });
    afterAll(async () => harness.shutdown?.());

    it('writes an article and reports exactly what it added', async () => {
      const result = await store.writeArticle(chronicle);
      expect(result).toEqual({ articleId: chronicle.article.id, status: 'new', entitiesAdded: 5, relationsAdded: 5, evidenceAdded: 5 });
      expect(await store.counts()).toEqual({ articles: 1, entities: 5, relations: 5, evidence: 5 });
      expect(await store.hasArticle(chronicle.article.id)).toBe(true);
    });

    it('adds nothing when the same articles are ingested again', async () => {
      await ingestAll(store);
      const before = await store.counts();
      const again = await ingestAll(store);
      expect(again.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
      expect(again.every((r) => r.entitiesAdded + r.relationsAdded + r.evidenceAdded === 0)).toBe(true);
      expect(await store.counts()).toEqual(before);
    });

    it('keeps one relation with two pieces of evidence for an event two articles report', async () => {
      const results = await ingestAll(store);
      expect(results[1].relationsAdded).toBe(3); // the Helsinki meeting was already known
      const [helsinkiMeeting] = (await store.listRelations({ types: ['MET_AT'], since: '2018-07-01', until: '2018-07-31', first: 10, offset: 0 })).items;
      expect(helsinkiMeeting.placeId).toBe(helsinki.id);
      expect(helsinkiMeeting.evidence.map((e) => e.articleId).sort()).toEqual([chronicle.article.id, reactions.article.id].sort());
      for (const e of helsinkiMeeting.evidence) {
        const article = await store.getArticle(e.articleId);
        expect(article?.text.slice(e.start, e.end)).toBe(e.sentence);
      }
      expect(await store.counts()).toEqual({ articles: 3, entities: 9, relations: 9, evidence: 10 });
    });

    it('finds an entity by name, alias, id or Wikidata id, ignoring case and accents', async () => {
      await ingestAll(store);
      for (const q of ['Wladimir Putin', 'putin', 'PUTINS', 'Kremlchef', 'Q7747', putin.id]) {
        expect((await store.findEntity(q))?.id, q).toBe(putin.id);
      }
      expect((await store.findEntity('Selénskyj'))?.id).toBe(selenskyj.id);
      expect((await store.findEntity('Leavitt'))?.name).toBe('Karoline Leavitt');
      expect(await store.findEntity('Nobody Atall')).toBeNull();
    });

    it('merges the aliases an entity has in different articles', async () => {
      await store.writeArticle(chronicle);
      await store.writeArticle(reactions);
      const [p] = await store.getEntities([putin.id]);
      expect(p).toEqual({ id: putin.id, name: 'Wladimir Putin', type: 'PERSON', wikidata: 'Q7747', aliases: ['Kremlchef', 'Putin', 'Putins'] });
    });

    it('searches entities ranked exact, prefix, contains, with type filter and paging', async () => {
      await ingestAll(store);
      const persons = await store.searchEntities({ search: 'putin', type: 'PERSON', first: 10, offset: 0 });
      expect(persons.items.map((e) => e.id)).toEqual([putin.id]);
      const all = await store.searchEntities({ search: '', first: 4, offset: 0 });
      expect(all.totalCount).toBe(9);
      expect(all.hasNextPage).toBe(true);
      const rest = await store.searchEntities({ search: '', first: 10, offset: 4 });
      expect(rest.items).toHaveLength(5);
      expect(new Set([...all.items, ...rest.items].map((e) => e.id)).size).toBe(9);
      const ranked = await store.searchEntities({ search: 'an', first: 10, offset: 0 });
      // "Annalena Baerbock" starts with the search; the others only contain it.
      expect(ranked.items[0].id).toBe(baerbock.id);
      const places = await store.searchEntities({ type: 'PLACE', first: 10, offset: 0 });
      expect(places.items.map((e) => e.name)).toEqual(['Hamburg', 'Helsinki']);
    });

    it('lists relations by type, status, entity, article and time window, dated first in date order', async () => {
      await ingestAll(store);
      const all = await store.listRelations({ first: 100, offset: 0 });
      expect(all.totalCount).toBe(9);
      const dates = all.items.map((r) => r.date);
      expect(dates).toEqual(['2017-07', '2018-07', '2025-03-18', '2025-03-19', '2025-05', null, null, null, null]);
      const calls = await store.listRelations({ types: ['CALLED'], first: 10, offset: 0 });
      expect(calls.items.map((r) => r.sourceId)).toEqual([trump.id, selenskyj.id]);
      const plannedOnly = await store.listRelations({ statuses: ['planned'], first: 10, offset: 0 });
      expect(plannedOnly.items.map((r) => r.id)).toEqual([planned.relations[0].id]);
      const aboutLeavitt = await store.listRelations({ entityId: leavitt.id, first: 10, offset: 0 });
      expect(aboutLeavitt.items.map((r) => r.type)).toEqual(['STATED']);
      const fromReactions = await store.listRelations({ articleId: reactions.article.id, first: 10, offset: 0 });
      expect(fromReactions.totalCount).toBe(4);
      const window = await store.listRelations({ ...parseWindow('2018', '2025-03-18'), first: 10, offset: 0 });
      expect(window.items.map((r) => r.date)).toEqual(['2018-07', '2025-03-18']);
      const page2 = await store.listRelations({ first: 3, offset: 3 });
      expect(page2.items.map((r) => r.id)).toEqual(all.items.slice(3, 6).map((r) => r.id));
      expect(page2.hasNextPage).toBe(true);
    });

    it('keeps a statement about nothing, with a null target', async () => {
      await store.writeArticle(chronicle);
      const stated = await store.listRelations({ entityId: riabkow.id, first: 10, offset: 0 });
      expect(stated.items).toHaveLength(1);
      expect(stated.items[0]).toMatchObject({ type: 'STATED', targetId: null, quote: 'wirkliche Fortschritte', status: 'occurred' });
    });

    it('returns articles as written', async () => {
      await store.writeArticle(chronicle);
      const a = await store.getArticle(chronicle.article.id);
      expect(a).toEqual({
        id: chronicle.article.id, title: chronicle.article.title, text: chronicle.article.text, url: null, published: '2025-03-20',
        lang: 'de', externalId: null, tags: ['Russland', 'USA'], origin: 'fixture',
      });
      expect(await store.getArticles(['nope', chronicle.article.id])).toEqual([null, a]);
    });

    it('finds paths shortest first, then by relation ids, each edge with evidence', async () => {
      await ingestAll(store);
      const paths = await store.paths({ fromId: baerbock.id, toId: trump.id, maxHops: 3, first: 10 });
      expect(paths.length).toBeGreaterThan(3);
      expect(paths[0].nodeIds).toEqual([baerbock.id, putin.id, trump.id]);
      for (const p of paths) {
        expect(p.nodeIds[0]).toBe(baerbock.id);
        expect(p.nodeIds.at(-1)).toBe(trump.id);
        expect(new Set(p.nodeIds).size).toBe(p.nodeIds.length);
        expect(p.edges.length).toBe(p.nodeIds.length - 1);
        p.edges.forEach((e, i) => {
          expect([e.sourceId, e.targetId].sort()).toEqual([p.nodeIds[i], p.nodeIds[i + 1]].sort());
          expect(e.evidence.length).toBeGreaterThan(0);
        });
      }
      const keys = paths.map((p) => [p.edges.length, ...p.edges.map((e) => e.id)]);
      const sorted = [...keys].sort((a, b) => (a[0] !== b[0] ? Number(a[0]) - Number(b[0]) : a.slice(1).join(' ') < b.slice(1).join(' ') ? -1 : 1));
      expect(keys).toEqual(sorted);
      // 2-hop paths: one per Putin–Trump relation (2 meetings, 1 call, 1 statement).
      expect(paths.filter((p) => p.edges.length === 2)).toHaveLength(4);
      // 3 hops through Selenskyj: Baerbock–Putin–Selenskyj (planned meeting)–Trump (call).
      expect(paths.some((p) => p.nodeIds.join() === [baerbock.id, putin.id, selenskyj.id, trump.id].join())).toBe(true);
    });

    it('applies relation-type, status and time filters to every hop of a path', async () => {
      await ingestAll(store);
      const onlyMeetings = await store.paths({ fromId: selenskyj.id, toId: trump.id, maxHops: 3, first: 10, relationTypes: ['MET_AT'] });
      expect(onlyMeetings.map((p) => p.nodeIds)).toEqual([[selenskyj.id, putin.id, trump.id], [selenskyj.id, putin.id, trump.id]]);
      expect(onlyMeetings.flatMap((p) => p.edges.map((e) => e.type)).every((t) => t === 'MET_AT')).toBe(true);
      const occurred = await store.paths({ fromId: selenskyj.id, toId: putin.id, maxHops: 3, first: 10, statuses: ['occurred'] });
      expect(occurred.every((p) => p.edges.every((e) => e.status === 'occurred'))).toBe(true);
      expect(occurred[0].nodeIds).toEqual([selenskyj.id, trump.id, putin.id]);
      const in2018 = await store.paths({ fromId: putin.id, toId: trump.id, maxHops: 2, first: 10, ...parseWindow('2018', '2018') });
      expect(in2018.map((p) => p.edges.map((e) => e.date))).toEqual([['2018-07']]);
      expect(await store.paths({ fromId: baerbock.id, toId: trump.id, maxHops: 1, first: 10 })).toEqual([]);
    });

    it('gives the same shortest path as the first of paths', async () => {
      await ingestAll(store);
      for (const [a, b] of [[baerbock, trump], [leavitt, putin], [selenskyj, baerbock], [riabkow, trump]]) {
        const first = (await store.paths({ fromId: a.id, toId: b.id, maxHops: 6, first: 1 }))[0] ?? null;
        expect(await store.shortestPath({ fromId: a.id, toId: b.id, maxHops: 6 }), `${a.name} → ${b.name}`).toEqual(first);
      }
      const leavittPutin = await store.shortestPath({ fromId: leavitt.id, toId: putin.id, maxHops: 6 });
      expect(leavittPutin?.edges).toHaveLength(2);
      // Riabkow's statement has no target: he is connected to nobody.
      expect(await store.shortestPath({ fromId: riabkow.id, toId: trump.id, maxHops: 6 })).toBeNull();
    });

    it('creates no duplicates when two connections ingest the same articles at once', async () => {
      const other = await open();
      const [a, b] = await Promise.all([ingestAll(store), ingestAll(other)]);
      const statuses = [...a, ...b].map((r) => r.status);
      expect(statuses.filter((s) => s === 'new')).toHaveLength(3);
      expect(await store.counts()).toEqual({ articles: 3, entities: 9, relations: 9, evidence: 10 });
      const added = [...a, ...b].reduce((n, r) => n + r.relationsAdded, 0);
      expect(added).toBe(9);
    });

    it('filters relations by counterpart, source, target, place, country and confidence', async () => {
      await ingestAll(store);
      const pair = await store.listRelations({ entityId: putin.id, counterpartId: trump.id, first: 10, offset: 0 });
      expect(pair.items.map((r) => r.type)).toEqual(['MET_AT', 'MET_AT', 'CALLED', 'STATED']);
      const byPutinAboutTrump = await store.listRelations({ types: ['STATED'], sourceId: putin.id, targetId: trump.id, first: 10, offset: 0 });
      expect(byPutinAboutTrump.items.map((r) => r.quote)).toEqual(['Fernseh-Trump']);
      const inHelsinki = await store.listRelations({ placeId: helsinki.id, first: 10, offset: 0 });
      expect(inHelsinki.items.map((r) => r.date)).toEqual(['2018-07']);
      expect((await store.listRelations({ countryId: helsinki.id, first: 10, offset: 0 })).totalCount).toBe(1);
      expect((await store.listRelations({ minConfidence: 0.95, first: 10, offset: 0 })).totalCount).toBe(0);
      expect((await store.listRelations({ minConfidence: 0.9, first: 10, offset: 0 })).totalCount).toBe(9);
    });

    it('finds time-respecting paths only where dates allow each hop after the previous one', async () => {
      await ingestAll(store);
      // Trump called Putin on 2025-03-18, Selenskyj called Trump on 2025-03-19.
      const forward = await store.paths({ fromId: putin.id, toId: selenskyj.id, maxHops: 2, first: 10, timeRespecting: true, relationTypes: ['CALLED'] });
      expect(forward.map((p) => p.edges.map((e) => e.date))).toEqual([['2025-03-18', '2025-03-19']]);
      const backward = await store.paths({ fromId: selenskyj.id, toId: putin.id, maxHops: 2, first: 10, timeRespecting: true, relationTypes: ['CALLED'] });
      expect(backward).toEqual([]);
      const plain = await store.paths({ fromId: selenskyj.id, toId: putin.id, maxHops: 2, first: 10, relationTypes: ['CALLED'] });
      expect(plain).toHaveLength(1);
      expect(await store.shortestPath({ fromId: selenskyj.id, toId: putin.id, maxHops: 2, timeRespecting: true, relationTypes: ['CALLED'] })).toBeNull();
    });

    it('returns a neighborhood, nearest first, cut at maxNodes', async () => {
      await ingestAll(store);
      const n = await store.neighborhood({ entityId: putin.id, depth: 1, maxNodes: 50 });
      expect(n.nodeIds).toEqual([putin.id, baerbock.id, trump.id, selenskyj.id]);
      expect(n.relations).toHaveLength(7);
      expect(n.truncated).toBe(false);
      expect(n.relations.map((r) => r.id)).toEqual([...n.relations.map((r) => r.id)].sort());
      const two = await store.neighborhood({ entityId: putin.id, depth: 2, maxNodes: 50 });
      expect(two.nodeIds).toContain(leavitt.id);
      const cut = await store.neighborhood({ entityId: putin.id, depth: 1, maxNodes: 2 });
      expect(cut).toMatchObject({ nodeIds: [putin.id, baerbock.id], truncated: true });
      expect(cut.relations.map((r) => r.type)).toEqual(['STATED']);
      const meetings = await store.neighborhood({ entityId: putin.id, depth: 1, maxNodes: 50, relationTypes: ['MET_AT'], statuses: ['occurred'] });
      expect(meetings.nodeIds).toEqual([putin.id, trump.id]);
    });

    it('ranks the most connected actors, also within a time window', async () => {
      await ingestAll(store);
      const all = await store.degreeRanking({ first: 3 });
      expect(all).toEqual([
        { entityId: trump.id, degree: 3, relations: 6 },
        { entityId: putin.id, degree: 3, relations: 6 },
        { entityId: selenskyj.id, degree: 2, relations: 2 },
      ]);
      const in2025 = await store.degreeRanking({ first: 10, ...parseWindow('2025', null) });
      expect(in2025.map((r) => [r.entityId, r.degree])).toEqual([[trump.id, 2], [selenskyj.id, 2], [putin.id, 2]]);
    });

    it('counts an actor\'s contacts per counterpart and type', async () => {
      await ingestAll(store);
      expect(await store.contactCounts(putin.id, {})).toEqual([
        { counterpartId: trump.id, type: 'MET_AT', count: 2 },
        { counterpartId: baerbock.id, type: 'STATED', count: 1 },
        { counterpartId: trump.id, type: 'CALLED', count: 1 },
        { counterpartId: trump.id, type: 'STATED', count: 1 },
        { counterpartId: selenskyj.id, type: 'MET_AT', count: 1 },
      ]);
      expect(await store.contactCounts(putin.id, { relationTypes: ['CALLED'] })).toEqual([{ counterpartId: trump.id, type: 'CALLED', count: 1 }]);
    });

    it('lists articles newest first', async () => {
      await ingestAll(store);
      const page = await store.listArticles({ first: 10, offset: 0 });
      expect(page.items.map((a) => a.id)).toEqual([planned.article.id, reactions.article.id, chronicle.article.id]);
      expect(page.totalCount).toBe(3);
    });

    it('deletes an article and only what it alone supported', async () => {
      await ingestAll(store);
      const removed = await store.deleteArticle(reactions.article.id);
      expect(removed).toEqual({ articleId: reactions.article.id, relationsRemoved: 3, evidenceRemoved: 4, entitiesRemoved: 2 });
      expect(await store.counts()).toEqual({ articles: 2, entities: 7, relations: 6, evidence: 6 });
      const [meeting] = (await store.listRelations({ placeId: helsinki.id, first: 1, offset: 0 })).items;
      expect(meeting.evidence.map((e) => e.articleId)).toEqual([chronicle.article.id]);
      expect(await store.findEntity('Baerbock')).toBeNull();
      expect(await store.findEntity('Selenskyj')).not.toBeNull();
      expect(await store.deleteArticle(reactions.article.id)).toBeNull();
      // Ingesting it again restores exactly what was there.
      await store.writeArticle(reactions);
      expect(await store.counts()).toEqual({ articles: 3, entities: 9, relations: 9, evidence: 10 });
    });

    it('merges two entities reversibly and redirects later ingests', async () => {
      await ingestAll(store);
      const before = await store.getEntities([putin.id]);
      const merge = await store.mergeEntities(putin.id, riabkow.id);
      expect(merge).toMatchObject({ keptId: putin.id, mergedId: riabkow.id, undoneAt: null, merged: { name: 'Sergej Riabkow' } });
      expect((await store.findEntity('Rjabkow'))?.id).toBe(putin.id);
      expect((await store.getEntities([riabkow.id]))[0]).toBeNull();
      expect((await store.listRelations({ sourceId: putin.id, types: ['STATED'], first: 10, offset: 0 })).totalCount).toBe(2);
      const later = extracted({
        title: 'Riabkow again', text: 'Riabkow sagte „nichts Neues“.', entities: [riabkow],
        relations: [{ type: 'STATED', source: riabkow, quote: 'nichts Neues', sentences: ['Riabkow sagte „nichts Neues“.'] }],
      });
      expect((await store.writeArticle(later)).entitiesAdded).toBe(0);
      expect((await store.listRelations({ sourceId: putin.id, types: ['STATED'], first: 10, offset: 0 })).totalCount).toBe(3);
      expect((await store.listMerges()).map((m) => m.id)).toEqual([merge.id]);

      const split = await store.splitEntity(merge.id);
      expect(split.undoneAt).not.toBeNull();
      expect((await store.findEntity('Rjabkow'))?.id).toBe(riabkow.id);
      expect(await store.getEntities([putin.id])).toEqual(before);
      expect((await store.listRelations({ entityId: riabkow.id, first: 10, offset: 0 })).items.map((r) => r.quote)).toEqual(['wirkliche Fortschritte']);
      await expect(store.splitEntity(merge.id)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
      await expect(store.mergeEntities(putin.id, 'person:nobody')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('lists the entities an article mentions, with or without a relation', async () => {
      await ingestAll(store);
      const ids = (await store.articleEntities(planned.article.id)).map((e) => e.id);
      expect(ids).toEqual(planned.entities.map((e) => e.id).sort());
    });

    it('copies itself through a snapshot with identical counts and checksum, idempotently', async () => {
      await ingestAll(store);
      const target = await (harness.second ?? harness.fresh)();
      const copy = await target.open();
      try {
        const first = await writeSnapshot(copy, readSnapshot(store));
        expect(first.articlesNew).toBe(3);
        expect(first.counts).toEqual(await store.counts());
        expect(await snapshotChecksum(copy)).toBe(await snapshotChecksum(store));
        const again = await writeSnapshot(copy, readSnapshot(store));
        expect(again).toMatchObject({ articlesNew: 0, articlesDuplicate: 3, counts: first.counts });
        expect(await copy.paths({ fromId: baerbock.id, toId: trump.id, maxHops: 3, first: 10 })).toEqual(
          await store.paths({ fromId: baerbock.id, toId: trump.id, maxHops: 3, first: 10 }),
        );
      } finally {
        await copy.close();
        await target.dispose();
      }
    });

    it('passes its integrity check after ingest, delete and merge', async () => {
      await ingestAll(store);
      await store.deleteArticle(reactions.article.id);
      await store.mergeEntities(putin.id, riabkow.id);
      const report = await store.checkIntegrity();
      expect(report).toEqual({
        counts: await store.counts(),
        relationsWithoutEvidence: [],
        evidenceWithoutArticle: [],
        evidenceOffsetMismatch: [],
        relationsWithMissingEntity: [],
      });
    });
  });
}

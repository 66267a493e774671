// Versioned schema of the embedded store. Append migrations; never edit one that has shipped.
// `PRAGMA user_version` holds the number of migrations applied.

export const MIGRATIONS: readonly string[] = [
  // 1: articles, entities with aliases, relations with evidence.
  `
  CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    title TEXT,
    text TEXT NOT NULL,
    url TEXT,
    published TEXT,
    lang TEXT NOT NULL,
    external_id TEXT,
    tags TEXT NOT NULL DEFAULT '[]',
    origin TEXT,
    extractor_version TEXT NOT NULL,
    ingested_at TEXT NOT NULL
  );
  CREATE TABLE entities (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    norm_name TEXT NOT NULL,
    type TEXT NOT NULL,
    wikidata TEXT
  );
  CREATE INDEX entities_norm_name ON entities(norm_name);
  CREATE INDEX entities_wikidata ON entities(wikidata);
  CREATE TABLE entity_aliases (
    entity_id TEXT NOT NULL REFERENCES entities(id),
    alias TEXT NOT NULL,
    norm TEXT NOT NULL,
    PRIMARY KEY (entity_id, alias)
  );
  CREATE INDEX entity_aliases_norm ON entity_aliases(norm);
  CREATE TABLE relations (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    source_id TEXT NOT NULL REFERENCES entities(id),
    target_id TEXT REFERENCES entities(id),
    place_id TEXT REFERENCES entities(id),
    date TEXT,
    date_start TEXT,
    date_end TEXT,
    status TEXT NOT NULL,
    quote TEXT,
    confidence REAL NOT NULL,
    role TEXT,
    cameo TEXT,
    plover TEXT
  );
  CREATE INDEX relations_source ON relations(source_id);
  CREATE INDEX relations_target ON relations(target_id);
  CREATE INDEX relations_date ON relations(date_start);
  CREATE TABLE evidence (
    id TEXT PRIMARY KEY,
    relation_id TEXT NOT NULL REFERENCES relations(id),
    article_id TEXT NOT NULL REFERENCES articles(id),
    sentence TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    extractor_version TEXT NOT NULL
  );
  CREATE INDEX evidence_relation ON evidence(relation_id);
  CREATE INDEX evidence_article ON evidence(article_id);
  `,
  // 2: which articles mention an entity (so deleting an article removes what only it supported),
  // and recorded, reversible entity merges.
  `
  CREATE TABLE entity_mentions (
    entity_id TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id),
    PRIMARY KEY (entity_id, article_id)
  );
  CREATE INDEX entity_mentions_article ON entity_mentions(article_id);
  INSERT OR IGNORE INTO entity_mentions (entity_id, article_id)
    SELECT r.source_id, ev.article_id FROM evidence ev JOIN relations r ON r.id = ev.relation_id
    UNION SELECT r.target_id, ev.article_id FROM evidence ev JOIN relations r ON r.id = ev.relation_id WHERE r.target_id IS NOT NULL
    UNION SELECT r.place_id, ev.article_id FROM evidence ev JOIN relations r ON r.id = ev.relation_id WHERE r.place_id IS NOT NULL;
  CREATE TABLE entity_merges (
    id TEXT PRIMARY KEY,
    kept_id TEXT NOT NULL,
    merged_id TEXT NOT NULL,
    record TEXT NOT NULL,
    created_at TEXT NOT NULL,
    undone_at TEXT
  );
  CREATE INDEX entity_merges_merged ON entity_merges(merged_id);
  `,
  // 3: mentions keyed by their primary key alone (WITHOUT ROWID): one B-tree less to write per mention.
  `
  CREATE TABLE entity_mentions_v3 (
    entity_id TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id),
    PRIMARY KEY (entity_id, article_id)
  ) WITHOUT ROWID;
  INSERT INTO entity_mentions_v3 (entity_id, article_id) SELECT entity_id, article_id FROM entity_mentions;
  DROP TABLE entity_mentions;
  ALTER TABLE entity_mentions_v3 RENAME TO entity_mentions;
  CREATE INDEX entity_mentions_article ON entity_mentions(article_id);
  `,
  // 4: integer row keys so that a batch's rows land at the end of their B-trees instead of on random pages (a commit
  // wrote ~13 MB of WAL per 1,000 relations, for index pages hit by random TEXT keys). Articles and relations get an
  // explicit `rid` (an INTEGER PRIMARY KEY survives VACUUM, an implicit rowid may not); evidence is clustered by
  // (relation rid, article rid, start, end), the tuple its id is a hash of, so neither its id nor its relation needs
  // an index of its own; mentions are clustered by article. Ids, columns and answers are unchanged.
  `
  ALTER TABLE articles RENAME TO articles_v3;
  ALTER TABLE relations RENAME TO relations_v3;
  ALTER TABLE evidence RENAME TO evidence_v3;
  ALTER TABLE entity_mentions RENAME TO entity_mentions_v3;
  DROP INDEX relations_source;
  DROP INDEX relations_target;
  DROP INDEX relations_date;
  DROP INDEX evidence_relation;
  DROP INDEX evidence_article;
  DROP INDEX entity_mentions_article;
  CREATE TABLE articles (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    title TEXT,
    text TEXT NOT NULL,
    url TEXT,
    published TEXT,
    lang TEXT NOT NULL,
    external_id TEXT,
    tags TEXT NOT NULL DEFAULT '[]',
    origin TEXT,
    extractor_version TEXT NOT NULL,
    ingested_at TEXT NOT NULL
  );
  INSERT INTO articles (id, title, text, url, published, lang, external_id, tags, origin, extractor_version, ingested_at)
    SELECT id, title, text, url, published, lang, external_id, tags, origin, extractor_version, ingested_at FROM articles_v3 ORDER BY rowid;
  CREATE TABLE relations (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    source_id TEXT NOT NULL REFERENCES entities(id),
    target_id TEXT REFERENCES entities(id),
    place_id TEXT REFERENCES entities(id),
    date TEXT,
    date_start TEXT,
    date_end TEXT,
    status TEXT NOT NULL,
    quote TEXT,
    confidence REAL NOT NULL,
    role TEXT,
    cameo TEXT,
    plover TEXT
  );
  INSERT INTO relations (id, type, source_id, target_id, place_id, date, date_start, date_end, status, quote, confidence, role, cameo, plover)
    SELECT id, type, source_id, target_id, place_id, date, date_start, date_end, status, quote, confidence, role, cameo, plover FROM relations_v3 ORDER BY rowid;
  CREATE INDEX relations_source ON relations(source_id);
  CREATE INDEX relations_target ON relations(target_id);
  CREATE INDEX relations_date ON relations(date_start);
  CREATE TABLE evidence (
    relation_rid INTEGER NOT NULL REFERENCES relations(rid),
    article_rid INTEGER NOT NULL REFERENCES articles(rid),
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    id TEXT NOT NULL,
    sentence TEXT NOT NULL,
    extractor_version TEXT NOT NULL,
    PRIMARY KEY (relation_rid, article_rid, start, "end")
  ) WITHOUT ROWID;
  INSERT OR IGNORE INTO evidence (relation_rid, article_rid, start, "end", id, sentence, extractor_version)
    SELECT r.rid, a.rid, e.start, e."end", e.id, e.sentence, e.extractor_version
    FROM evidence_v3 e JOIN relations r ON r.id = e.relation_id JOIN articles a ON a.id = e.article_id ORDER BY r.rid, a.rid, e.start, e."end";
  CREATE INDEX evidence_article ON evidence(article_rid);
  CREATE TABLE entity_mentions (
    article_rid INTEGER NOT NULL REFERENCES articles(rid),
    entity_id TEXT NOT NULL,
    PRIMARY KEY (article_rid, entity_id)
  ) WITHOUT ROWID;
  INSERT INTO entity_mentions (article_rid, entity_id)
    SELECT a.rid, m.entity_id FROM entity_mentions_v3 m JOIN articles a ON a.id = m.article_id ORDER BY a.rid, m.entity_id;
  CREATE INDEX entity_mentions_entity ON entity_mentions(entity_id);
  DROP TABLE entity_mentions_v3;
  DROP TABLE evidence_v3;
  DROP TABLE relations_v3;
  DROP TABLE articles_v3;
  `,
  // 5: the entity index of mentions holds only mentions that relations do not already record. `by_relation` is 1 when
  // the writer stored, in the same article, a new relation with the entity as source or target (found through
  // relations_source/target and the evidence); such a mention was one random index insert per entity and article.
  // Set by the writer only; corrections and earlier rows store 0 (listed in the index), which is always correct.
  `
  ALTER TABLE entity_mentions ADD COLUMN by_relation INTEGER NOT NULL DEFAULT 0;
  DROP INDEX entity_mentions_entity;
  CREATE INDEX entity_mentions_entity ON entity_mentions(entity_id) WHERE by_relation = 0;
  `,
];

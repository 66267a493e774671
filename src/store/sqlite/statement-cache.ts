// Read statements prepared once per connection: compiling SQL costs as much as running a small indexed query,
// and the API runs the same few lookups thousands of times a second. Keyed by the connection object, so a
// reopened store starts afresh and a closed connection's statements go with it.
import type Database from 'better-sqlite3';

/** How rows come back: objects, the first column alone (`pluck`), or arrays (`raw`). */
export type RowMode = 'rows' | 'pluck' | 'raw';

/** Generated SQL (filter combinations) is bounded, but a cap keeps a pathological caller from growing it forever. */
const MAX_STATEMENTS = 500;

type Cache = Record<RowMode, Map<string, Database.Statement>>;

const caches = new WeakMap<Database.Database, Cache>();

/**
 * The statement for `sql` on `db`, prepared on first use. One map per row mode, so the SQL text alone is the key
 * (a constant string hashes once). Not for `iterate()`: a statement can run one iteration at a time.
 */
export function prepared(db: Database.Database, sql: string, mode: RowMode = 'rows'): Database.Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = { rows: new Map(), pluck: new Map(), raw: new Map() };
    caches.set(db, cache);
  }
  const byText = cache[mode];
  let statement = byText.get(sql);
  if (!statement) {
    if (byText.size >= MAX_STATEMENTS) byText.clear();
    statement = db.prepare(sql);
    if (mode === 'pluck') statement.pluck();
    else if (mode === 'raw') statement.raw();
    byText.set(sql, statement);
  }
  return statement;
}

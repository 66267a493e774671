// Read statements prepared once per connection: compiling SQL costs as much as running a small indexed query,
// and the API runs the same few lookups thousands of times a second. Keyed by the connection object, so a
// reopened store starts afresh and a closed connection's statements go with it.
import type Database from 'better-sqlite3';

/** How rows come back: objects, the first column alone (`pluck`), or arrays (`raw`). */
export type RowMode = 'rows' | 'pluck' | 'raw';

/** Generated SQL (filter combinations) is bounded, but a cap keeps a pathological caller from growing it forever. */
const MAX_STATEMENTS = 500;

const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** The statement for `sql` on `db`, prepared on first use. Not for `iterate()`: a statement can run one iteration at a time. */
export function prepared(db: Database.Database, sql: string, mode: RowMode = 'rows'): Database.Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const key = `${mode}\u0000${sql}`;
  let statement = cache.get(key);
  if (!statement) {
    if (cache.size >= MAX_STATEMENTS) cache.clear();
    statement = db.prepare(sql);
    if (mode === 'pluck') statement.pluck();
    else if (mode === 'raw') statement.raw();
    cache.set(key, statement);
  }
  return statement;
}

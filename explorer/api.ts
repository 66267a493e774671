// The explorer's only way to the data: GraphQL on the same server (`/graphql`), nothing from elsewhere.

export interface EntityView {
  id: string;
  name: string;
  type: string;
  aliases: string[];
  wikidata: string | null;
}

export interface EvidenceView {
  sentence: string;
  start: number;
  end: number;
  article: { id: string; title: string | null; published: string | null; url: string | null };
}

export interface RelationView {
  id: string;
  type: string;
  date: string | null;
  status: string | null;
  quote: string | null;
  confidence: number;
  role: string | null;
  cameo: string | null;
  plover: string | null;
  source: { id: string; name: string };
  target: { id: string; name: string } | null;
  place: { id: string; name: string } | null;
  evidence: EvidenceView[];
}

export interface Filters {
  relationTypes: string[] | null;
  since: string | null;
  until: string | null;
}

export interface PathView {
  length: number;
  nodes: EntityView[];
  edges: RelationView[];
}

const ENTITY_FIELDS = 'id name type aliases wikidata';
const RELATION_FIELDS = `id type date status quote confidence role cameo plover
  source { id name } target { id name } place { id name }
  evidence { sentence start end article { id title published url } }`;

/** Entities kept per neighborhood: enough to read, few enough to lay out in a browser. */
export const NEIGHBORHOOD_MAX_NODES = 150;
export const PATHS_SHOWN = 5;
const READ_KEY_STORAGE = 'diplograph.readKey';

interface GraphQLError {
  message: string;
  extensions?: { code?: string };
}

export class ApiError extends Error {
  constructor(message: string, readonly code: string | null) {
    super(message);
  }
}

async function post<T>(query: string, variables: Record<string, unknown>, retried = false): Promise<T> {
  const key = sessionStorage.getItem(READ_KEY_STORAGE);
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T | null; errors?: GraphQLError[] };
  const error = body.errors?.[0];
  if (error) {
    const code = error.extensions?.code ?? null;
    // A server with DIPLOGRAPH_READ_KEY wants the key on every read: ask once per tab.
    if (code === 'UNAUTHENTICATED' && !retried) {
      const given = window.prompt('This server needs a read key (DIPLOGRAPH_READ_KEY):');
      if (given) {
        sessionStorage.setItem(READ_KEY_STORAGE, given.trim());
        return post<T>(query, variables, true);
      }
    }
    throw new ApiError(error.message, code);
  }
  if (!body.data) throw new ApiError(`no data (HTTP ${res.status})`, null);
  return body.data;
}

export async function searchEntities(search: string, first = 8): Promise<EntityView[]> {
  const data = await post<{ entities: { edges: { node: EntityView }[] } }>(
    `query Search($search: String!, $first: Int!) { entities(search: $search, first: $first) { edges { node { ${ENTITY_FIELDS} } } } }`,
    { search, first },
  );
  return data.entities.edges.map((e) => e.node);
}

export async function entity(name: string): Promise<EntityView | null> {
  const data = await post<{ entity: EntityView | null }>(`query Entity($name: String!) { entity(name: $name) { ${ENTITY_FIELDS} } }`, { name });
  return data.entity;
}

export async function neighborhood(name: string, depth: number, filters: Filters): Promise<{ nodes: EntityView[]; edges: RelationView[]; truncated: boolean }> {
  const data = await post<{ neighborhood: { nodes: EntityView[]; edges: RelationView[]; truncated: boolean } }>(
    `query Neighborhood($entity: String!, $depth: Int!, $types: [RelationType!], $since: String, $until: String, $maxNodes: Int!) {
      neighborhood(entity: $entity, depth: $depth, relationTypes: $types, since: $since, until: $until, maxNodes: $maxNodes) {
        truncated nodes { ${ENTITY_FIELDS} } edges { ${RELATION_FIELDS} }
      }
    }`,
    { entity: name, depth, types: filters.relationTypes, since: filters.since, until: filters.until, maxNodes: NEIGHBORHOOD_MAX_NODES },
  );
  return data.neighborhood;
}

export async function paths(from: string, to: string, maxHops: number, filters: Filters): Promise<PathView[]> {
  const data = await post<{ paths: PathView[] }>(
    `query Paths($from: String!, $to: String!, $maxHops: Int!, $types: [RelationType!], $since: String, $until: String, $first: Int!) {
      paths(from: $from, to: $to, maxHops: $maxHops, relationTypes: $types, since: $since, until: $until, first: $first) {
        length nodes { ${ENTITY_FIELDS} } edges { ${RELATION_FIELDS} }
      }
    }`,
    { from, to, maxHops, types: filters.relationTypes, since: filters.since, until: filters.until, first: PATHS_SHOWN },
  );
  return data.paths;
}

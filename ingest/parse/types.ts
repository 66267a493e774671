// Shapes shared by the parser entry points and the per-format modules.
import type { InputError } from '../../src/domain/errors.js';
import type { ArticleInput } from '../../src/domain/model.js';

export interface ParsedFile {
  articles: ArticleInput[];
  errors: InputError[];
}

/** One article as a format module found it; `line` lets size-limit errors point at a JSON Lines line. */
export interface FoundArticle {
  article: ArticleInput;
  line: number | null;
}

/** What a format module returns: the caller applies the checks every format shares (size limit). */
export interface FormatResult {
  articles: FoundArticle[];
  errors: InputError[];
}

export type ArticleFormat = 'aggregator' | 'plain' | 'markdown' | 'jsonl' | 'json' | 'html';

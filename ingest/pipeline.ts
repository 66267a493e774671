// The ingest pipeline per input file: read → parse → prepare (id, language) → extract.
// Bad files and unsupported articles become InputErrors; the rest of the batch goes on.
import { InputError, ErrorCode } from '../src/domain/errors.js';
import type { ExtractedArticle } from '../src/domain/model.js';
import { extractArticle } from './extract/extract-article.js';
import { isSupportedLanguage, SUPPORTED_LANGUAGES } from './nlp/detect-language.js';
import { expandInputs } from './parse/expand-inputs.js';
import { readArticleFile, type ParseOptions } from './parse/parse-article-file.js';
import { prepareArticle } from './prepare-article.js';

export interface FileOutcome {
  file: string;
  articles: ExtractedArticle[];
  errors: InputError[];
}

export function extractFromInputs(file: string, inputs: Awaited<ReturnType<typeof readArticleFile>>): FileOutcome {
  const outcome: FileOutcome = { file, articles: [], errors: [...inputs.errors] };
  for (const input of inputs.articles) {
    const article = prepareArticle(input);
    const where = input.origin ?? file;
    if (!isSupportedLanguage(article.lang)) {
      outcome.errors.push(
        new InputError(where, `language '${article.lang}' is not supported (supported: ${SUPPORTED_LANGUAGES.join(', ')})`, null, ErrorCode.INPUT_INVALID),
      );
      continue;
    }
    try {
      outcome.articles.push(extractArticle(article));
    } catch (err) {
      // An extractor bug must not stop the batch; it is reported like bad input.
      outcome.errors.push(new InputError(where, `extraction failed: ${(err as Error).message}`));
    }
  }
  return outcome;
}

export async function processFile(file: string, options: ParseOptions = {}): Promise<FileOutcome> {
  return extractFromInputs(file, await readArticleFile(file, options));
}

/** Expands paths/globs and yields one outcome per file, in input order; expansion errors come first. */
export async function* processInputs(patterns: readonly string[], options: ParseOptions = {}): AsyncGenerator<FileOutcome> {
  const { files, errors } = await expandInputs(patterns);
  for (const err of errors) yield { file: err.file, articles: [], errors: [err] };
  for (const file of files) yield await processFile(file, options);
}

export async function listInputFiles(patterns: readonly string[]) {
  return expandInputs(patterns);
}

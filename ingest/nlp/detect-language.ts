// Language per article with ELD (Efficient Language Detector): n-gram based, offline, deterministic.
import { eld } from 'eld/small';

/** Languages the extractor reads fully; others are rejected with a clear message. */
export const SUPPORTED_LANGUAGES = ['de', 'en'] as const;
export type SupportedLanguage = (typeof SUPPORTED_LANGUAGES)[number];

const SAMPLE_CHARS = 4000;

/** ISO 639-1 code of the text's language, or `und` when the detector cannot tell. */
export function detectLanguage(text: string): string {
  const result = eld.detect(text.slice(0, SAMPLE_CHARS));
  return result.language || 'und';
}

/** The language of an article: what detectLanguage says of `title\ntext`, without joining the whole text first. */
export function detectArticleLanguage(title: string | null, text: string): string {
  return detectLanguage(`${title ?? ''}\n${text.slice(0, SAMPLE_CHARS)}`);
}

export function isSupportedLanguage(lang: string): lang is SupportedLanguage {
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(lang);
}

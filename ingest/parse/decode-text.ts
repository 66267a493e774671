// Bytes → text. Input files come from many tools: UTF-8 with or without BOM, UTF-16 from Windows editors,
// Latin-1 / Windows-1252 from older exports. Binary files are refused instead of producing garbage articles.
import iconv from 'iconv-lite';

export type DecodeResult = { ok: true; text: string; encoding: string } | { ok: false; reason: string };

/** Bytes inspected for the binary and UTF-16 heuristics: enough to judge, cheap on large files. */
export const SNIFF_BYTES = 64 * 1024;
/** Above this share of control bytes (other than tab, newline, form feed, carriage return) a file is binary. */
export const MAX_CONTROL_RATIO = 0.1;
/** A BOM-less file whose bytes at odd (even) positions are NUL at least this often is UTF-16LE (BE). */
const UTF16_NUL_RATIO = 0.3;

const BOMS: ReadonlyArray<{ bytes: readonly number[]; encoding: string }> = [
  // UTF-32 first: its little-endian BOM starts with the UTF-16LE one.
  { bytes: [0xff, 0xfe, 0x00, 0x00], encoding: 'utf-32le' },
  { bytes: [0x00, 0x00, 0xfe, 0xff], encoding: 'utf-32be' },
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

/** `\r\n` and lone `\r` become `\n`; nothing else changes, because evidence offsets point into the text. */
export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

export function decodeText(bytes: Uint8Array): DecodeResult {
  const bom = BOMS.find((b) => b.bytes.every((v, i) => bytes[i] === v));
  if (bom) return decodeWith(bytes.subarray(bom.bytes.length), bom.encoding);

  const sample = bytes.subarray(0, SNIFF_BYTES);
  const utf16 = sniffUtf16(sample);
  if (utf16) return decodeWith(bytes, utf16);
  if (sample.includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes), not text' };
  const binary = controlRatioReason(sample);
  if (binary) return { ok: false, reason: binary };

  try {
    return { ok: true, text: normalizeNewlines(new TextDecoder('utf-8', { fatal: true }).decode(bytes)), encoding: 'utf-8' };
  } catch {
    // Not valid UTF-8: Windows-1252 is a superset of the printable Latin-1 range and the usual legacy encoding.
    return decodeWith(bytes, 'windows-1252');
  }
}

function decodeWith(bytes: Uint8Array, encoding: string): DecodeResult {
  // The BOM (if any) is already cut off; a second U+FEFF is text, as it is for a line read on its own.
  const text = iconv.decode(bytes, encoding, { stripBOM: false });
  // Decoded UTF-16/32 can still be binary garbage (or NUL-padded): judge the characters.
  if (encoding !== 'utf-8' && encoding !== 'windows-1252') {
    const sample = text.slice(0, SNIFF_BYTES);
    if (sample.includes('\0')) return { ok: false, reason: `binary file (contains NUL characters after ${encoding} decoding), not text` };
  }
  return { ok: true, text: normalizeNewlines(text), encoding };
}

function sniffUtf16(sample: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.floor(sample.length / 2);
  if (pairs < 2) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) evenNul++;
    if (sample[i + 1] === 0) oddNul++;
  }
  // Real UTF-16 text has NULs on one side only; binary formats have them everywhere.
  if (oddNul / pairs >= UTF16_NUL_RATIO && evenNul === 0) return 'utf-16le';
  if (evenNul / pairs >= UTF16_NUL_RATIO && oddNul === 0) return 'utf-16be';
  return null;
}

function controlRatioReason(sample: Uint8Array): string | null {
  if (sample.length === 0) return null;
  let control = 0;
  for (const b of sample) {
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f) control++;
  }
  const ratio = control / sample.length;
  return ratio > MAX_CONTROL_RATIO ? `binary file (${Math.round(ratio * 100)}% control characters), not text` : null;
}

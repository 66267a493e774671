// Line views over a text that remember offsets, so formats can slice the body out of the text unchanged.

export interface LineSpan {
  /** Offset of the line's first character. */
  start: number;
  /** Offset just past the line's last character (before its `\n`). */
  end: number;
  text: string;
}

export function lineSpans(text: string): LineSpan[] {
  const spans: LineSpan[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    spans.push({ start, end, text: text.slice(start, end) });
    if (nl === -1) return spans;
    start = nl + 1;
  }
}

export function isBlank(line: LineSpan): boolean {
  return line.text.trim() === '';
}

/** Index of the first non-blank line at or after `from`, or -1. */
export function nextNonBlank(lines: readonly LineSpan[], from: number): number {
  for (let i = from; i < lines.length; i++) if (!isBlank(lines[i])) return i;
  return -1;
}

/** Offset of the first non-whitespace character of a line. */
export function contentStart(line: LineSpan): number {
  return line.start + (line.text.length - line.text.trimStart().length);
}

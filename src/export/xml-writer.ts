// Streaming XML for GraphML and GEXF through xmlbuilder's callback document (`begin`): it writes each element as
// it closes, without building a DOM, and escapes `<&>"` plus tabs and line breaks in attribute values (as
// character references, so they survive attribute normalisation). We strip the characters XML 1.0 cannot carry.
// (xmlbuilder2's callback builder creates a DOM node per element: about 25 times slower on large graphs.)
import xmlbuilder from 'xmlbuilder';

export type XmlDocument = ReturnType<typeof xmlbuilder.begin>;

// Everything outside XML 1.0's Char production: C0 controls but tab/newline/return, lone surrogates, U+FFFE/U+FFFF.
const INVALID_XML_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** A string as XML can carry it: characters outside XML 1.0 removed, everything else kept (the writer escapes). */
export function xmlSafe(value: string): string {
  return value.replace(INVALID_XML_CHARS, '');
}

/** An XML document written element by element; `take()` returns what was written since the last call, plus a line break. */
export class XmlStream {
  readonly xml: XmlDocument;
  private parts: string[] = [];

  constructor() {
    // Not `pretty`: it would indent text content onto lines of its own, changing the values. take() adds line breaks.
    this.xml = xmlbuilder.begin((chunk: string) => {
      this.parts.push(chunk);
    });
  }

  /** The XML declaration and the root element with its default namespace and xsi:schemaLocation. */
  root(ns: string, name: string, schemaLocation: string, attributes: Record<string, string> = {}): XmlDocument {
    return this.xml
      .dec('1.0', 'UTF-8')
      .ele(name, { xmlns: ns, ...attributes, 'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance', 'xsi:schemaLocation': schemaLocation });
  }

  /** Call between elements: a line break there is ignorable whitespace and keeps the file readable. */
  take(): string {
    const text = this.parts.join('');
    this.parts = [];
    return text ? `${text}\n` : '';
  }
}

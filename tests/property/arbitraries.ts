// Shared fast-check arbitraries: arbitrary Unicode (lone surrogates, controls, combining marks, emoji, RTL), and
// text that looks like the news the parsers and the extractor are built for, with that noise mixed in.
import fc from 'fast-check';

/** Characters that break naive code: NUL and controls, CR, lone surrogates, BOM, zero-width, RTL, combining marks. */
const NASTY = ['\u0000', '\u0007', '\r', '\r\n', '\t', '\ud800', '\udfff', '\ufeff', '\u200b', '\u200f', '\u0301', '\u2028', '\u{1f1e9}\u{1f1ea}', '„', '“', '«', '»', '…', '.', '!', '?', ' ', '\n', '\n\n', '<', '>', '&', '{', '}', '"', '\\', '#', '*', '[', ']', '(', ')', '-', ':'];

/** One UTF-16 code unit (lone surrogates included), any code point, or a nasty piece. */
export const anyUnit = fc.oneof(
  fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  fc.constantFrom(...NASTY),
);

export const anyText = (maxLength = 400) => fc.string({ unit: anyUnit, maxLength });

const PEOPLE = ['Olaf Scholz', 'Emmanuel Macron', 'Wladimir Putin', 'Donald Trump', 'Annalena Baerbock', 'Xi Jinping', 'Joe Biden', 'Recep Tayyip Erdoğan'];
const PLACES = ['Berlin', 'Paris', 'Genf', 'Peking', 'Moskau', 'Helsinki'];
const MONTHS = ['Januar', 'März', 'Mai', 'Juli', 'September', 'Dezember'];

/** A sentence of the kind the extractor finds relations in (German and English). */
export const contactSentence = fc
  .record({
    a: fc.constantFrom(...PEOPLE),
    b: fc.constantFrom(...PEOPLE),
    place: fc.constantFrom(...PLACES),
    day: fc.integer({ min: 1, max: 28 }),
    month: fc.constantFrom(...MONTHS),
    year: fc.integer({ min: 2015, max: 2025 }),
    form: fc.integer({ min: 0, max: 5 }),
  })
  .map(({ a, b, place, day, month, year, form }) => {
    switch (form) {
      case 0:
        return `${a} traf am ${day}. ${month} ${year} in ${place} mit ${b} zusammen.`;
      case 1:
        return `${a} telefonierte am ${day}. ${month} ${year} mit ${b}.`;
      case 2:
        return `${b} sagte nach dem Gespräch mit ${a}: „Wir haben offen über die Lage gesprochen.“`;
      case 3:
        return `${a} met ${b} in ${place} on ${month === 'März' ? 'March' : 'May'} ${day}, ${year}.`;
      case 4:
        return `${a} und ${b} wollen sich im ${month} ${year} in ${place} treffen.`;
      default:
        return `Kremlchef ${a} sprach am ${day}. ${month} ${year} mit ${b} über die Ukraine.`;
    }
  });

/** An article body: contact sentences with arbitrary Unicode between and inside them. */
export const newsLikeText = fc
  .array(fc.oneof({ weight: 3, arbitrary: contactSentence }, { weight: 1, arbitrary: anyText(60) }), { minLength: 1, maxLength: 8 })
  .chain((parts) => fc.tuple(fc.constant(parts), fc.array(fc.constantFrom(' ', '\n', '\n\n', ' \u00a0', '\r\n', ''), { minLength: parts.length, maxLength: parts.length })))
  .map(([parts, seps]) => parts.map((p, i) => p + seps[i]).join(''));

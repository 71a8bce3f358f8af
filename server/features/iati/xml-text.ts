/**
 * Text and attribute values for an XML 1.0 document. Characters that XML 1.0 cannot carry at all
 * (control characters other than tab and line breaks, lone surrogates, U+FFFE and U+FFFF) are
 * dropped: a title pasted from a word processor must not make the whole file unreadable.
 */
const notXmlChar =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters to drop
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const textSpecial = /[&<>]/g;
const attributeSpecial = /[&<>"\n\r\t]/g;
const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  // In attributes, line breaks and tabs would be normalised to spaces by any reader: keep them.
  '\n': '&#10;',
  '\r': '&#13;',
  '\t': '&#9;',
};
const entity = (c: string) => entities[c] ?? c;

// Most values need nothing: one test, without building a new string, lets them through as they are.
const textNeedsWork =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters to drop, as above
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF&<>]/;
const attributeNeedsWork =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters to drop, as above
  /[\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF&<>"]/;

export const escapeText = (value: string) =>
  textNeedsWork.test(value) ? value.replace(notXmlChar, '').replace(textSpecial, entity) : value;

export const escapeAttribute = (value: string) =>
  attributeNeedsWork.test(value) ? value.replace(notXmlChar, '').replace(attributeSpecial, entity) : value;

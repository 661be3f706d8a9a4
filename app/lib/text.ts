/**
 * Text as the system keeps it (DESIGN.md §9): whatever a user types or a file carries, without the
 * characters nobody means, so nothing can break a search, an export or a Word file later.
 */

/**
 * Control characters a user never means (Word's Shift+Enter U+000B, U+0001, U+FFFE, zero-width
 * and direction marks) are removed; tab and line breaks stay for long text.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point: these are removed
const UNWANTED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF\uFFFE\uFFFF]/g;

/** Full-width Latin letters, digits and the marks used with them (．＆－＿／＠＋), and the ideographic space. */
const FULL_WIDTH_LATIN = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF0E\uFF06\uFF0D\uFF3F\uFF0F\uFF20\uFF0B]/g;

/** Any character the cleaning below changes (most text has none and is only trimmed). */
const NEEDS_CLEANING =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point: text holding them is cleaned
  /[\u0000-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u3000\uFEFF\uFF06\uFF0B\uFF0D-\uFF19\uFF20-\uFF3A\uFF3F\uFF41-\uFF5A\uFFFE\uFFFF]/;

/**
 * Text as stored: unwanted control characters removed, full-width letters and digits made
 * half-width (Chinese punctuation such as （） and ，stays as written), trimmed.
 */
export function cleanText(text: string): string {
  if (!NEEDS_CLEANING.test(text)) return text.trim();
  return text
    .replace(UNWANTED, "")
    .replace(FULL_WIDTH_LATIN, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, " ")
    .replace(/\r\n?/g, "\n")
    .trim();
}

/** Only the characters nobody means removed (search terms keep their width and spacing). */
export function withoutControlCharacters(text: string): string {
  return text.replace(UNWANTED, "");
}

/**
 * Characters XML 1.0 cannot hold: C0 controls other than tab and line breaks, U+FFFE/U+FFFF and a
 * surrogate without its pair. Whatever reaches a Word or Excel file passes here, so text stored
 * before cleaning existed (or by any other path) cannot make the file unreadable.
 */
// eslint-disable-next-line no-control-regex -- the characters XML 1.0 forbids, control characters among them
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const NOT_XML_ALL = new RegExp(NOT_XML.source, "g");

/** Text without the characters XML 1.0 forbids (most text has none and is returned as it is). */
export function xmlSafeText(text: string): string {
  return NOT_XML.test(text) ? text.replace(NOT_XML_ALL, "") : text;
}

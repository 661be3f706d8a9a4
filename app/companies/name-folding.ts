/**
 * How names are folded for search and for the duplicate guard (DESIGN.md §1, §6, §8): width, case
 * and traditional or Japanese character forms do not matter (Ｋｌｅｉｎｗａｌｄ = kleinwald,
 * 工業 = 工业, 桜 = 樱, （株） = 株式会社), and a Chinese name is also found by its pinyin and its pinyin
 * initials (平湖 → "pinghu", "ph").
 *
 * A record's search text is its folded names, its pinyin and its initials, one per line; a query is
 * folded the same way and looked for as a substring of one line. The search text is stored with the
 * record (companies.search_text, projects.search_text), so a search never converts rows.
 */
import { Converter } from "opencc-js/t2cn";
import { pinyin } from "pinyin-pro";

// the Japanese preset folds shinjitai (桜, 関, 沢) and, through OpenCC's traditional table, every traditional form
const toSimplified = Converter({ from: "jp", to: "cn" });

const ASCII_ONLY = /^\p{ASCII}*$/u;
const HAN = /\p{Script=Han}/u;
const LATIN_OR_DIGIT = /^[a-z0-9]$/;
const SYLLABLE = /^[a-z]+$/;

/** Between the parts of a search text: a query never holds a line break, so no match spans two parts. */
export const PART_SEPARATOR = "\n";

/**
 * A name or a query as search compares it: NFKC (full-width letters, digits and brackets made
 * half-width, ㈱ → (株)), （株）/（有） spelt out, traditional and Japanese forms simplified,
 * lower case, runs of spaces made one.
 */
export function foldText(text: string): string {
  let folded = text
    .normalize("NFKC")
    .replace(/\(株\)/g, "株式会社")
    .replace(/\(有\)/g, "有限会社");
  if (!ASCII_ONLY.test(folded)) folded = toSimplified(folded);
  return folded.toLowerCase().replace(/\s+/g, " ").trim();
}

/**
 * The full pinyin and the initials of a name's Chinese characters (no tones, ü as v), with its
 * Latin letters and digits kept as they are: "平湖ABC科技" → "pinghuabckeji", "phabckj".
 * Empty for a name without Chinese characters, whose folded name already says everything.
 */
export function pinyinKeys(name: string): { full: string; initials: string } {
  // pinyin from the name as written, not from its folded form: 芸 is yún, though OpenCC folds it with 艺
  const chars = [...name.normalize("NFKC").toLowerCase()];
  if (!chars.some((char) => HAN.test(char))) return { full: "", initials: "" };
  const syllables = pinyin(chars.join(""), { toneType: "none", type: "array", nonZh: "spaced", v: true });
  // one syllable per character; should the library ever group differently, convert one by one
  const perChar = syllables.length === chars.length ? syllables : chars.map((char) => pinyin(char, { toneType: "none", v: true }));
  let full = "";
  let initials = "";
  chars.forEach((char, index) => {
    const syllable = perChar[index].toLowerCase();
    if (HAN.test(char)) {
      if (!SYLLABLE.test(syllable)) return; // a rare character the library does not know
      full += syllable;
      initials += syllable[0];
    } else if (LATIN_OR_DIGIT.test(char)) {
      full += char;
      initials += char;
    }
  });
  return { full, initials };
}

/**
 * The stored search text of a record: its folded names, then the pinyin and initials of the first
 * (the Chinese name; a foreign name is searched as written). Never empty.
 */
export function searchTextOf(name: string, ...otherNames: (string | null | undefined)[]): string {
  const { full, initials } = pinyinKeys(name);
  const parts = [name, ...otherNames].map((text) => (text ? foldText(text) : "")).concat(full, initials);
  return parts.filter((part) => part !== "").join(PART_SEPARATOR) || PART_SEPARATOR;
}

/**
 * The stored search text of a project: its own name's, then its company's search text, so the
 * project search finds a project by its company's names, pinyin and initials in one index lookup
 * on projects. The company's part is kept in step on rename by a trigger (migration 0007).
 */
export function projectSearchTextOf(name: string, companySearchText: string): string {
  return searchTextOf(name) + PART_SEPARATOR + companySearchText;
}

/**
 * What a typed query is looked for as: its folded text, and for Latin words with spaces also the
 * words run together, so "ping hu" finds 平湖 as "pinghu" does. Empty when nothing is left.
 */
export function searchTerms(typed: string): string[] {
  const folded = foldText(typed);
  if (folded === "") return [];
  const terms = [folded];
  if (folded.includes(" ") && /^[a-z0-9 ]+$/.test(folded)) terms.push(folded.replace(/ /g, ""));
  return terms;
}

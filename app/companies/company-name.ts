/**
 * Name normalization for the duplicate guard (DESIGN.md §1): folded as search folds names
 * (width, case, traditional and Japanese forms: name-folding.ts), spaces and punctuation ignored,
 * legal-form words (株式会社/（株）, 有限公司/公司, GmbH/G.m.b.H., S.p.A., B.V., Co., Ltd. …) and
 * bracketed qualifiers such as a place (（平湖）, (Shanghai)) stripped.
 * "株式会社デンソー", "デンソー株式会社" and "ＤＥＮＳＯ\u3000Ｃｏ．，Ｌｔｄ．" vs "DENSO" compare equal, and so do
 * "樱野工業（株）" and "樱野工业株式会社", "汇澄实业（平湖）有限公司" and "汇澄实业有限公司".
 */
import { foldText, searchTextOf } from "./name-folding";

/** CJK legal forms, removed wherever they stand (Japanese names put 株式会社 before or after). */
const CJK_LEGAL_FORMS = ["股份有限公司", "有限责任公司", "有限公司", "株式会社", "有限会社", "合同会社", "股份公司", "주식회사", "유한회사"];

/**
 * Latin legal forms as word sequences (after punctuation became spaces), removed only at the end of
 * the name, so a first word such as "KG" in "KG Mobility" is kept.
 */
const LATIN_LEGAL_FORMS = [
  "gmbh co kg",
  "company limited",
  "co ltd",
  "coltd",
  "corporation",
  "incorporated",
  "limited",
  "gmbh",
  "ltd",
  "inc",
  "corp",
  "co",
  "llc",
  "plc",
  "kk",
  "ag",
  "se",
  "kg",
  "sa",
  "spa",
  "bv",
  "nv",
  "pte",
];

/**
 * A bracketed qualifier (a place, 集团, China): 示例精工（上海）有限公司 is a possible duplicate of
 * 示例精工有限公司, so the guard asks. Brackets are half-width here (folded by NFKC), except 【】.
 */
const BRACKETED = /[([【][^()[\]【】]{1,30}[)\]】]/g;

/** 公司 at the end, unless it is a 分公司 (a branch is registered apart from its parent). */
const TRAILING_GONGSI = /(?<!分)公司$/;

const PUNCTUATION = /[\s.,，。、·・()（）[\]【】'"“”‘’&\-_/]+/g;
const LATIN_OR_DIGIT = /[a-z0-9]/;

function stripTrailingLatinForm(text: string): string | null {
  for (const form of LATIN_LEGAL_FORMS) {
    if (!text.endsWith(form)) continue;
    const before = text.slice(0, text.length - form.length);
    if (before === "") continue;
    const boundary = before.at(-1)!;
    if (boundary === " " || !LATIN_OR_DIGIT.test(boundary)) return before.trimEnd();
  }
  return null;
}

const CJK_FORMS = new RegExp(CJK_LEGAL_FORMS.join("|"), "g");

/** Letters spelt one by one ("g m b h", "s p a", "b v" once dots became spaces) written as one word. */
function joinSpeltLetters(text: string): string {
  return text.replace(/(?<![a-z0-9])[a-z](?: [a-z])+(?![a-z0-9])/g, (letters) => letters.replace(/ /g, ""));
}

export function normalizeCompanyName(name: string): string {
  const folded = foldText(name);
  const key = normalizeFolded(folded.replace(BRACKETED, " "));
  // a name that is only a qualifier keeps it rather than collapsing to nothing
  return key !== "" ? key : normalizeFolded(folded);
}

function normalizeFolded(folded: string): string {
  let text = folded.replace(CJK_FORMS, " ").trim().replace(TRAILING_GONGSI, "");
  text = joinSpeltLetters(text.replace(PUNCTUATION, " ").replace(/\s+/g, " ").trim());
  if (!LATIN_OR_DIGIT.test(text)) return text.replace(/\s+/g, "");
  for (let stripped = stripTrailingLatinForm(text); stripped !== null; stripped = stripTrailingLatinForm(text)) {
    text = stripped;
  }
  return text.replace(/\s+/g, "");
}

/** What a company's names are stored with: the duplicate guard's keys and the search text. */
export function companyNameColumns(name: string, foreignName: string | null) {
  return {
    nameKey: normalizeCompanyName(name),
    foreignNameKey: foreignName ? normalizeCompanyName(foreignName) || null : null,
    searchText: searchTextOf(name, foreignName),
  };
}

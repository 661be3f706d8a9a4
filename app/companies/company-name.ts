/**
 * Name normalization for the duplicate guard (DESIGN.md §1): full-/half-width folded, case and
 * spaces and punctuation ignored, legal-form words (株式会社, 有限公司, GmbH, Co., Ltd. …) stripped.
 * "株式会社デンソー", "デンソー株式会社" and "ＤＥＮＳＯ　Ｃｏ．，Ｌｔｄ．" vs "DENSO" compare equal.
 */

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

const PUNCTUATION = /[\s.,，。、·・()（）\[\]【】'"“”‘’&\-_/]+/g;
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

export function normalizeCompanyName(name: string): string {
  let text = name.normalize("NFKC").toLowerCase().replace(CJK_FORMS, " ");
  text = text.replace(PUNCTUATION, " ").replace(/\s+/g, " ").trim();
  if (!LATIN_OR_DIGIT.test(text)) return text.replace(/\s+/g, "");
  for (let stripped = stripTrailingLatinForm(text); stripped !== null; stripped = stripTrailingLatinForm(text)) {
    text = stripped;
  }
  return text.replace(/\s+/g, "");
}

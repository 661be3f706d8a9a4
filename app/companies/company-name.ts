/**
 * Name normalization for the duplicate guard (DESIGN.md §1): full-/half-width folded, case and
 * spaces and punctuation ignored, legal-form words (株式会社, 有限公司, GmbH, Co., Ltd. …) stripped.
 * "株式会社 デンソー" and "デンソー株式会社" and "ＤＥＮＳＯ　Ｃｏ．，Ｌｔｄ．" vs "DENSO" compare equal.
 */

/** Legal-form words, longest first so the longer form wins. Latin ones are matched as whole words. */
const CJK_LEGAL_FORMS = [
  "股份有限公司",
  "有限责任公司",
  "有限公司",
  "株式会社",
  "有限会社",
  "合同会社",
  "股份公司",
  "주식회사",
  "유한회사",
];

const LATIN_LEGAL_FORMS = [
  "gmbh & co. kg",
  "gmbh & co kg",
  "co., ltd.",
  "co.,ltd.",
  "co., ltd",
  "co.,ltd",
  "co. ltd",
  "company limited",
  "corporation",
  "incorporated",
  "limited",
  "gmbh",
  "ltd.",
  "ltd",
  "inc.",
  "inc",
  "corp.",
  "corp",
  "co.",
  "llc",
  "plc",
  "k.k.",
  "kk",
  "ag",
  "se",
  "kg",
  "s.a.",
  "sa",
  "b.v.",
  "bv",
  "n.v.",
  "s.p.a.",
  "pte.",
  "pte",
];

const PUNCTUATION = /[\s.,，。、·・()（）\[\]【】'"“”‘’&\-_/]+/g;

export function normalizeCompanyName(name: string): string {
  let text = name.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();

  for (const form of CJK_LEGAL_FORMS) text = text.split(form).join(" ");

  let changed = true;
  while (changed) {
    changed = false;
    text = text.trim().replace(/[,，]+$/, "").trim();
    for (const form of LATIN_LEGAL_FORMS) {
      if (text.endsWith(" " + form) || text.endsWith("," + form)) {
        text = text.slice(0, -form.length);
        changed = true;
        break;
      }
      if (text.startsWith(form + " ")) {
        text = text.slice(form.length);
        changed = true;
        break;
      }
    }
  }
  return text.replace(PUNCTUATION, "");
}

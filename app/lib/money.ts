/**
 * Money and amounts (DESIGN.md §1): stored as integers of the base unit (US dollar, yuan),
 * entered and shown in 万 with at most two decimals, 亿 where large.
 * Parsing works on the decimal string so no float ever reaches storage.
 */

const WAN = 10_000;
const YI = 100_000_000;

/** "123.45" (万) → 1234500; null for empty input; NaN-free: returns undefined when malformed. */
export function parseWan(input: string | null | undefined): number | null | undefined {
  const typed = (input ?? "").normalize("NFKC").trim();
  // thousands separators only where they belong: "1,200.5" is read, "1,5" is refused, never guessed
  if (typed.includes(",") && !/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(typed)) return undefined;
  const text = typed.replace(/,/g, "");
  if (text === "") return null;
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return undefined;
  const whole = Number(match[1]);
  const fraction = Number((match[2] ?? "").padEnd(2, "0"));
  return whole * WAN + fraction * (WAN / 100);
}

/** Hundredths (of 万 or 亿) as "1,234.56": thousands separators, a leading minus, two decimals. */
function formatHundredths(hundredths: number): string {
  const sign = hundredths < 0 ? "-" : "";
  const abs = Math.abs(hundredths);
  // grouped by hand: toLocaleString goes through ICU on every call, and a breakdown table formats hundreds of cells
  const digits = String(Math.floor(abs / 100));
  let whole = digits.slice(0, digits.length % 3 || 3);
  for (let at = whole.length; at < digits.length; at += 3) whole += `,${digits.slice(at, at + 3)}`;
  const fraction = String(abs % 100).padStart(2, "0");
  return `${sign}${whole}.${fraction}`;
}

/** 1234500 → "123.45" (万, two decimals, thousands separators): a column or field that names 万 as its unit. */
export function formatWan(units: number | null | undefined): string {
  if (units == null) return "—";
  return formatHundredths(Math.round(units / (WAN / 100)));
}

/** 480000000 → "4.80" (亿, two decimals, thousands separators). */
export function formatYi(units: number | null | undefined): string {
  if (units == null) return "—";
  return formatHundredths(Math.round(units / (YI / 100)));
}

/** Whether an amount is shown in 亿: it reaches 1亿 once rounded to 0.01 万 (99,999,999 is 1.00 亿). */
export function isYiAmount(units: number): boolean {
  return Math.abs(Math.round(units / (WAN / 100))) >= YI / 100;
}

/**
 * An amount standing on its own, with its unit: 万 below 1亿, 亿 from there (DESIGN.md §1).
 * Every amount shown outside a column headed with its unit goes through here, so the same amount
 * reads the same on every screen. `currency` names the unit after 万/亿.
 */
export function formatAmount(units: number | null | undefined, currency: "美元" | "元"): string {
  if (units == null) return "—";
  return isYiAmount(units) ? `${formatYi(units)} 亿${currency}` : `${formatWan(units)} 万${currency}`;
}

/** The number of 万 rounded to 0.01, for a chart's data or a spreadsheet cell headed 万. */
export function wanNumber(units: number): number {
  return Math.round(units / (WAN / 100)) / 100;
}

/** The number of 万 unrounded, for an export that must import back to the same integer. */
export function exactWanNumber(units: number): number {
  return units / WAN;
}

/** Value for an input field in 万: 1234500 → "123.45", 1230000 → "123". */
export function wanInputValue(units: number | null | undefined): string {
  if (units == null) return "";
  const hundredths = Math.round(units / (WAN / 100));
  const sign = hundredths < 0 ? "-" : "";
  const whole = Math.floor(Math.abs(hundredths) / 100);
  const fraction = Math.abs(hundredths) % 100;
  return `${sign}${fraction === 0 ? whole : `${whole}.${String(fraction).padStart(2, "0").replace(/0$/, "")}`}`;
}

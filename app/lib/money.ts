/**
 * Money and amounts (DESIGN.md §1): stored as integers of the base unit (US dollar, yuan),
 * entered and shown in 万 with at most two decimals, 亿 where large.
 * Parsing works on the decimal string so no float ever reaches storage.
 */

const WAN = 10_000;

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

/** 1234500 → "123.45" (万, two decimals, thousands separators). */
export function formatWan(units: number | null | undefined): string {
  if (units == null) return "—";
  const hundredths = Math.round(units / (WAN / 100));
  const sign = hundredths < 0 ? "-" : "";
  const abs = Math.abs(hundredths);
  const whole = Math.floor(abs / 100).toLocaleString("en-US");
  const fraction = String(abs % 100).padStart(2, "0");
  return `${sign}${whole}.${fraction}`;
}

/** Amount for display with its unit: 亿 from 10,000 万 on. `currency` names the unit after 万/亿. */
export function formatAmount(units: number | null | undefined, currency: "美元" | "元"): string {
  if (units == null) return "—";
  if (Math.abs(Math.round(units / (WAN / 100))) >= 1_000_000) {
    const yiHundredths = Math.round(units / 1_000_000);
    const abs = Math.abs(yiHundredths);
    return `${yiHundredths < 0 ? "-" : ""}${Math.floor(abs / 100).toLocaleString("en-US")}.${String(abs % 100).padStart(2, "0")} 亿${currency}`;
  }
  return `${formatWan(units)} 万${currency}`;
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

/**
 * Cell values as offices type them (DESIGN.md §10), turned into what the database stores.
 * Every parser returns `{ value }` or `{ error }` with a Chinese reason for the row's error list;
 * none guesses: what cannot be read unambiguously is refused.
 */
import { dateRangeProblem, isValidDate, type DateRule } from "../lib/dates";
import { cleanText } from "../lib/text";

export { cleanText };
import { REGIONS } from "../companies/regions";

export type Parsed<T> = { value: T; error?: undefined } | { value?: undefined; error: string };

/** A raw cell as the file readers deliver it. */
export type CellValue = string | number | boolean | Date | null;

/** Full-width digits, letters and punctuation folded to half-width; ideographic space to space. */
export function toHalfWidth(text: string): string {
  return text.normalize("NFKC");
}

/** The text of a cell: numbers as written, dates as YYYY-MM-DD, blanks as "". */
export function cellText(value: CellValue): string {
  if (value == null) return "";
  if (value instanceof Date) return dateFromCellDate(value) ?? "";
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
  if (typeof value === "boolean") return value ? "是" : "否";
  return cleanText(value);
}

// ── booleans ──────────────────────────────────────────────────────────────

const TRUE_WORDS = new Set(["是", "√", "✓", "✔", "y", "yes", "true", "1", "有", "对"]);
const FALSE_WORDS = new Set(["否", "×", "✗", "✘", "x", "n", "no", "false", "0", "无", "不是", "-", "—"]);

/** 是/否, √/×, Y/N, 1/0; a blank cell is 否. */
export function parseBoolean(value: CellValue): Parsed<boolean> {
  if (typeof value === "boolean") return { value };
  const text = toHalfWidth(cellText(value)).toLowerCase();
  if (text === "") return { value: false };
  if (TRUE_WORDS.has(text)) return { value: true };
  if (FALSE_WORDS.has(text)) return { value: false };
  return { error: "应填写“是”或“否”" };
}

// ── dates ─────────────────────────────────────────────────────────────────

/** Excel's last day (9999-12-31) in the 1900 date system. */
const EXCEL_LAST_SERIAL = 2_958_465;

/**
 * An Excel serial date (1900 system): 1 is 1900-01-01. Excel counts a 29 February 1900 that never
 * was (serial 60), so from 61 on the days run from 1899-12-30; serial 60 itself is no date.
 */
export function excelSerialToDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > EXCEL_LAST_SERIAL) return null;
  const day = Math.floor(serial);
  if (day === 60) return null;
  const epoch = day < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return new Date(epoch + day * 86_400_000).toISOString().slice(0, 10);
}

/** 20260305 typed into a number cell: a date written as YYYYMMDD, not a serial. */
function compactDate(value: number): string | null {
  if (!Number.isInteger(value) || value < 10_000_000 || value > 99_991_231) return null;
  const text = String(value);
  const date = `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;
  return isValidDate(date) ? date : null;
}

/** A date cell read from .xlsx is midnight UTC of the calendar day shown (allowing for rounding). */
function dateFromCellDate(value: Date): string | null {
  if (Number.isNaN(value.getTime())) return null;
  return new Date(value.getTime() + 1000).toISOString().slice(0, 10);
}

const DATE_PATTERNS: RegExp[] = [
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];

/**
 * 2026-03-05, 2026/3/5, 2026.3.5, 2026年3月5日, 20260305, date cells and Excel serial numbers; within
 * the bounds a form keeps (dates.ts `dateRangeProblem`: 1980 to ten years ahead, or to today).
 */
export function parseDate(value: CellValue, rule: DateRule): Parsed<string | null> {
  let date: string | null = null;
  if (value instanceof Date) {
    date = dateFromCellDate(value);
  } else if (typeof value === "number") {
    date = compactDate(value) ?? excelSerialToDate(value);
  } else {
    const text = toHalfWidth(cellText(value))
      .replace(/\s*([年月日号])\s*/g, "$1")
      .replace(/\s+/g, " ")
      .trim();
    if (text === "") return { value: null };
    if (/^\d{5}(\.\d+)?$/.test(text)) {
      date = excelSerialToDate(Number(text));
    } else {
      for (const pattern of DATE_PATTERNS) {
        const match = pattern.exec(text);
        if (!match) continue;
        const candidate = `${match[1]}-${match[2].padStart(2, "0")}-${match[3].padStart(2, "0")}`;
        date = isValidDate(candidate) ? candidate : null;
        if (!date) return { error: `日期“${text}”不存在` };
        break;
      }
    }
    if (!date) return { error: `无法识别日期“${text}”，请写成 2026-03-05` };
  }
  if (!date) return { error: "无法识别日期，请写成 2026-03-05" };
  const problem = dateRangeProblem(date, rule);
  if (problem) return { error: `${problem}（${date}）` };
  return { value: date };
}

// ── amounts ───────────────────────────────────────────────────────────────

export type Currency = "USD" | "CNY";

/** The unit a header names: 亿美元, 万美元, 美元, 亿元, 万元, 元. */
export interface AmountUnit {
  currency: Currency;
  /** base units (dollar / yuan) per unit */
  factor: number;
  label: string;
}

const UNITS: AmountUnit[] = [
  { label: "亿美元", currency: "USD", factor: 100_000_000 },
  { label: "万美元", currency: "USD", factor: 10_000 },
  { label: "美元", currency: "USD", factor: 1 },
  { label: "亿元", currency: "CNY", factor: 100_000_000 },
  { label: "万元", currency: "CNY", factor: 10_000 },
  { label: "元", currency: "CNY", factor: 1 },
];

/** The unit named in a header such as "总投资（万美元）" or "到账金额(美元)", or null. */
export function unitInHeader(header: string): AmountUnit | null {
  const text = toHalfWidth(header).replace(/\s+/g, "");
  const unit = /\(([^)]*)\)/.exec(text)?.[1] ?? text;
  for (const candidate of UNITS) if (unit.includes(candidate.label)) return candidate;
  for (const candidate of UNITS) if (text.endsWith(candidate.label)) return candidate;
  return null;
}

const NUMBER_PLAIN = /^\d+(\.\d+)?$/;
const NUMBER_GROUPED = /^\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * An amount in base units (dollars or yuan, whole): 12,000 / １２０００ / 1.2亿 / 1,200万 / 500万美元,
 * converted by the unit of the header (`unit`) unless the cell names its own. A number cell is in
 * the header's unit. Misplaced thousands separators are refused, not guessed.
 */
export function parseAmount(value: CellValue, unit: AmountUnit): Parsed<number | null> {
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < 0) return { error: "金额不能为负数" };
    return checkedAmount(value * unit.factor);
  }
  let text = toHalfWidth(cellText(value)).replace(/\s+/g, "").replace(/，/g, ",");
  if (text === "") return { value: null };
  let factor = unit.factor;
  const cellUnit = /(亿美元|万美元|美元|亿元|万元|元|亿|万)$/.exec(text)?.[1];
  if (cellUnit) {
    text = text.slice(0, -cellUnit.length);
    if (cellUnit === "亿" || cellUnit === "万") {
      factor = cellUnit === "亿" ? 100_000_000 : 10_000;
    } else {
      const named = UNITS.find((candidate) => candidate.label === cellUnit)!;
      if (named.currency !== unit.currency) {
        return { error: `金额单位“${cellUnit}”与该列的币种（${unit.currency === "USD" ? "美元" : "人民币"}）不一致` };
      }
      factor = named.factor;
    }
  }
  if (text.startsWith("-")) return { error: "金额不能为负数" };
  if (NUMBER_GROUPED.test(text)) text = text.replace(/,/g, "");
  else if (text.includes(",")) return { error: `金额“${cellText(value)}”的千分位逗号位置不正确` };
  if (!NUMBER_PLAIN.test(text)) return { error: `无法识别金额“${cellText(value)}”` };
  return checkedAmount(decimalTimes(text, factor));
}

/** "1.2" × 10^8 without binary rounding: the decimal string is scaled as integers. */
function decimalTimes(text: string, factor: number): number {
  const [whole, fraction = ""] = text.split(".");
  const digits = Number(`${whole}${fraction}`);
  return (digits * factor) / 10 ** fraction.length;
}

const MAX_AMOUNT = 10 ** 15;

function checkedAmount(units: number): Parsed<number> {
  if (units > MAX_AMOUNT) return { error: "金额过大，请核对单位" };
  return { value: Math.round(units) };
}

// ── whole numbers and decimals ────────────────────────────────────────────

export function parseCount(value: CellValue, max = 10_000_000): Parsed<number | null> {
  const text = toHalfWidth(cellText(value)).replace(/\s+/g, "");
  if (text === "") return { value: null };
  const plain = NUMBER_GROUPED.test(text) ? text.replace(/,/g, "") : text;
  if (!/^\d+$/.test(plain) || Number(plain) > max) return { error: `应为不超过 ${max} 的整数` };
  return { value: Number(plain) };
}

/** A non-negative number kept to two decimals (rounded half up on its decimal digits). */
export function parseDecimal(value: CellValue, max = 10_000_000): Parsed<number | null> {
  const text = toHalfWidth(cellText(value)).replace(/\s+/g, "");
  if (text === "") return { value: null };
  const plain = NUMBER_GROUPED.test(text) ? text.replace(/,/g, "") : text;
  if (!NUMBER_PLAIN.test(plain) || Number(plain) > max) return { error: "应为非负数" };
  return { value: Math.round(decimalTimes(plain, 100)) / 100 };
}

// ── countries and regions ─────────────────────────────────────────────────

/** Names offices write for a region, beyond its label and ISO code. */
const REGION_SYNONYMS: Record<string, string[]> = {
  JP: ["日本国", "japan", "jpn", "日"],
  HK: ["香港", "香港特别行政区", "中国香港特别行政区", "hongkong", "hong kong", "hkg", "香港地区"],
  DE: ["联邦德国", "德意志联邦共和国", "germany", "deutschland", "deu", "德"],
  KR: ["大韩民国", "南韩", "korea", "southkorea", "republicofkorea", "kor", "韩"],
  TW: ["台湾", "台湾地区", "台湾省", "中国台湾省", "taiwan", "twn"],
  US: ["美利坚合众国", "usa", "u.s.", "u.s.a.", "unitedstates", "unitedstatesofamerica", "america", "美"],
  SG: ["新加坡共和国", "singapore", "sgp"],
  MO: ["澳门", "澳门特别行政区", "中国澳门特别行政区", "macao", "macau", "mac"],
  GB: ["英国（大不列颠及北爱尔兰联合王国）", "大不列颠及北爱尔兰联合王国", "uk", "unitedkingdom", "greatbritain", "britain", "england", "gbr"],
  FR: ["法兰西共和国", "france", "fra"],
  IT: ["意大利共和国", "italy", "ita"],
  NL: ["荷兰王国", "netherlands", "thenetherlands", "holland", "nld"],
  CH: ["瑞士联邦", "switzerland", "che"],
  AT: ["奥地利共和国", "austria", "aut"],
  BE: ["比利时王国", "belgium", "bel"],
  DK: ["丹麦王国", "denmark", "dnk"],
  SE: ["瑞典王国", "sweden", "swe"],
  FI: ["芬兰共和国", "finland", "fin"],
  NO: ["挪威王国", "norway", "nor"],
  ES: ["西班牙王国", "spain", "esp"],
  PT: ["葡萄牙共和国", "portugal", "prt"],
  IE: ["爱尔兰共和国", "ireland", "irl"],
  LU: ["卢森堡大公国", "luxembourg", "lux"],
  PL: ["波兰共和国", "poland", "pol"],
  CZ: ["捷克共和国", "czech", "czechia", "czechrepublic", "cze"],
  HU: ["匈牙利共和国", "hungary", "hun"],
  IL: ["以色列国", "israel", "isr"],
  CA: ["canada", "can"],
  MX: ["墨西哥合众国", "mexico", "mex"],
  BR: ["巴西联邦共和国", "brazil", "bra"],
  AU: ["澳洲", "澳大利亚联邦", "australia", "aus"],
  NZ: ["newzealand", "nzl"],
  MY: ["马来西亚联邦", "malaysia", "mys"],
  TH: ["泰王国", "thailand", "tha"],
  VN: ["越南社会主义共和国", "vietnam", "viet nam", "vnm"],
  ID: ["印尼", "印度尼西亚共和国", "indonesia", "idn"],
  PH: ["菲律宾共和国", "philippines", "phl"],
  IN: ["印度共和国", "india", "ind"],
  AE: ["阿拉伯联合酋长国", "uae", "unitedarabemirates", "are"],
  SA: ["沙特", "沙特阿拉伯王国", "saudiarabia", "sau"],
  VG: ["英属维京群岛", "维尔京群岛", "bvi", "britishvirginislands", "vgb"],
  KY: ["开曼", "caymanislands", "cayman", "cym"],
  BM: ["bermuda", "bmu"],
  CN: ["中国", "内资", "中国大陆", "中华人民共和国", "china", "chn", "prc"],
};

function regionKey(text: string): string {
  return toHalfWidth(text).toLowerCase().replace(/[\s·]/g, "");
}

const REGION_BY_NAME = new Map<string, string>();
for (const [code, label] of REGIONS) {
  REGION_BY_NAME.set(regionKey(label), code);
  REGION_BY_NAME.set(code.toLowerCase(), code);
  for (const synonym of REGION_SYNONYMS[code] ?? []) REGION_BY_NAME.set(regionKey(synonym), code);
}

/** 日本 / 日本国 / Japan / JP / 香港 → ISO code. Required: a blank cell is refused. */
export function parseCountry(value: CellValue): Parsed<string> {
  const text = cellText(value);
  if (text === "") return { error: "请填写国别/地区" };
  const code = REGION_BY_NAME.get(regionKey(text));
  return code ? { value: code } : { error: `无法识别国别/地区“${text}”` };
}

// ── coded choices ─────────────────────────────────────────────────────────

/**
 * A value from a coded list (项目类型, 活动类型, 阶段 …) by its label or a synonym; blank → null.
 * `choices` maps each code to its label and any synonyms.
 */
export function parseChoice<Code extends string>(
  value: CellValue,
  choices: ReadonlyArray<{ code: Code; label: string; synonyms?: readonly string[] }>,
  what: string,
): Parsed<Code | null> {
  const text = regionKey(cellText(value));
  if (text === "") return { value: null };
  for (const choice of choices) {
    if (regionKey(choice.label) === text || choice.code.toLowerCase() === text) return { value: choice.code };
    if (choice.synonyms?.some((synonym) => regionKey(synonym) === text)) return { value: choice.code };
  }
  return { error: `无法识别${what}“${cellText(value)}”，可填：${choices.map((choice) => choice.label).join("、")}` };
}

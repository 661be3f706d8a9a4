/**
 * The generator of the scale data set (DESIGN.md §9; `npm run seed:large`, see seeds/large.ts):
 * plans the companies and projects from the word lists in ./words.ts, then writes them with raw
 * better-sqlite3 prepared statements in large transactions on the migrated schema (the FTS triggers
 * of 0001_company_search.sql index every company as it is inserted), no rollback journal while
 * generating, ANALYZE and WAL at the end.
 *
 * The same seed, scale and today give the same rows: every phase draws from its own stream of the
 * seeded generator and every instant is derived from a business date (the one exception is
 * users.password_hash: argon2 salts it, all users share one hash of "demo1234").
 */
import fs from "node:fs";
import path from "node:path";
import { hashPassword } from "../../app/auth/password.server";
import { companyNameColumns } from "../../app/companies/company-name";
import { projectSearchTextOf, searchTextOf } from "../../app/companies/name-folding";
import { regionLabel } from "../../app/companies/regions";
import type { ActivityType, Role, Status } from "../../app/domain/codes";
import { daysBetween, isValidDate, today as businessToday } from "../../app/lib/dates";
import { PROJECT_TYPES, SIGNED_INDEX, STAGE_LABELS, STAGES, STATUSES } from "../../app/projects/stages";
import { openDatabase, type Db } from "../../db/client";
import { DEMO_GAP_STATUSES, DEMO_PASSWORD, DEMO_USERS } from "../demo";
import { REFERENCE_UNITS, seedReference } from "../reference";
import { contactEmail, contactPhone } from "../shared/contacts";
import { instantOn, wan } from "../shared/convert";
import { Random, Weighted } from "../shared/random";
import {
  abroadPlace,
  closingActivity,
  firstActivityType,
  FORWARD_NOTES,
  NEXT_STEP_BY_STAGE,
  PAPERWORK_BY_STAGE,
  PAUSED_FOLLOW_UP,
} from "../shared/reference-maps";
import { pinghuUscc } from "../shared/uscc";
import {
  BACK_NOTES,
  CLAUSE_SPECS,
  CN_GIVEN,
  CN_SURNAMES,
  CONTACT_TITLES,
  COUNTRY_WEIGHTS,
  DE_BRAND_HEADS,
  DE_BRAND_TAILS,
  DE_SURNAMES,
  EN_BRAND_HEADS,
  EN_BRAND_TAILS,
  EN_SURNAMES,
  EU_SURNAMES,
  EU_WORDS,
  HK_SYLLABLES,
  HK_WORDS,
  HQ_CITIES,
  INDUSTRIES,
  JP_BRAND_HEADS,
  JP_BRAND_TAILS,
  JP_BUSINESS_WORDS,
  JP_GIVEN,
  JP_SURNAMES,
  KR_NAMES,
  KR_SYLLABLES,
  LANGUAGES,
  LATIN_SYLLABLES,
  LEGAL_SUFFIXES,
  LOST_TO,
  REASONS,
  REENTRY_NOTES,
  TW_SYLLABLES,
  TYPE_SUFFIX,
  WESTERN_FIRST,
  type Industry,
} from "./words";

type Sqlite = Db["$client"];

/** Row counts at scale 1 (DESIGN.md §9). */
export const NOMINAL_COUNTS = {
  companies: 100_000,
  projects: 50_000,
  activities: 1_000_000,
  stage_changes: 200_000,
  commitments: 20_000,
} as const;

export const HISTORY_YEARS = 5;

export interface LargeDataSetOptions {
  out: string;
  /** multiplies every count; default 1 */
  scale?: number;
  /** PRNG seed; default 1 */
  seed?: number;
  /** business date the history ends on; default today in Asia/Shanghai */
  today?: string;
  /** progress lines; default console.log */
  log?: (line: string) => void;
}

export interface LargeDataSetSummary {
  file: string;
  today: string;
  counts: Record<string, number>;
  phases: Array<{ name: string; seconds: number }>;
  totalSeconds: number;
  fileBytes: number;
}

/**
 * Splits `total` into integer shares proportional to `weights` (systematic rounding), so the shares
 * add up to exactly `total`.
 */
function apportion(total: number, weights: Float64Array): Int32Array {
  const shares = new Int32Array(weights.length);
  let sum = 0;
  for (const w of weights) sum += w;
  if (total <= 0 || sum <= 0) return shares;
  let cumulative = 0;
  let given = 0;
  for (let i = 0; i < weights.length; i++) {
    cumulative += weights[i];
    const upTo = i === weights.length - 1 ? total : Math.min(total, Math.floor((total * cumulative) / sum));
    shares[i] = upTo - given;
    given = upTo;
  }
  return shares;
}

// ── calendar: day numbers, 0 = start of the history, `today` = its end ─────

const DAY_MS = 86_400_000;

class Calendar {
  readonly today: number;
  private readonly offset: number;
  private readonly strings: string[] = [];
  private readonly midnights: number[] = [];

  constructor(start: string, today: string, before: number, after: number) {
    this.today = daysBetween(start, today);
    this.offset = before;
    const [y, m, d] = start.split("-").map(Number);
    const base = Date.UTC(y, m - 1, d) - before * DAY_MS;
    for (let i = 0; i <= before + this.today + after; i++) {
      const utc = base + i * DAY_MS;
      this.strings.push(new Date(utc).toISOString().slice(0, 10));
      this.midnights.push(instantOn(this.strings[i], 0));
    }
  }

  date(day: number): string {
    const value = this.strings[day + this.offset];
    if (value === undefined) throw new Error(`day ${day} outside the calendar`);
    return value;
  }

  /** epoch ms of a business day at a time of day in Asia/Shanghai */
  at(day: number, hour: number, minute = 0): number {
    const midnight = this.midnights[day + this.offset];
    if (midnight === undefined) throw new Error(`day ${day} outside the calendar`);
    return midnight + (hour * 60 + minute) * 60_000;
  }

  year(day: number): number {
    return Number(this.date(day).slice(0, 4));
  }
}

function historyStart(today: string): string {
  const year = Number(today.slice(0, 4)) - HISTORY_YEARS;
  const candidate = `${year}${today.slice(4)}`;
  return isValidDate(candidate) ? candidate : `${year}-02-28`;
}

// ── companies ─────────────────────────────────────────────────────────────

interface CompanyNames {
  name: string;
  foreignName: string | null;
  /** Chinese brand + industry word, without legal form: used in project names and summaries */
  short: string;
  /** ASCII slug for mail domains */
  slug: string;
}

interface Company extends CompanyNames {
  country: string;
  industry: number;
  city: string | null;
  hq: string | null;
  fortune500: boolean;
  chainLeader: boolean;
  existing: boolean;
  uscc: string | null;
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const asciiSlug = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ß/g, "ss")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/** Chinese legal form: existing investors carry their Pinghu subsidiary's name. */
function chineseForm(rng: Random, existing: boolean, usual: string): string {
  if (existing) return rng.chance(0.85) ? "（平湖）有限公司" : "（浙江）有限公司";
  return usual;
}

function japaneseNames(rng: Random, ind: Industry, existing: boolean): CompanyNames {
  let cn: string, ja: string, romaji: string, kana: string;
  if (rng.chance(0.4)) {
    [cn, ja, romaji, kana] = rng.pick(JP_SURNAMES);
  } else {
    const head = rng.pick(JP_BRAND_HEADS);
    const tail = rng.pick(JP_BRAND_TAILS);
    cn = head[0] + tail[0];
    ja = head[1] + tail[1];
    romaji = head[2] + tail[2];
    kana = head[3] + tail[3];
  }
  const business = rng.chance(0.4) ? rng.pick(JP_BUSINESS_WORDS) : null;
  const short = `${cn}${ind.cn}${business?.[0] ?? ""}`;
  const name = short + chineseForm(rng, existing, rng.chance(0.6) ? "株式会社" : "有限公司");
  const jaCore = `${ja}${ind.ja}${business?.[1] ?? ""}`;
  const r = rng.next();
  let foreignName: string | null;
  if (r < 0.38) foreignName = `${jaCore}株式会社`;
  else if (r < 0.52) foreignName = `株式会社${jaCore}`;
  else if (r < 0.66) foreignName = `${kana}${ind.ja}${business?.[1] ?? ""}株式会社`;
  else if (r < 0.96) {
    const words = `${romaji} ${ind.jaRomaji}${business ? ` ${business[2]}` : ""}`;
    foreignName = `${words}${rng.pick([" Co., Ltd.", " Co., Ltd.", " Corporation", " K.K."])}`;
  } else foreignName = null;
  return { name, foreignName, short, slug: asciiSlug(`${romaji}-${ind.jaRomaji}`) };
}

function germanNames(rng: Random, ind: Industry, existing: boolean, country: string): CompanyNames {
  let de: string, cn: string;
  if (rng.chance(0.35)) [de, cn] = rng.pick(DE_SURNAMES);
  else {
    const head = rng.pick(DE_BRAND_HEADS);
    const tail = rng.pick(DE_BRAND_TAILS);
    de = head[0] + tail[0];
    cn = head[1] + tail[1];
  }
  const short = `${cn}${ind.cn}`;
  const r = rng.next();
  let foreignName: string;
  let usual = "有限公司";
  if (country === "DE" && r < 0.14) {
    foreignName = `${de} GmbH & Co. KG`;
    usual = "两合公司";
  } else if (r < 0.3) {
    foreignName = `${de} ${ind.de} AG`;
    usual = "股份公司";
  } else {
    const legal = country === "DE" ? " GmbH" : rng.pick(LEGAL_SUFFIXES[country] ?? [" GmbH"]);
    foreignName = `${de} ${ind.de}${legal}`;
  }
  return { name: short + chineseForm(rng, existing, usual), foreignName: rng.chance(0.97) ? foreignName : null, short, slug: asciiSlug(`${de}-${ind.de}`) };
}

function koreanNames(rng: Random, ind: Industry, existing: boolean): CompanyNames {
  const a = rng.pick(KR_SYLLABLES);
  let b = rng.pick(KR_SYLLABLES);
  if (b === a) b = rng.pick(KR_SYLLABLES);
  const short = `${a[0]}${b[0]}${ind.cn}`;
  const roman = a[2] + b[2].toLowerCase();
  const r = rng.next();
  const foreignName =
    r < 0.55 ? `${a[1]}${b[1]}${ind.ko} 주식회사` : r < 0.65 ? `주식회사 ${a[1]}${b[1]}${ind.ko}` : r < 0.97 ? `${roman} ${ind.en} Co., Ltd.` : null;
  return { name: short + chineseForm(rng, existing, rng.chance(0.5) ? "株式会社" : "有限公司"), foreignName, short, slug: asciiSlug(`${roman}-${ind.en}`) };
}

function hongKongNames(rng: Random, ind: Industry, existing: boolean, country: string): CompanyNames {
  const a = rng.pick(HK_SYLLABLES);
  let b = rng.pick(HK_SYLLABLES);
  if (b === a) b = rng.pick(HK_SYLLABLES);
  const [wordCn, wordEn] = rng.chance(0.5) ? rng.pick(HK_WORDS) : [ind.cn, ind.en];
  const short = `${a[0]}${b[0]}${wordCn}`;
  const roman = `${a[1]} ${b[1]}`;
  const legal =
    country === "SG" ? " Pte. Ltd." : country === "MO" ? " Limitada" : rng.pick([" Limited", " Limited", " Company Limited", " (Holdings) Limited"]);
  const usual = country === "SG" ? "私人有限公司" : "有限公司";
  const foreignName = rng.chance(country === "HK" ? 0.85 : 0.8) ? `${roman} ${wordEn}${legal}` : null;
  return { name: short + chineseForm(rng, existing, usual), foreignName, short, slug: asciiSlug(`${roman}-${wordEn}`) };
}

function taiwanNames(rng: Random, ind: Industry, existing: boolean): CompanyNames {
  const a = rng.pick(TW_SYLLABLES);
  let b = rng.pick(TW_SYLLABLES);
  if (b === a) b = rng.pick(TW_SYLLABLES);
  const short = `${a[0]}${b[0]}${ind.cn}`;
  const pinyin = a[2] + b[2].toLowerCase();
  const r = rng.next();
  const foreignName =
    r < 0.6 ? `${a[1]}${b[1]}${ind.tw}股份有限公司` : r < 0.9 ? `${pinyin} ${ind.en}${rng.pick([" Co., Ltd.", " Corporation", " Inc."])}` : null;
  return { name: short + chineseForm(rng, existing, "股份有限公司"), foreignName, short, slug: asciiSlug(`${pinyin}-${ind.en}`) };
}

function englishNames(rng: Random, ind: Industry, existing: boolean, country: string): CompanyNames {
  let en: string, cn: string;
  if (country === "GB" && rng.chance(0.4)) [en, cn] = rng.pick(EU_SURNAMES.GB);
  else {
    const head = rng.pick(EN_BRAND_HEADS);
    const tail = rng.pick(EN_BRAND_TAILS);
    en = head[0] + tail[0];
    cn = head[1] + tail[1];
  }
  const offshore = country === "VG" || country === "KY" || country === "BM";
  const [wordCn, wordEn] = offshore ? rng.pick(HK_WORDS.slice(0, 5)) : [ind.cn, ind.en];
  const short = `${cn}${wordCn}`;
  const legal = rng.pick(LEGAL_SUFFIXES[country] ?? [" Ltd."]);
  const usual = offshore ? "有限公司" : rng.pick(["公司", "有限公司", "股份有限公司"]);
  return { name: short + chineseForm(rng, existing, usual), foreignName: `${en} ${wordEn}${legal}`, short, slug: asciiSlug(`${en}-${wordEn}`) };
}

function europeanNames(rng: Random, ind: Industry, existing: boolean, country: string): CompanyNames {
  const surnames = EU_SURNAMES[country];
  let latin: string, cn: string;
  if (surnames && rng.chance(0.7)) [latin, cn] = rng.pick(surnames);
  else {
    const parts = Array.from({ length: rng.int(2, 3) }, () => rng.pick(LATIN_SYLLABLES));
    latin = capitalize(parts.map((p) => p[0]).join(""));
    cn = parts.map((p) => p[1]).join("");
  }
  const word = EU_WORDS[country] ? rng.pick(EU_WORDS[country]) : ind.en;
  const short = `${cn}${ind.cn}`;
  const legal = rng.pick(LEGAL_SUFFIXES[country] ?? [" Ltd."]);
  return {
    name: short + chineseForm(rng, existing, rng.pick(["公司", "有限公司"])),
    foreignName: `${latin} ${word}${legal}`,
    short,
    slug: asciiSlug(`${latin}-${word}`),
  };
}

function companyNames(rng: Random, country: string, ind: Industry, existing: boolean): CompanyNames {
  switch (country) {
    case "JP":
      return japaneseNames(rng, ind, existing);
    case "DE":
    case "AT":
    case "CH":
      return germanNames(rng, ind, existing, country);
    case "KR":
      return koreanNames(rng, ind, existing);
    case "HK":
    case "SG":
    case "MO":
      return hongKongNames(rng, ind, existing, country);
    case "TW":
      return taiwanNames(rng, ind, existing);
    case "FR":
    case "IT":
    case "NL":
    case "BE":
    case "SE":
    case "DK":
    case "NO":
    case "FI":
    case "ES":
    case "PT":
    case "LU":
      return europeanNames(rng, ind, existing, country);
    default:
      return englishNames(rng, ind, existing, country);
  }
}

/** A sister company of an earlier one: same brand, another legal entity or location. */
function sisterNames(rng: Random, of: Company, existing: boolean): CompanyNames {
  const place = rng.pick(["（平湖）", "（上海）", "（中国）", "（苏州）", "（嘉兴）"]);
  const kind = rng.pick(["有限公司", "投资有限公司", "贸易有限公司", "有限公司"]);
  const name = existing ? `${of.short}（平湖）有限公司` : `${of.short}${place}${kind}`;
  return { name: name === of.name ? `${of.short}${place}${kind}` : name, foreignName: of.foreignName, short: of.short, slug: of.slug };
}

function generateCompanies(count: number, rng: Random): Company[] {
  const countries = Weighted.of(COUNTRY_WEIGHTS);
  const industries = new Weighted(
    INDUSTRIES.map((_, i) => i),
    INDUSTRIES.map((x) => x.weight),
  );
  const usccTaken = new Set<string>();
  const usedNames = new Set<string>();
  const list: Company[] = [];
  for (let i = 0; i < count; i++) {
    const fortune500 = rng.chance(0.01);
    const chainLeader = rng.chance(fortune500 ? 0.2 : 0.018);
    const existing = rng.chance(chainLeader ? 0.35 : 0.145);
    let names: CompanyNames;
    let country: string;
    let ind: number;
    // about 3% are sister companies of an earlier one: near-duplicate names for the duplicate guard
    const sister = i > 50 && rng.chance(0.03) ? list[rng.int(Math.max(0, i - 5000), i - 1)] : null;
    if (sister) {
      country = sister.country;
      ind = sister.industry;
      names = sisterNames(rng, sister, existing);
    } else {
      // a fresh name where the word lists allow: exact duplicates come from sister companies mostly
      country = countries.pick(rng);
      ind = industries.pick(rng);
      names = companyNames(rng, country, INDUSTRIES[ind], existing);
      for (let attempt = 0; attempt < 4 && usedNames.has(names.name); attempt++) {
        if (attempt >= 2) ind = industries.pick(rng);
        names = companyNames(rng, country, INDUSTRIES[ind], existing);
      }
    }
    usedNames.add(names.name);
    const hq = rng.pick(HQ_CITIES[country] ?? ["—"]);
    list.push({
      ...names,
      country,
      industry: ind,
      hq: hq === "—" ? null : hq,
      city: existing ? "平湖" : rng.chance(0.9) && hq !== "—" ? hq : null,
      fortune500,
      chainLeader,
      existing,
      uscc: existing ? pinghuUscc(rng, usccTaken) : null,
    });
  }
  return list;
}

// ── users ─────────────────────────────────────────────────────────────────

interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  unitId: number;
}

/** officers per unit, in REFERENCE_UNITS order: 48 in all */
const OFFICERS_PER_UNIT = [8, 10, 6, 6, 3, 3, 3, 3, 2, 2, 2];

function buildUsers(unitIds: number[], rng: Random): User[] {
  const [center, zone, port, science] = unitIds;
  // the demo's standard accounts first, in their units: the same sign-ins work on both data sets
  const standard = (["admin", "leader", "officer", "officer2", "staff"] as const).map((key) => DEMO_USERS.find((user) => user.key === key)!);
  const unitNamed = (name: string) => unitIds[REFERENCE_UNITS.findIndex(([unit]) => unit === name)] ?? center;
  const used = new Set<string>(standard.map((user) => user.displayName));
  const personName = () => {
    for (;;) {
      const name = rng.pick(CN_SURNAMES) + rng.pick(CN_GIVEN);
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  };
  const specs: Array<Omit<User, "id">> = standard.map((user) => ({
    username: user.key,
    displayName: user.displayName,
    role: user.role,
    unitId: unitNamed(user.unit),
  }));
  const officerUnits: number[] = [];
  OFFICERS_PER_UNIT.forEach((n, u) => {
    for (let k = 0; k < n; k++) officerUnits.push(unitIds[u] ?? center);
  });
  // the two standard officers take one place each in their units
  officerUnits.splice(officerUnits.indexOf(center), 1);
  officerUnits.splice(officerUnits.indexOf(zone), 1);
  officerUnits.forEach((unitId, i) => specs.push({ username: `officer${i + 3}`, displayName: personName(), role: "officer", unitId }));
  const leaderTitles = ["副局长", "主任", "副主任", "副局长"];
  [zone, port, science, center].forEach((unitId, i) => {
    const surname = rng.pick(CN_SURNAMES);
    let displayName = `${surname}${leaderTitles[i]}`;
    if (used.has(displayName)) displayName = personName();
    used.add(displayName);
    specs.push({ username: `leader${i + 2}`, displayName, role: "leader", unitId });
  });
  [center, center, zone, port].forEach((unitId, i) => specs.push({ username: `staff${i + 2}`, displayName: personName(), role: "staff", unitId }));
  specs.push({ username: "admin2", displayName: "运维管理员", role: "admin", unitId: center });
  return specs.map((spec, i) => ({ ...spec, id: i + 1 }));
}

// ── projects: the plan ────────────────────────────────────────────────────

/** plan.type indexes PROJECT_TYPES and TYPE_SUFFIX; the status constants index STATUSES */
const TYPES = PROJECT_TYPES;
const ACTIVE = 0;
const ON_HOLD = 1;
const DORMANT = 2;
const LOST = 3;
const ABANDONED = 4;

/** the reasons for a status other than ACTIVE */
const reasonsFor = (status: number) => REASONS[STATUSES[status] as Exclude<Status, "active">];

/** furthest stage reached, weighted: a funnel (lead most, production least) */
const FURTHEST_WEIGHTS = [30, 23, 18, 8, 8, 7, 6];
/** youngest lead age in days for a project that reached each stage */
const MIN_LEAD_AGE = [1, 10, 40, 120, 180, 300, 500];
/** days a forward step to each stage usually takes [min, max] */
const STEP_DAYS: ReadonlyArray<readonly [number, number]> = [
  [0, 0],
  [7, 90],
  [30, 240],
  [30, 300],
  [10, 90],
  [30, 240],
  [120, 540],
];
/** skew of the lead age: above 1 favours recent leads, below 1 old ones */
const LEAD_AGE_SKEW = [1.5, 1.2, 1.1, 1.0, 1.0, 1.0, 1.0];
/** activities per project: relative weight by furthest stage */
const ACTIVITY_STAGE_FACTOR = [0.5, 0.8, 1.2, 1.5, 1.6, 1.7, 1.8];
const ACTIVITY_STATUS_FACTOR = [1, 0.7, 0.5, 0.6, 0.5];
/** the projects with hundreds of activities; the first is project #1 */
const HEAVY_ACTIVITY_COUNTS = [1000, 820, 700, 640, 580, 540, 520, 505];

interface Plan {
  company: number;
  type: number;
  owner: User;
  unitId: number;
  parkId: number | null;
  channel: string;
  furthest: number;
  leadDay: number;
  /** last day with a record: the latest activity */
  endDay: number;
  /** most activities fall between the lead and a few months after the last stage change */
  busyEnd: number;
  status: number;
  heavy: boolean;
  /** stage indices of the log, starting with lead */
  path: number[];
  days: number[];
  signedDay: number;
  verified: boolean;
  totalWan: number;
  activityCount: number;
  deleted: boolean;
}

interface World {
  seed: number;
  cal: Calendar;
  H: number;
  users: User[];
  officers: User[];
  leaders: User[];
  staff: User[];
  officersByUnit: Map<number, User[]>;
  unitIds: number[];
  parkIds: Map<string, number>;
  parkNames: Map<number, string>;
  channelIds: Map<string, number>;
  companies: Company[];
  plans: Plan[];
}

const CHANNELS_BY_TYPE: ReadonlyArray<ReadonlyArray<readonly [string, number]>> = [
  [
    ["驻点招商", 14],
    ["以商招商", 14],
    ["中介招商", 12],
    ["基金招商", 6],
    ["产业链精准推介", 14],
    ["展会/进博会", 10],
    ["云招商", 8],
    ["外出招商", 12],
    ["上级推送", 4],
    ["企业自荐", 4],
    ["其他", 2],
  ],
  [
    ["以商招商", 50],
    ["驻点招商", 25],
    ["外出招商", 10],
    ["企业自荐", 10],
    ["其他", 5],
  ],
  [
    ["以商招商", 55],
    ["驻点招商", 25],
    ["企业自荐", 15],
    ["其他", 5],
  ],
  [
    ["中介招商", 45],
    ["基金招商", 25],
    ["以商招商", 15],
    ["上级推送", 10],
    ["其他", 5],
  ],
];

function choosePark(world: World, rng: Random, unitIndex: number, country: string): number | null {
  const park = (name: string) => world.parkIds.get(name) ?? null;
  const countryPark = country === "JP" ? park("中日（平湖）产业合作园") : country === "DE" ? park("中德（平湖）产业合作园") : null;
  switch (unitIndex) {
    case 0: // 投资促进中心: anywhere
      if (countryPark && rng.chance(0.5)) return countryPark;
      return rng.pick([park("平湖经济技术开发区"), park("独山港经济开发区"), park("张江长三角科技城平湖园"), null]);
    case 1:
      return countryPark && rng.chance(0.7) ? countryPark : park("平湖经济技术开发区");
    case 2:
      return park("独山港经济开发区");
    case 3:
      return park("张江长三角科技城平湖园");
    case 4: // 新埭镇 hosts the science city
      return rng.chance(0.5) ? park("张江长三角科技城平湖园") : null;
    default:
      return rng.chance(0.15) ? park("平湖经济技术开发区") : null;
  }
}

function planProjects(world: World, counts: Counts, rng: Random): Plan[] {
  const { H, companies } = world;
  const existing = companies.map((c, i) => (c.existing ? i : -1)).filter((i) => i >= 0);
  const prominent = companies.map((c, i) => (c.fortune500 || c.chainLeader ? i : -1)).filter((i) => i >= 0);
  const types = Weighted.of<number>([
    [0, 60],
    [1, 22],
    [2, 10],
    [3, 8],
  ]);
  const furthestPick = new Weighted([0, 1, 2, 3, 4, 5, 6], FURTHEST_WEIGHTS);
  const channelPickers = CHANNELS_BY_TYPE.map((pairs) => Weighted.of(pairs));
  const heavyCount = Math.max(1, Math.min(HEAVY_ACTIVITY_COUNTS.length, Math.round(counts.projects / 6000)));
  const heavySlots = new Set<number>([0]);
  while (heavySlots.size < heavyCount) heavySlots.add(rng.int(1, counts.projects - 1));

  const plans: Plan[] = [];
  for (let p = 0; p < counts.projects; p++) {
    const heavy = heavySlots.has(p);
    let type = types.pick(rng);
    let company: number;
    if (p === 0 && prominent.length > 0) {
      // project #1: a big Fortune 500 / chain-leader project with a long record
      type = 0;
      company = prominent.find((i) => companies[i].fortune500) ?? prominent[0];
    } else if ((type === 1 || type === 2) && existing.length > 0) company = rng.pick(existing);
    else if (prominent.length > 0 && rng.chance(0.08)) company = rng.pick(prominent);
    else company = rng.int(0, companies.length - 1);
    const c = companies[company];

    const owner = p === 0 ? world.officers[0] : rng.pick(world.officers);
    const unitIndex = world.unitIds.indexOf(owner.unitId);
    const furthest = heavy ? (p === 0 ? 6 : rng.pick([5, 6])) : furthestPick.pick(rng);

    const minAge = heavy ? Math.min(H - 30, 3 * 365) : MIN_LEAD_AGE[furthest];
    const age = Math.min(H, minAge + Math.floor((H - minAge) * Math.pow(rng.next(), heavy ? 1 : LEAD_AGE_SKEW[furthest])));
    const leadDay = H - age;

    let status = ACTIVE;
    if (!heavy) {
      const r = rng.next();
      if (furthest >= SIGNED_INDEX) status = r < 0.88 ? ACTIVE : r < 0.95 ? ON_HOLD : DORMANT;
      else if (age > 540) status = r < 0.4 ? ACTIVE : r < 0.45 ? ON_HOLD : r < 0.7 ? DORMANT : r < 0.85 ? LOST : ABANDONED;
      else status = r < 0.76 ? ACTIVE : r < 0.83 ? ON_HOLD : r < 0.89 ? DORMANT : r < 0.96 ? LOST : ABANDONED;
    }

    // the stage log before back-and-forth: lead, then forward, skipping a stage now and then
    const path = [0];
    for (let s = 1; s <= furthest; s++) if (s === furthest || !rng.chance(0.07)) path.push(s);

    let quiet: number;
    const r = rng.next();
    if (heavy) quiet = rng.int(0, 5);
    else if (status === ACTIVE) quiet = r < 0.7 ? rng.int(0, 30) : r < 0.85 ? rng.int(31, 60) : rng.int(61, 240);
    else if (status === ON_HOLD) quiet = rng.int(20, 240);
    else if (status === DORMANT) quiet = rng.int(90, 720);
    else quiet = rng.int(5, 900);
    quiet = Math.max(0, Math.min(quiet, age - (path.length - 1)));

    plans.push({
      company,
      type,
      owner,
      unitId: owner.unitId,
      parkId: choosePark(world, rng, unitIndex, c.country),
      channel: channelPickers[type].pick(rng),
      furthest,
      leadDay,
      endDay: H - quiet,
      busyEnd: H - quiet,
      status,
      heavy,
      path,
      days: [],
      signedDay: -1,
      verified: false,
      totalWan: 0,
      activityCount: 0,
      deleted: !heavy && rng.chance(0.003),
    });
  }
  addBounces(plans, counts.stage_changes, rng);
  for (const plan of plans) placeStageDays(plan, rng, H);
  allocateActivities(plans, counts, rng);
  return plans;
}

/**
 * Back-and-forth in the stage log (洽谈 set back to 接洽 and resumed, 开工 postponed …) until the
 * log has the wanted number of rows: most projects stay early, so without it the funnel alone
 * gives about three rows per project.
 */
function addBounces(plans: Plan[], wanted: number, rng: Random): void {
  let rows = plans.reduce((n, p) => n + p.path.length, 0);
  const bounceable = (plan: Plan) => plan.path.some((s) => s === 1 || s === 2 || s === 5) && plan.endDay - plan.leadDay >= plan.path.length + 1;
  let eligible = plans.map((_, i) => i).filter((i) => bounceable(plans[i]));
  const bounces = new Uint8Array(plans.length);
  while (rows + 2 <= wanted && eligible.length > 0) {
    // of two random candidates take the one with the longer history
    const a = eligible[rng.int(0, eligible.length - 1)];
    const b = eligible[rng.int(0, eligible.length - 1)];
    const index = plans[a].endDay - plans[a].leadDay >= plans[b].endDay - plans[b].leadDay ? a : b;
    const plan = plans[index];
    const positions: number[] = [];
    plan.path.forEach((s, i) => {
      if (s === 2) positions.push(i, i, i);
      else if (s === 1 || s === 5) positions.push(i);
    });
    const at = rng.pick(positions);
    const stage = plan.path[at];
    plan.path.splice(at + 1, 0, stage - 1, stage);
    rows += 2;
    bounces[index]++;
    if (bounces[index] >= 4 || !bounceable(plan)) eligible = eligible.filter((i) => i !== index);
  }
  // an odd remainder: one paused project ends set back a stage
  if (rows < wanted) {
    const plan = plans.find(
      (p) => (p.status === ON_HOLD || p.status === DORMANT) && (p.furthest === 2 || p.furthest === 1) && p.endDay - p.leadDay >= p.path.length + 1,
    );
    if (plan) plan.path.push(plan.path[plan.path.length - 1] - 1);
  }
}

/**
 * Dates of the log rows: each step takes a typical time from the previous one (compressed when the
 * project's history is shorter), strictly increasing from the lead date, none after the latest record.
 */
function placeStageDays(plan: Plan, rng: Random, H: number): void {
  const n = plan.path.length - 1;
  const span = plan.endDay - plan.leadDay;
  const durations: number[] = [];
  const reached = new Set<number>([plan.path[0]]);
  for (let i = 1; i <= n; i++) {
    const from = plan.path[i - 1];
    const to = plan.path[i];
    let d = 0;
    if (to < from) d = rng.int(15, 150);
    else if (reached.has(to)) d = rng.int(20, 200);
    else for (let s = from + 1; s <= to; s++) d += rng.int(STEP_DAYS[s][0], STEP_DAYS[s][1]) * (to - from > 1 ? 0.6 : 1);
    reached.add(to);
    durations.push(Math.max(1, Math.round(d)));
  }
  const total = durations.reduce((a, b) => a + b, 0);
  const factor = total > span ? span / total : 1;
  const days = [plan.leadDay];
  let cumulative = 0;
  for (let i = 1; i <= n; i++) {
    cumulative += durations[i - 1];
    days.push(Math.max(days[i - 1] + 1, plan.leadDay + Math.floor(cumulative * factor)));
  }
  for (let i = n; i >= 1; i--) days[i] = Math.min(days[i], plan.endDay - (n - i), i < n ? days[i + 1] - 1 : plan.endDay);
  plan.days = days;

  const last = days[n];
  // paused for good or closed: the record stops some months after the last stage change
  if (plan.status === DORMANT || plan.status === LOST || plan.status === ABANDONED) {
    plan.endDay = Math.max(last, Math.min(plan.endDay, last + rng.int(20, 400)));
  }
  plan.busyEnd = Math.min(plan.endDay, last + 120);

  const signing = plan.path.findIndex((s, i) => i > 0 && s >= SIGNED_INDEX);
  if (signing > 0) {
    plan.signedDay = days[signing];
    plan.verified = rng.chance(H - plan.signedDay <= 90 ? 0.55 : 0.94);
  }
}

function allocateActivities(plans: Plan[], counts: Counts, rng: Random): void {
  const heavyPlans = plans.filter((p) => p.heavy);
  let budget = counts.activities;
  heavyPlans.forEach((plan, i) => {
    const nominal = HEAVY_ACTIVITY_COUNTS[i];
    plan.activityCount = Math.min(nominal, Math.max(Math.round(nominal * counts.scale), Math.round((counts.activities * nominal) / 20_000)));
    budget -= plan.activityCount;
  });
  const weights = new Float64Array(plans.length);
  plans.forEach((plan, i) => {
    if (plan.heavy) return;
    // fixed records: the first contact, the signing ceremony, the latest record
    const fixed = new Set([plan.leadDay, plan.endDay]);
    if (plan.signedDay >= 0) fixed.add(plan.signedDay);
    plan.activityCount = fixed.size;
    budget -= fixed.size;
    const span = plan.endDay - plan.leadDay;
    const busy = plan.busyEnd - plan.leadDay;
    weights[i] =
      span === 0
        ? 0
        : Math.pow(busy + 0.25 * (span - busy) + 30, 0.9) *
          ACTIVITY_STAGE_FACTOR[plan.furthest] *
          ACTIVITY_STATUS_FACTOR[plan.status] *
          Math.exp(0.6 * rng.normal());
  });
  const extra = apportion(Math.max(0, budget), weights);
  plans.forEach((plan, i) => (plan.activityCount += extra[i]));
}

// ── writing ───────────────────────────────────────────────────────────────

interface Counts {
  scale: number;
  companies: number;
  projects: number;
  activities: number;
  stage_changes: number;
  commitments: number;
}

function scaledCounts(scale: number): Counts {
  const n = (nominal: number) => Math.max(1, Math.round(nominal * scale));
  return {
    scale,
    companies: Math.max(20, n(NOMINAL_COUNTS.companies)),
    projects: Math.max(10, n(NOMINAL_COUNTS.projects)),
    activities: n(NOMINAL_COUNTS.activities),
    stage_changes: n(NOMINAL_COUNTS.stage_changes),
    commitments: n(NOMINAL_COUNTS.commitments),
  };
}

function writeReferenceExtras(sqlite: Sqlite, setupInstant: number): void {
  // reference rows carry the generation instant by default: pin them to the start of the history
  for (const table of ["units", "channels", "chain_systems", "chain_nodes", "parks", "policies"]) {
    sqlite.prepare(`update ${table} set created_at = ?, updated_at = ?`).run(setupInstant, setupInstant);
  }
  const setGap = sqlite.prepare(
    "update chain_nodes set gap_status = ? where name = ? and level = 'link' and system_id = (select id from chain_systems where code = '4q8l')",
  );
  for (const [name, gap] of Object.entries(DEMO_GAP_STATUSES)) setGap.run(gap, name);
}

function writeUsers(sqlite: Sqlite, users: User[], passwordHash: string, setupInstant: number): void {
  const insert = sqlite.prepare(
    "insert into users (id, username, display_name, role, unit_id, active, password_hash, created_at, updated_at) values (?, ?, ?, ?, ?, 1, ?, ?, ?)",
  );
  for (const u of users) insert.run(u.id, u.username, u.displayName, u.role, u.unitId, passwordHash, setupInstant, setupInstant);
}

interface Clause {
  id: number;
  incentiveType: string;
  capCny: number;
  conditions: readonly string[];
}

function writeClauses(sqlite: Sqlite, setupInstant: number): Clause[] {
  const policyId = sqlite.prepare("select id from policies where title = ?");
  const insert = sqlite.prepare(
    "insert into policy_clauses (policy_id, number, text, incentive_type, formula, cap_cny, sort_order, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const clauses: Clause[] = [];
  CLAUSE_SPECS.forEach((spec, i) => {
    const policy = policyId.get(spec.policy) as { id: number } | undefined;
    if (!policy) return;
    const { lastInsertRowid } = insert.run(
      policy.id,
      spec.number,
      spec.text,
      spec.incentiveType,
      spec.formula,
      spec.capCny,
      (i % 2) + 1,
      setupInstant,
      setupInstant,
    );
    clauses.push({ id: Number(lastInsertRowid), incentiveType: spec.incentiveType, capCny: spec.capCny, conditions: spec.conditions });
  });
  if (clauses.length === 0) throw new Error("no reference policies to attach demo clauses to");
  return clauses;
}

function contactName(rng: Random, c: Company): [string, string] {
  switch (c.country) {
    case "JP":
      return [rng.pick(JP_SURNAMES)[0] + rng.pick(JP_GIVEN), rng.pick(["日语", "日语", "中文"])];
    case "KR":
      return [rng.pick(KR_NAMES.surnames) + rng.pick(KR_NAMES.given), "韩语"];
    case "HK":
    case "TW":
    case "MO":
    case "SG":
      return [rng.pick(CN_SURNAMES) + rng.pick(CN_GIVEN), "中文"];
    case "DE":
    case "AT":
    case "CH":
      return [`${rng.pick(WESTERN_FIRST)} ${rng.pick(DE_SURNAMES)[0]}`, rng.chance(0.7) ? "德语" : "英语"];
    default: {
      const last = EU_SURNAMES[c.country] ? rng.pick(EU_SURNAMES[c.country])[0] : rng.pick(EN_SURNAMES);
      return [`${rng.pick(WESTERN_FIRST)} ${last}`, LANGUAGES[c.country] ?? "英语"];
    }
  }
}

function writeCompanies(sqlite: Sqlite, world: World, rng: Random): void {
  const { cal, H, companies, plans } = world;
  // companies are registered a little before their first lead
  const firstLead = new Int32Array(companies.length).fill(H + 1);
  const firstOwner = new Int32Array(companies.length);
  for (const plan of plans) {
    if (plan.leadDay < firstLead[plan.company]) {
      firstLead[plan.company] = plan.leadDay;
      firstOwner[plan.company] = plan.owner.id;
    }
  }
  const chainNodeOf = chainNodeLookup(sqlite);
  const insert = sqlite.prepare(
    `insert into companies (id, name, foreign_name, name_key, foreign_name_key, search_text, uscc, country, city, industry, is_fortune500,
      is_chain_leader, is_existing_investor, description, is_demo, created_by, created_at, updated_at, deleted_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`,
  );
  const insertContact = sqlite.prepare(
    "insert into contacts (company_id, name, title, phone, email, language, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const insertChainCompany = sqlite.prepare("insert or ignore into chain_node_companies (node_id, company_id, role, created_at) values (?, ?, ?, ?)");
  const write = sqlite.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const c = companies[i];
      const id = i + 1;
      const ind = INDUSTRIES[c.industry];
      const hasProjects = firstLead[i] <= H;
      const day = hasProjects ? Math.max(-300, firstLead[i] - rng.int(1, 40)) : rng.int(-200, H);
      const createdAt = cal.at(day, rng.int(9, 17), rng.int(0, 59));
      const updatedDay = rng.chance(0.2) ? Math.min(H, day + rng.int(1, 400)) : day;
      const updatedAt = updatedDay === day ? createdAt : cal.at(updatedDay, rng.int(9, 17), rng.int(0, 59));
      const deleted = !hasProjects && rng.chance(0.005) ? cal.at(Math.min(H, updatedDay + rng.int(1, 200)), 15, rng.int(0, 59)) : null;
      const createdBy = hasProjects ? firstOwner[i] : rng.pick(world.officers).id;
      const region = regionLabel(c.country);
      const description = rng.chance(0.7)
        ? `【演示数据】虚构企业，用于性能测试。${region}${ind.label}企业${c.existing ? "，已在平湖投资设厂" : ""}${c.fortune500 ? "（虚构的世界500强）" : ""}。`
        : null;
      const names = companyNameColumns(c.name, c.foreignName);
      insert.run(
        id,
        c.name,
        c.foreignName,
        names.nameKey,
        names.foreignNameKey,
        names.searchText,
        c.uscc,
        c.country,
        c.city,
        ind.label,
        c.fortune500 ? 1 : 0,
        c.chainLeader ? 1 : 0,
        c.existing ? 1 : 0,
        description,
        createdBy,
        createdAt,
        updatedAt,
        deleted,
      );
      const contactCount = hasProjects ? rng.int(1, 3) : rng.chance(0.2) ? 1 : 0;
      for (let k = 0; k < contactCount; k++) {
        const [name, language] = contactName(rng, c);
        insertContact.run(
          id,
          name,
          rng.pick(CONTACT_TITLES),
          rng.chance(0.7) ? contactPhone(rng, c.country) : null,
          contactEmail(name, c.slug || `company${id}`, k),
          language,
          createdAt,
          createdAt,
        );
      }
      if (ind.chain && (c.chainLeader || rng.chance(0.004))) {
        const node = chainNodeOf(ind.chain, true);
        if (node !== undefined) insertChainCompany.run(node, id, c.chainLeader ? "chain_leader" : "target", createdAt);
      }
    }
  });
  for (let from = 0; from < companies.length; from += 25_000) write(from, Math.min(companies.length, from + 25_000));
}

/** chain node id by [system code, name]; `chainLevel` walks from a link node up to its chain */
function chainNodeLookup(sqlite: Sqlite): (key: readonly [string, string], chainLevel?: boolean) => number | undefined {
  const rows = sqlite
    .prepare(
      "select n.id, n.name, n.level, n.parent_id as parentId, s.code from chain_nodes n join chain_systems s on s.id = n.system_id where n.retired_at is null",
    )
    .all() as Array<{ id: number; name: string; level: string; parentId: number | null; code: string }>;
  const byKey = new Map(rows.map((r) => [`${r.code}/${r.name}`, r]));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return (key, chainLevel = false) => {
    let row = byKey.get(`${key[0]}/${key[1]}`);
    if (row && chainLevel && row.level === "link" && row.parentId !== null) row = byId.get(row.parentId);
    return row?.id;
  };
}

function projectFigures(plan: Plan, company: Company, rng: Random) {
  let totalWan: number;
  if (plan.heavy) totalWan = rng.int(12_000, 25_000);
  else if (rng.chance(0.03)) totalWan = Math.round(rng.logUniform(5_000, 30_000));
  else totalWan = Math.min(5_000, Math.max(1, Math.round(Math.exp(Math.log(900) + 1.1 * rng.normal()))));
  if (company.fortune500 && !plan.heavy) totalWan = Math.min(30_000, totalWan * 3);
  if (plan.type === 2) totalWan = Math.max(1, Math.round(totalWan * 0.5));
  const ratio = plan.type === 0 ? rng.float(0.4, 0.8) : plan.type === 3 ? rng.float(0.6, 1) : rng.float(0.7, 1);
  const contractedWan = Math.min(totalWan, Math.max(1, Math.round(totalWan * ratio)));
  return {
    totalWan,
    contractedWan,
    fixedAssetCny: wan(totalWan * 7.1 * rng.float(0.5, 0.8)),
    landMu: plan.type === 0 && plan.parkId !== null ? Math.max(5, Math.round((totalWan / 40) * rng.float(0.8, 1.4) * 2) / 2) : null,
    jobs: Math.max(10, Math.round(((totalWan / 15) * rng.float(0.7, 1.3)) / 10) * 10),
    taxCny: wan(totalWan * 7.1 * rng.float(0.03, 0.06)),
  };
}

function projectName(plan: Plan, company: Company, rng: Random): string {
  const ind = INDUSTRIES[company.industry];
  const product = rng.pick(ind.products);
  const overlap = product.includes(ind.cn) && company.short.endsWith(ind.cn) && company.short.length > ind.cn.length;
  const head = overlap ? company.short.slice(0, -ind.cn.length) : company.short;
  const phase = plan.type === 1 && rng.chance(0.3) ? "扩产" : plan.type === 0 && rng.chance(0.06) ? "二期" : "";
  return `${head}${product}${phase}${TYPE_SUFFIX[plan.type]}`;
}

/**
 * The status log after its entry row (进行中 on the 线索日期): [from, to, day, reason, lost to].
 * A project not 进行中 got there on its latest record (the closing activity), on or after its last
 * stage change; some passed through 暂缓 on the way. A few active ones were paused and resumed
 * between two stage changes.
 */
type StatusStep = [from: number, to: number, day: number, reason: string | null, lostTo: string | null];

function planStatusLog(plan: Plan, reason: string | null, lostTo: string | null, rng: Random): StatusStep[] {
  const days = plan.days;
  const lastStageDay = days[days.length - 1];
  if (plan.status === ACTIVE) {
    if (plan.heavy || !rng.chance(0.04)) return [];
    // the longest gap between two stage changes, or after the last one
    const ends = [...days, plan.endDay];
    let at = 0;
    for (let i = 1; i + 1 < ends.length; i++) if (ends[i + 1] - ends[i] > ends[at + 1] - ends[at]) at = i;
    const gap = ends[at + 1] - ends[at];
    if (gap < 3) return [];
    const paused = ends[at] + rng.int(1, Math.floor(gap / 2));
    const resumed = rng.int(paused + 1, ends[at + 1] - 1);
    const to = rng.chance(0.7) ? ON_HOLD : DORMANT;
    return [
      [ACTIVE, to, paused, rng.chance(0.8) ? rng.pick(reasonsFor(to)) : null, null],
      [to, ACTIVE, resumed, null, null],
    ];
  }
  const closedDay = plan.endDay;
  const steps: StatusStep[] = [];
  let from = ACTIVE;
  if (plan.status !== ON_HOLD && closedDay - lastStageDay >= 2 && rng.chance(0.3)) {
    steps.push([ACTIVE, ON_HOLD, rng.int(lastStageDay + 1, closedDay - 1), rng.chance(0.8) ? rng.pick(reasonsFor(ON_HOLD)) : null, null]);
    from = ON_HOLD;
  }
  steps.push([from, plan.status, closedDay, reason, lostTo]);
  return steps;
}

function writeProjects(sqlite: Sqlite, world: World, rng: Random, statusRng: Random): void {
  const { cal, H, companies, plans } = world;
  const chainNodeOf = chainNodeLookup(sqlite);
  const gapOf = new Map(
    (sqlite.prepare("select id, gap_status as gap from chain_nodes").all() as Array<{ id: number; gap: string | null }>).map((r) => [r.id, r.gap]),
  );
  const insert = sqlite.prepare(
    `insert into projects (id, name, search_text, company_id, project_type, channel_id, owner_id, unit_id, park_id, total_investment_usd,
      contracted_fdi_usd, fixed_asset_investment_cny, land_mu, expected_jobs, expected_annual_tax_cny, priority,
      next_follow_up_on, next_follow_up_item, description, stage, status, status_reason, lost_to, signed_on,
      signing_verified_at, signing_verified_on, signing_verified_by, last_activity_on, is_demo, created_by, created_at, updated_at, deleted_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`,
  );
  const insertChange = sqlite.prepare(
    "insert into stage_changes (project_id, from_stage, to_stage, occurred_on, user_id, recorded_at, note) values (?, ?, ?, ?, ?, ?, ?)",
  );
  const insertStatus = sqlite.prepare(
    "insert into status_changes (project_id, from_status, to_status, occurred_on, user_id, recorded_at, reason, lost_to) values (?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const insertMember = sqlite.prepare("insert or ignore into project_members (project_id, user_id, created_at) values (?, ?, ?)");
  const insertLink = sqlite.prepare("insert into project_chain_links (project_id, node_id, role, created_by, created_at) values (?, ?, ?, ?, ?)");
  let activeSlot = 0;

  const write = sqlite.transaction((from: number, to: number) => {
    for (let p = from; p < to; p++) {
      const plan = plans[p];
      const id = p + 1;
      const company = companies[plan.company];
      const figures = projectFigures(plan, company, rng);
      plan.totalWan = figures.totalWan;
      const stage = plan.path[plan.path.length - 1];
      const status = plan.status;
      const reason =
        status === ACTIVE
          ? null
          : status === ON_HOLD || status === DORMANT
            ? rng.chance(0.8)
              ? rng.pick(reasonsFor(status))
              : null
            : rng.pick(reasonsFor(status));
      const lostTo = status === LOST ? rng.pick(LOST_TO) : null;

      let priority = "normal";
      if (status === LOST || status === ABANDONED || status === DORMANT) priority = "low";
      else if (figures.totalWan >= 10_000 || company.fortune500 || company.chainLeader || rng.chance(0.08)) priority = "high";
      else if (rng.chance(0.1)) priority = "low";

      let followUpDay: number | null = null;
      let followUpItem: string | null = null;
      if (status === ACTIVE) {
        const slot = activeSlot++;
        followUpItem = NEXT_STEP_BY_STAGE[STAGES[stage]];
        if (slot % 7 === 0) followUpDay = H - rng.int(1, 30);
        else if (slot % 7 <= 2) followUpDay = H + rng.int(0, 7);
        else followUpDay = H + rng.int(8, 60);
      } else if (status === ON_HOLD || status === DORMANT) {
        const paused = PAUSED_FOLLOW_UP[status === ON_HOLD ? "on_hold" : "dormant"];
        followUpDay = H + rng.int(...paused.days);
        followUpItem = paused.item;
      }

      const verifier = plan.verified ? rng.pick(world.leaders) : null;
      const verifiedDay = plan.verified ? Math.min(H, plan.signedDay + rng.int(2, 10)) : -1;
      const verifiedAt = plan.verified ? cal.at(verifiedDay, 16, rng.int(0, 59)) : null;
      const lastChangeDay = plan.days[plan.days.length - 1];
      const createdAt = cal.at(plan.leadDay, rng.int(9, 16), rng.int(0, 59));
      const updatedAt = Math.max(createdAt, cal.at(Math.max(plan.endDay, lastChangeDay, verifiedDay), 17, rng.int(0, 59)));
      const deletedAt = plan.deleted ? cal.at(Math.min(H, plan.endDay + rng.int(1, 60)), 11, rng.int(0, 59)) : null;

      const name = projectName(plan, company, rng);
      insert.run(
        id,
        name,
        projectSearchTextOf(name, searchTextOf(company.name, company.foreignName)),
        plan.company + 1,
        TYPES[plan.type],
        world.channelIds.get(plan.channel) ?? null,
        plan.owner.id,
        plan.unitId,
        plan.parkId,
        wan(figures.totalWan),
        wan(figures.contractedWan),
        figures.fixedAssetCny,
        figures.landMu,
        figures.jobs,
        figures.taxCny,
        priority,
        followUpDay === null ? null : cal.date(followUpDay),
        followUpItem,
        "【演示数据】虚构项目，用于性能测试。",
        STAGES[stage],
        STATUSES[status],
        reason,
        lostTo,
        plan.signedDay >= 0 ? cal.date(plan.signedDay) : null,
        verifiedAt,
        plan.verified ? cal.date(verifiedDay) : null,
        verifier?.id ?? null,
        cal.date(plan.endDay),
        plan.owner.id,
        createdAt,
        updatedAt,
        deletedAt,
      );

      const seen = new Set<number>();
      plan.path.forEach((to, i) => {
        const from = i === 0 ? null : plan.path[i - 1];
        let note: string | null = null;
        if (from !== null && to < from) note = rng.pick(BACK_NOTES[STAGES[from]] ?? ["阶段调整"]);
        else if (seen.has(to)) note = REENTRY_NOTES[STAGES[to]] ?? null;
        else if (from !== null) note = FORWARD_NOTES[STAGES[to]] ?? null;
        seen.add(to);
        const day = plan.days[i];
        const recordedDay = Math.min(H, day + (rng.chance(0.3) ? 1 : 0));
        insertChange.run(
          id,
          from === null ? null : STAGES[from],
          STAGES[to],
          cal.date(day),
          plan.owner.id,
          cal.at(recordedDay, rng.int(9, 17), rng.int(0, 59)),
          note,
        );
      });

      // the status log, from its own random stream: the rows above stay as they were
      insertStatus.run(id, null, STATUSES[ACTIVE], cal.date(plan.leadDay), plan.owner.id, createdAt, null, null);
      for (const [from, to, day, stepReason, stepLostTo] of planStatusLog(plan, reason, lostTo, statusRng)) {
        const recordedAt = cal.at(Math.min(H, day + (statusRng.chance(0.3) ? 1 : 0)), 17, statusRng.int(30, 59));
        insertStatus.run(id, STATUSES[from], STATUSES[to], cal.date(day), plan.owner.id, recordedAt, stepReason, stepLostTo);
      }

      if (rng.chance(0.12) || plan.heavy) {
        const colleagues = world.officersByUnit.get(plan.unitId) ?? [];
        const memberCount = plan.heavy ? 3 : rng.int(1, 2);
        for (let k = 0; k < memberCount; k++) {
          const member = rng.chance(0.7) && colleagues.length > 1 ? rng.pick(colleagues) : rng.pick(world.leaders);
          if (member.id !== plan.owner.id) insertMember.run(id, member.id, createdAt + (k + 1) * 60_000);
        }
      }

      const ind = INDUSTRIES[company.industry];
      if (ind.chain && (plan.furthest >= 2 || rng.chance(0.3)) && rng.chance(0.6)) {
        const node = chainNodeOf(ind.chain);
        if (node !== undefined) {
          const gap = gapOf.get(node);
          const role = gap === "gap" ? "fill" : gap === "weak" ? rng.pick(["fill", "strengthen"]) : rng.chance(0.75) ? "strengthen" : "extend";
          insertLink.run(id, node, role, plan.owner.id, cal.at(plan.days[Math.min(1, plan.days.length - 1)], 11, rng.int(0, 59)));
        }
      }
    }
  });
  for (let from = 0; from < plans.length; from += 10_000) write(from, Math.min(plans.length, from + 10_000));
}

// ── activities ────────────────────────────────────────────────────────────

const TYPES_BY_PHASE: Record<0 | 1 | 2, readonly ActivityType[]> = {
  0: ["call", "call", "video", "outbound_trip", "visit", "promotion", "other"],
  1: ["inbound_visit", "video", "visit", "outbound_trip", "call", "call"],
  2: ["visit", "call", "other", "visit", "video", "inbound_visit", "call"],
};

interface ActivityContext {
  short: string;
  abroad: string;
  park: string;
  owner: string;
  projectName: string;
  totalWan: number;
  contractedWan: number;
}

/** [summary, participants, place, next step] */
type Described = [string, string, string | null, string | null];

function describeActivity(type: ActivityType, stage: number, ctx: ActivityContext, leaderName: string, rng: Random): Described {
  const { short, abroad, park, owner } = ctx;
  const phase = stage <= 1 ? 0 : stage === 2 ? 1 : 2;
  const label = STAGE_LABELS[STAGES[stage]];
  const next = NEXT_STEP_BY_STAGE[STAGES[stage]];
  const withLeader = `${leaderName}、${owner}`;
  switch (type) {
    case "signing_ceremony":
      return [
        `举行${ctx.projectName}签约仪式，总投资${ctx.totalWan}万美元，合同外资${ctx.contractedWan}万美元。`,
        withLeader,
        "平湖",
        NEXT_STEP_BY_STAGE.signed,
      ];
    case "outbound_trip": {
      const who = rng.chance(0.4) ? withLeader : owner;
      if (phase === 0)
        return rng.chance(0.5)
          ? [`赴${abroad}拜访${short}总部，推介平湖投资环境和${park}，对方表示将平湖列入备选地。`, who, abroad, "保持联络，争取企业高层来平湖考察"]
          : [`随市招商团赴${abroad}开展外出招商，走访${short}等企业。`, who, abroad, "整理走访企业需求清单"];
      if (phase === 1) return [`赴${abroad}与${short}高层会谈，推进项目投资决策。`, who, abroad, "跟踪企业董事会决策"];
      return [`赴${abroad}回访${short}总部，了解后续增资计划。`, who, abroad, next];
    }
    case "inbound_visit":
      if (phase === 0) return [`${short}一行来平湖考察，参观${park}并座谈。`, `${owner}、${short}代表`, "平湖", "根据企业需求提出选址方案"];
      if (phase === 1)
        return rng.chance(0.5)
          ? [`${short}考察团来平湖实地考察${park}，参观标准厂房，就选址、用地和厂房租购方式深入洽谈。`, `${owner}、${short}代表`, "平湖", "细化选址和用地方案"]
          : [`${short}高层来平湖洽谈，双方就投资协议框架达成初步共识。`, `${withLeader}、${short}代表`, "平湖", "准备投资协议文本"];
      return [`${short}高层来平湖检查项目${label}阶段进展并座谈。`, `${owner}、${short}代表`, "平湖", next];
    case "video":
      if (phase === 0)
        return [`与${short}总部视频交流，介绍${park}产业定位和配套条件，对方关注用工、物流和供应链配套。`, owner, "线上", "整理企业关注问题清单并逐项答复"];
      if (phase === 1) return [`与${short}视频洽谈，就投资规模、建设进度和政策支持交换意见。`, owner, "线上", "准备投资协议文本"];
      return [`与${short}总部视频会议，通报项目${label}阶段进展。`, owner, "线上", next];
    case "promotion":
      return rng.chance(0.5)
        ? [`${short}代表参加平湖投资环境推介会，会后进行一对一交流。`, owner, rng.pick(["上海（进博会期间）", abroad, "平湖"]), "会后跟进，发送项目建议书"]
        : [`在产业链精准推介会上与${short}对接，介绍${park}配套条件。`, owner, rng.pick(["上海", "杭州", abroad]), "发送园区招商资料"];
    case "visit":
      if (phase === 0)
        return rng.chance(0.5)
          ? [`拜访${short}在华机构，了解其中国市场布局和新增产能需求。`, owner, "上海", "跟进企业投资选址进展"]
          : [`走访${short}上海办事处，介绍平湖产业基础和营商环境。`, owner, "上海", "邀请企业来平湖实地考察"];
      if (phase === 1) return [`赴${short}在华机构面谈，沟通投资协议主要条款。`, owner, "上海", "协调相关部门会审协议条款"];
      return rng.chance(0.5)
        ? [`走访${short}项目现场，了解项目${label}阶段进展，协调水电气接入等事项。`, owner, "平湖", next]
        : [`上门服务${short}，协调解决用工和物流配套问题。`, owner, "平湖", next];
    case "call":
      if (phase === 0)
        return rng.chance(0.5)
          ? [`与${short}相关负责人电话沟通，对方介绍了在华布局计划，对平湖的区位和产业配套较感兴趣。`, owner, null, "发送平湖投资环境介绍和政策资料"]
          : [`电话跟进${short}投资意向，对方表示总部正在开展中国新基地的可行性研究。`, owner, null, "邀请企业来平湖实地考察"];
      if (phase === 1)
        return rng.chance(0.5)
          ? [`电话沟通用地指标和厂房交付时间，${short}希望尽快明确供地方案。`, owner, null, "协调自然资源部门确认用地指标"]
          : [`电话沟通${short}关注的税收和人才政策，已提供政策解读材料。`, owner, null, "跟进企业内部决策进度"];
      return [`电话了解项目${label}阶段进展，企业反映审批材料需补正，已协调相关部门指导。`, owner, null, next];
    default:
      if (phase === 2) return [`协助${short}办理${PAPERWORK_BY_STAGE[STAGES[stage]] ?? "相关"}等手续。`, owner, "平湖", next];
      return [`收集整理${short}企业资料和行业信息，研究对接方案。`, owner, null, next];
  }
}

function writeActivities(sqlite: Sqlite, world: World, rng: Random): number {
  const { cal, companies, plans } = world;
  const projectRow = sqlite.prepare(
    "select name, total_investment_usd as total, contracted_fdi_usd as contracted, status_reason as reason, lost_to as lostTo from projects where id = ?",
  );
  const memberRows = sqlite.prepare("select user_id as id from project_members where project_id = ? order by user_id");
  const insert = sqlite.prepare(
    `insert into activities (project_id, company_id, type, occurred_on, participants, place, summary, next_step, created_by, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const userById = new Map(world.users.map((u) => [u.id, u]));
  let written = 0;

  const write = sqlite.transaction((from: number, to: number) => {
    for (let p = from; p < to; p++) {
      const plan = plans[p];
      const id = p + 1;
      const company = companies[plan.company];
      const row = projectRow.get(id) as { name: string; total: number; contracted: number; reason: string | null; lostTo: string | null };
      const members = (memberRows.all(id) as Array<{ id: number }>).map((m) => userById.get(m.id)!).filter(Boolean);
      const colleagues = world.officersByUnit.get(plan.unitId) ?? [plan.owner];
      const ctx: ActivityContext = {
        short: company.short,
        abroad: abroadPlace(company.country, company.hq),
        park: plan.parkId === null ? "平湖" : (world.parkNames.get(plan.parkId) ?? "平湖"),
        owner: plan.owner.displayName,
        projectName: row.name,
        totalWan: row.total / 10_000,
        contractedWan: row.contracted / 10_000,
      };

      // dates: the first contact, the signing ceremony and the latest record are fixed, the rest spread
      const n = plan.activityCount;
      const days = new Int32Array(n);
      const fixed: number[] = [plan.leadDay];
      if (plan.endDay !== plan.leadDay) fixed.push(plan.endDay);
      if (plan.signedDay >= 0 && !fixed.includes(plan.signedDay)) fixed.push(plan.signedDay);
      const fixedCount = Math.min(n, fixed.length);
      for (let k = 0; k < n; k++) {
        if (k < fixedCount) days[k] = fixed[k];
        else days[k] = rng.int(plan.leadDay, rng.chance(0.75) ? plan.busyEnd : plan.endDay);
      }
      days.sort();

      const closing = closingActivity(STATUSES[plan.status], row.reason, row.lostTo);
      let stageIndex = 0;
      let stage = plan.path[0];
      let signingDone = false;
      let leadDone = false;
      let previousType: ActivityType | null = null;
      for (let k = 0; k < n; k++) {
        const day = days[k];
        while (stageIndex + 1 < plan.days.length && plan.days[stageIndex + 1] <= day) stage = plan.path[++stageIndex];
        let type: ActivityType;
        if (!leadDone && day === plan.leadDay) {
          type = firstActivityType(plan.channel);
          leadDone = true;
        } else if (!signingDone && day === plan.signedDay) {
          type = "signing_ceremony";
          signingDone = true;
        } else {
          type = rng.pick(TYPES_BY_PHASE[stage <= 1 ? 0 : stage === 2 ? 1 : 2]);
          if (type === previousType) type = rng.pick(TYPES_BY_PHASE[stage <= 1 ? 0 : stage === 2 ? 1 : 2]);
        }
        previousType = type;
        const leader = rng.pick(world.leaders).displayName;
        let [summary, participants, place, nextStep] = describeActivity(type, stage, ctx, leader, rng);
        if (closing && k === n - 1 && type !== "signing_ceremony" && n > 1) {
          type = "call";
          ({ summary, nextStep } = closing);
          participants = ctx.owner;
          place = null;
        }
        const r = rng.next();
        const author = r < 0.82 ? plan.owner : r < 0.92 && members.length > 0 ? rng.pick(members) : rng.pick(colleagues);
        const at = cal.at(day, rng.int(8, 19), rng.int(0, 59));
        insert.run(id, plan.company + 1, type, cal.date(day), participants, place, summary, nextStep, author.id, at, at);
        written++;
      }
    }
  });
  for (let from = 0; from < plans.length; from += 2_500) write(from, Math.min(plans.length, from + 2_500));
  return written;
}

// ── commitments, payouts, arrivals, targets ───────────────────────────────

function writeCommitments(sqlite: Sqlite, world: World, clauses: Clause[], wanted: number, rng: Random, cancelRng: Random): void {
  const { cal, H, plans, companies } = world;
  const weights = new Float64Array(plans.length);
  plans.forEach((plan, i) => {
    if (plan.deleted) return;
    if (plan.signedDay >= 0 && plan.verified) weights[i] = 0.6 + (plan.totalWan >= 10_000 ? 1 : 0) + rng.float(0, 0.8);
    else if (plan.furthest === 2 && plan.status === ACTIVE) weights[i] = 0.15;
  });
  const perProject = apportion(wanted, weights);
  const byType = (type: string) => clauses.filter((c) => c.incentiveType === type);
  const increaseClauses = byType("增资奖励");
  const bigClauses = byType("招大引强项目奖励");
  const leaderClauses = byType("链主企业发展补助");

  const insert = sqlite.prepare(
    `insert into commitments (project_id, clause_id, item, amount_cny, condition, due_on, status, cancel_reason, cancelled_on, proposed_by,
      committed_by, committed_on, fulfilled_on, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertPayout = sqlite.prepare("insert into payouts (commitment_id, amount_cny, paid_on, reference, created_by, created_at) values (?, ?, ?, ?, ?, ?)");
  const insertBasis = sqlite.prepare("insert into project_policy_bases (project_id, clause_id, note, created_by, created_at) values (?, ?, ?, ?, ?)");
  let payoutSerial = 0;

  const write = sqlite.transaction(() => {
    plans.forEach((plan, i) => {
      const id = i + 1;
      const company = companies[plan.company];
      const usedClauses = new Set<number>();
      const signed = plan.signedDay >= 0 && plan.verified;
      for (let k = 0; k < perProject[i]; k++) {
        let pool = clauses;
        if ((plan.type === 1 || plan.type === 2) && rng.chance(0.7) && increaseClauses.length) pool = increaseClauses;
        else if (plan.totalWan >= 10_000 && rng.chance(0.6) && bigClauses.length) pool = bigClauses;
        else if (company.chainLeader && rng.chance(0.6) && leaderClauses.length) pool = leaderClauses;
        const clause = rng.pick(pool);
        const amount = Math.min(clause.capCny, rng.int(5, 300) * 10_000);
        const condition = rng.pick(clause.conditions);
        const item = `${clause.incentiveType}（示例）`;
        const proposedDay = signed ? Math.min(H, plan.signedDay + rng.int(0, 30)) : Math.max(plan.leadDay, H - rng.int(0, 60));
        let status = "proposed";
        let committedDay = -1;
        let fulfilledDay = -1;
        let cancelReason: string | null = null;
        let dueDay = proposedDay + rng.int(90, 720);
        const payoutsToWrite: Array<[number, number]> = [];
        if (signed) {
          committedDay = Math.min(H, proposedDay + rng.int(5, 60));
          dueDay = committedDay + rng.int(90, 720);
          const r = rng.next();
          if (r < 0.07) {
            status = "cancelled";
            cancelReason = rng.pick(["项目投资规模调整，原承诺条件不再适用", "企业主动放弃申请", "经审核不符合兑现条件"]);
          } else if (dueDay <= H) {
            const q = rng.next();
            status = q < 0.8 ? "fulfilled" : q < 0.9 ? "committed" : "conditions_met";
          } else {
            const q = rng.next();
            status = q < 0.15 ? "proposed" : q < 0.6 ? "committed" : q < 0.85 ? "conditions_met" : "fulfilled";
          }
          if (status === "proposed") committedDay = -1;
          // payouts: fulfilled ones paid in one to three instalments, some others partly paid
          const firstPossible = committedDay + 30;
          if (status === "fulfilled" && firstPossible <= H) {
            const instalments = rng.int(1, 3);
            const lastDay = Math.min(H, Math.max(firstPossible, dueDay + rng.int(-60, 30)));
            let left = amount;
            let day = firstPossible;
            for (let s = 0; s < instalments; s++) {
              const share = s === instalments - 1 ? left : Math.round((left * rng.float(0.3, 0.6)) / 10_000) * 10_000;
              day = s === instalments - 1 ? Math.max(day, lastDay) : Math.min(lastDay, day + rng.int(0, Math.max(0, Math.floor((lastDay - day) / 2))));
              if (share > 0) payoutsToWrite.push([share, day]);
              left -= share;
            }
            fulfilledDay = payoutsToWrite.length ? payoutsToWrite[payoutsToWrite.length - 1][1] : -1;
            if (fulfilledDay < 0) status = "committed";
          } else if (status === "fulfilled") status = "committed";
          else if ((status === "committed" || status === "conditions_met") && firstPossible <= H && rng.chance(0.25)) {
            payoutsToWrite.push([Math.round((amount * rng.float(0.2, 0.5)) / 10_000) * 10_000, rng.int(firstPossible, H)]);
          }
        }
        const createdAt = cal.at(committedDay >= 0 ? committedDay : proposedDay, rng.int(9, 17), rng.int(0, 59));
        // 取消's business date, from its own random stream: the other rows stay as they were
        const cancelledDay = status === "cancelled" ? Math.min(H, Math.max(proposedDay, committedDay) + cancelRng.int(10, 240)) : -1;
        const updatedDay = Math.max(committedDay, proposedDay, fulfilledDay, cancelledDay, ...payoutsToWrite.map(([, d]) => d));
        const { lastInsertRowid } = insert.run(
          id,
          clause.id,
          item,
          amount,
          condition,
          cal.date(dueDay),
          status,
          cancelReason,
          cancelledDay >= 0 ? cal.date(cancelledDay) : null,
          plan.owner.id,
          committedDay >= 0 ? rng.pick(world.leaders).id : null,
          committedDay >= 0 ? cal.date(committedDay) : null,
          fulfilledDay >= 0 && status === "fulfilled" ? cal.date(fulfilledDay) : null,
          createdAt,
          Math.max(createdAt, cal.at(updatedDay, 17, 30)),
        );
        for (const [share, day] of payoutsToWrite) {
          payoutSerial++;
          insertPayout.run(
            Number(lastInsertRowid),
            share,
            cal.date(day),
            `兑现凭证（演示）第${payoutSerial}号`,
            rng.pick(world.staff).id,
            cal.at(day, 14, rng.int(0, 59)),
          );
        }
        if (!usedClauses.has(clause.id)) {
          usedClauses.add(clause.id);
          insertBasis.run(id, clause.id, `${clause.incentiveType}政策依据（示例）`, plan.owner.id, createdAt);
        }
      }
      // some projects cite a policy basis before any commitment
      if (perProject[i] === 0 && plan.furthest >= 2 && !plan.deleted && rng.chance(0.08)) {
        const clause = rng.pick(clauses);
        insertBasis.run(id, clause.id, "拟申请政策支持（示例）", plan.owner.id, cal.at(plan.days[Math.min(2, plan.days.length - 1)], 15, rng.int(0, 59)));
      }
    });
  });
  write();
}

function writeArrivals(sqlite: Sqlite, world: World, rng: Random): void {
  const { cal, H, plans } = world;
  const contracted = sqlite.prepare("select contracted_fdi_usd as usd from projects where id = ?");
  const insert = sqlite.prepare(
    "insert into fdi_arrivals (project_id, arrived_on, amount_usd, reference, created_by, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)",
  );
  const tranches: Record<number, [number, number, number, number]> = {
    4: [1, 2, 0.15, 0.4],
    5: [2, 4, 0.4, 0.8],
    6: [3, 6, 0.7, 1.0],
  };
  const write = sqlite.transaction(() => {
    plans.forEach((plan, i) => {
      if (!plan.verified || plan.deleted || plan.furthest < 4) return;
      const registration = plan.path.findIndex((s, k) => k > 0 && s >= 4);
      const earliest = Math.max(plan.days[registration], plan.signedDay + 1) + rng.int(5, 30);
      if (earliest > H) return;
      const [minCount, maxCount, minShare, maxShare] = tranches[plan.furthest];
      const count = rng.int(minCount, maxCount);
      const latest = Math.min(H, earliest + 3 * 365);
      const total = (contracted.get(i + 1) as { usd: number }).usd * rng.float(minShare, maxShare);
      let previous = earliest - 1;
      for (let k = 0; k < count; k++) {
        const slotEnd = earliest + Math.floor(((latest - earliest) * (k + 1)) / count);
        const day = Math.max(previous + 1, rng.int(earliest + Math.floor(((latest - earliest) * k) / count), slotEnd));
        if (day > H) break;
        previous = day;
        const amount = Math.max(10_000, Math.round(((total / count) * rng.float(0.8, 1.2)) / 100) * 100);
        const at = cal.at(day, 15, rng.int(0, 59));
        insert.run(i + 1, cal.date(day), amount, `资本金账户入账（演示，第${k + 1}笔）`, rng.pick(world.staff).id, at, at);
      }
    });
  });
  write();
}

/** Annual targets near what the data achieves, so 完成率 reads plausibly (county-wide and per unit). */
function writeTargets(sqlite: Sqlite, world: World, rng: Random): void {
  const { cal, H } = world;
  const thisYear = cal.year(H);
  const elapsed = (daysBetween(`${thisYear}-01-01`, cal.date(H)) + 1) / (daysBetween(`${thisYear}-01-01`, `${thisYear}-12-31`) + 1);
  const signedRows = sqlite
    .prepare(
      `select substr(p.signed_on, 1, 4) as year, p.unit_id as unit, count(*) as projects, sum(p.contracted_fdi_usd) as contracted,
         sum(p.total_investment_usd) as total, sum(p.total_investment_usd >= 100000000) as big, sum(c.is_fortune500) as f500
       from projects p join companies c on c.id = p.company_id
       where p.signing_verified_at is not null and p.deleted_at is null group by 1, 2 order by 1, 2`,
    )
    .all() as Array<{ year: string; unit: number; projects: number; contracted: number; total: number; big: number; f500: number }>;
  const arrivalRows = sqlite
    .prepare(
      `select substr(a.arrived_on, 1, 4) as year, p.unit_id as unit, sum(a.amount_usd) as usd
       from fdi_arrivals a join projects p on p.id = a.project_id where a.deleted_at is null and p.deleted_at is null group by 1, 2 order by 1, 2`,
    )
    .all() as Array<{ year: string; unit: number; usd: number }>;
  const insert = sqlite.prepare("insert into targets (year, indicator, unit_id, value, created_at, updated_at) values (?, ?, ?, ?, ?, ?)");
  const roundMoney = (usd: number) => Math.max(1_000_000, Math.round(usd / 1_000_000) * 1_000_000);
  for (let year = thisYear - HISTORY_YEARS + 1; year <= thisYear; year++) {
    const factor = year === thisYear ? 1 / Math.max(0.05, elapsed) : 1;
    const aim = () => factor * rng.float(0.88, 1.12);
    const signed = signedRows.filter((r) => Number(r.year) === year);
    const arrivals = arrivalRows.filter((r) => Number(r.year) === year);
    const sum = (rows: Array<Record<string, number | string>>, key: string) => rows.reduce((n, r) => n + Number(r[key]), 0);
    const at = cal.at(Math.max(-300, daysBetween(cal.date(0), `${year}-01-01`) - 20), 10);
    const county: Array<[string, number]> = [
      ["signed_projects", Math.max(1, Math.round(sum(signed, "projects") * aim()))],
      ["contracted_fdi_usd", roundMoney(sum(signed, "contracted") * aim())],
      ["actual_fdi_usd", roundMoney(sum(arrivals, "usd") * aim())],
      ["total_investment_usd", roundMoney(sum(signed, "total") * aim())],
      ["big_projects", Math.max(1, Math.round(sum(signed, "big") * aim()))],
      ["fortune500_projects", Math.max(1, Math.round(sum(signed, "f500") * aim()))],
    ];
    for (const [indicator, value] of county) insert.run(year, indicator, null, value, at, at);
    for (const unitId of world.unitIds) {
      const unitSigned = signed.filter((r) => r.unit === unitId);
      const unitArrivals = arrivals.filter((r) => r.unit === unitId);
      insert.run(year, "signed_projects", unitId, Math.max(1, Math.round(sum(unitSigned, "projects") * aim())), at, at);
      insert.run(year, "actual_fdi_usd", unitId, roundMoney(sum(unitArrivals, "usd") * aim()), at, at);
    }
  }
}

// ── the run ───────────────────────────────────────────────────────────────

const STREAM = {
  users: 1,
  companies: 2,
  projects: 3,
  companyRows: 4,
  projectRows: 5,
  activities: 6,
  commitments: 7,
  arrivals: 8,
  targets: 9,
  statusLog: 10,
  cancellations: 11,
};

/** The tables the generator fills, counted in its summary. */
export const GENERATED_TABLES = [
  "users",
  "companies",
  "contacts",
  "projects",
  "project_members",
  "stage_changes",
  "status_changes",
  "activities",
  "project_chain_links",
  "chain_node_companies",
  "policy_clauses",
  "project_policy_bases",
  "commitments",
  "payouts",
  "fdi_arrivals",
  "targets",
  "companies_fts",
];

function fileSize(file: string): number {
  return [file, `${file}-wal`].reduce((n, f) => n + (fs.existsSync(f) ? fs.statSync(f).size : 0), 0);
}

export async function generateLargeDataSet(options: LargeDataSetOptions): Promise<LargeDataSetSummary> {
  const out = path.resolve(options.out);
  const scale = options.scale ?? 1;
  const seed = Math.trunc(options.seed ?? 1);
  const todayDate = options.today ?? businessToday();
  const log = options.log ?? ((line: string) => console.log(line));
  if (!(scale > 0) || !Number.isFinite(scale)) throw new Error(`--scale must be a positive number, got ${scale}`);
  if (!isValidDate(todayDate)) throw new Error(`--today must be a date YYYY-MM-DD, got ${todayDate}`);

  const counts = scaledCounts(scale);
  const phases: Array<{ name: string; seconds: number }> = [];
  const started = performance.now();
  const phase = <T>(name: string, fn: () => T): T => {
    const t0 = performance.now();
    const result = fn();
    const seconds = (performance.now() - t0) / 1000;
    phases.push({ name, seconds });
    log(`  ${name.padEnd(30)} ${seconds.toFixed(2).padStart(7)} s`);
    return result;
  };

  log(`生成大数据集 large data set → ${out}（scale ${scale}, seed ${seed}, today ${todayDate}）`);
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(`${out}${suffix}`, { force: true });

  const t0 = performance.now();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  phases.push({ name: "password hash", seconds: (performance.now() - t0) / 1000 });
  log(`  ${"password hash".padEnd(30)} ${phases[0].seconds.toFixed(2).padStart(7)} s`);

  const db = phase("open + migrations", () => openDatabase(out));
  const sqlite = db.$client;
  try {
    // generation only: no rollback journal, no syncs, a large page cache; restored below
    sqlite.pragma("journal_mode = OFF");
    sqlite.pragma("synchronous = OFF");
    sqlite.pragma("cache_size = -262144");

    const start = historyStart(todayDate);
    const cal = new Calendar(start, todayDate, 400, 800);
    const H = cal.today;
    const setupInstant = cal.at(-330, 9);

    const world = phase("reference data + users", () => {
      seedReference(db);
      const unitRows = sqlite.prepare("select id, name from units order by sort_order, id").all() as Array<{ id: number; name: string }>;
      const unitIds = REFERENCE_UNITS.map(([name]) => unitRows.find((u) => u.name === name)?.id ?? unitRows[0].id);
      const users = buildUsers(unitIds, Random.stream(seed, STREAM.users));
      writeUsers(sqlite, users, passwordHash, setupInstant);
      const parkRows = sqlite.prepare("select id, name from parks").all() as Array<{ id: number; name: string }>;
      const channelRows = sqlite.prepare("select id, name from channels").all() as Array<{ id: number; name: string }>;
      const officers = users.filter((u) => u.role === "officer");
      const officersByUnit = new Map<number, User[]>();
      for (const o of officers) officersByUnit.set(o.unitId, [...(officersByUnit.get(o.unitId) ?? []), o]);
      const w: World = {
        seed,
        cal,
        H,
        users,
        officers,
        leaders: users.filter((u) => u.role === "leader"),
        staff: users.filter((u) => u.role === "staff"),
        officersByUnit,
        unitIds,
        parkIds: new Map(parkRows.map((r) => [r.name, r.id])),
        parkNames: new Map(parkRows.map((r) => [r.id, r.name])),
        channelIds: new Map(channelRows.map((r) => [r.name, r.id])),
        companies: [],
        plans: [],
      };
      writeReferenceExtras(sqlite, setupInstant);
      return w;
    });
    const clauses = phase("policy clauses", () => writeClauses(sqlite, setupInstant));

    phase("plan companies + projects", () => {
      world.companies = generateCompanies(counts.companies, Random.stream(seed, STREAM.companies));
      world.plans = planProjects(world, counts, Random.stream(seed, STREAM.projects));
    });
    phase("companies (+FTS, contacts)", () => writeCompanies(sqlite, world, Random.stream(seed, STREAM.companyRows)));
    phase("projects + stage and status logs", () =>
      writeProjects(sqlite, world, Random.stream(seed, STREAM.projectRows), Random.stream(seed, STREAM.statusLog)),
    );
    phase("activities", () => writeActivities(sqlite, world, Random.stream(seed, STREAM.activities)));
    phase("commitments + payouts", () =>
      writeCommitments(sqlite, world, clauses, counts.commitments, Random.stream(seed, STREAM.commitments), Random.stream(seed, STREAM.cancellations)),
    );
    phase("FDI arrivals", () => writeArrivals(sqlite, world, Random.stream(seed, STREAM.arrivals)));
    phase("targets", () => writeTargets(sqlite, world, Random.stream(seed, STREAM.targets)));

    phase("FTS optimize", () => sqlite.exec("insert into companies_fts (companies_fts) values ('optimize')"));
    phase("ANALYZE + optimize", () => {
      sqlite.exec("ANALYZE");
      sqlite.pragma("optimize");
    });
    phase("WAL + checkpoint", () => {
      sqlite.pragma("journal_mode = WAL");
      sqlite.pragma("synchronous = NORMAL");
      sqlite.pragma("wal_checkpoint(TRUNCATE)");
    });

    const tableCounts: Record<string, number> = {};
    for (const table of GENERATED_TABLES) {
      tableCounts[table] = (sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    }
    sqlite.close();
    const totalSeconds = (performance.now() - started) / 1000;
    const fileBytes = fileSize(out);
    log(
      "  行数 rows: " +
        Object.entries(tableCounts)
          .map(([t, n]) => `${t} ${n.toLocaleString("en-US")}`)
          .join(", "),
    );
    log(`  合计 total ${totalSeconds.toFixed(1)} s, 文件 file ${(fileBytes / 1024 / 1024).toFixed(1)} MB`);
    return { file: out, today: todayDate, counts: tableCounts, phases, totalSeconds, fileBytes };
  } finally {
    if (sqlite.open) sqlite.close();
  }
}

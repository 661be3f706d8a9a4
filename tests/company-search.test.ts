/**
 * Company name search: the trigram index (3+ characters) and the LIKE fallback (1–2 characters)
 * return exactly what a LIKE scan of the stored search text returns, find at least what a LIKE
 * scan of the raw names finds, fold width, case, traditional and Japanese forms, find pinyin and
 * initials, and the index follows every write (forms and imports). The project search finds a
 * project by its own name or its company's, exactly as a scan of both would, through the project's
 * own search text alone, and follows company renames.
 */
import { and, asc, isNull, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../app/auth/permissions";
import ExcelJS from "exceljs";
import { createCompany, deleteCompany, getCompany, listCompanies, nameContains, suggestCompanies, updateCompany } from "../app/companies/companies.server";
import { companySchema } from "../app/companies/company.schema";
import { searchTerms, searchTextOf } from "../app/companies/name-folding";
import { usccCheckCharacter } from "../app/companies/uscc";
import { db, t } from "../app/db.server";
import { confirmImport, storeUpload, undoImport } from "../app/imports/imports.server";
import { projectTextMatches } from "../app/projects/projects.server";
import { makeProject, makeUnit, makeUser } from "./support/builders";

const NAMES: Array<[name: string, foreignName: string | null]> = [
  ["平湖示例精密机械有限公司", "Heiko Seimitsu Co., Ltd."],
  ["示例精工株式会社", "シレイ精工株式会社"],
  ["慕尼黑传动技术有限公司", "Müller Antriebstechnik GmbH"],
  ["MÜLLER 平湖分公司", null],
  ["上海ABC电子有限公司", "ABC Electronics (Shanghai) Co., Ltd."],
  ["abc精密", null],
  ["ＡＢＣ全角科技", null],
  ["100%纯净材料", "Pure_100 Materials"],
  ["韩国示例化学", "Sample Chemical Korea"],
  ["台湾精密光电股份有限公司", "Taiwan Precision Optics"],
  ["香港投资控股有限公司", "HK Holdings Limited"],
  ["精", null],
  ["O'Brien 爱尔兰食品", "O'Brien Foods"],
  ['双引号"测试"企业', null],
  // folding and pinyin (issue 12)
  ["Kleinwald GmbH", "クラインヴァルト"],
  ["樱野工業（株）", "Sakurano Kogyo K.K."],
  ["星峰化学工业株式会社", "星峰化学工業株式会社"],
  ["平湖平飞车业有限公司", null],
  ["臺灣精機股份有限公司", null],
];

const TERMS = [
  // 1 and 2 characters: LIKE
  "精",
  "精密",
  "a",
  "AB",
  "ü",
  "%",
  "_",
  "光电",
  "'",
  // 3+ characters: trigram + LIKE
  "精密机",
  "abc",
  "ABC",
  "Abc Elec",
  "ＡＢＣ",
  "Müller",
  "müller",
  "MÜLLER",
  "示例精工",
  "株式会社",
  "Co., Ltd.",
  "100%",
  "e_1",
  "Pure_100",
  "O'Brien",
  '"测试"',
  "不存在的名字",
  "平湖示例精密机械有限公司",
  "精工株",
  "シレイ",
  // folded, pinyin and initials, short and long
  "工業",
  "工业",
  "Ｋｌｅｉｎｗａｌｄ",
  "KLEINWALD",
  "（株）",
  "株式会社",
  "台湾",
  "臺灣精機",
  "pinghu",
  "xingfeng",
  "pfcy",
  "ph",
  "Ping Hu",
  "xf",
];

let actor: Actor;

const likePattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** A plain scan of the stored search text for the folded term(s): what the index must equal. */
function likeScan(term: string): number[] {
  const terms = searchTerms(term);
  if (terms.length === 0) return [];
  const any = sql.join(
    terms.map((each) => sql`search_text like ${likePattern(each)} escape '\\'`),
    sql` or `,
  );
  return db()
    .all<{ id: number }>(sql`select id from companies where deleted_at is null and (${any}) order by id`)
    .map((row) => row.id);
}

/** A scan of the raw names as typed: what search found before folding, and must still find. */
function rawNameScan(term: string): number[] {
  const pattern = likePattern(term);
  return db()
    .all<{ id: number }>(
      sql`select id from companies where deleted_at is null and (name like ${pattern} escape '\\' or foreign_name like ${pattern} escape '\\') order by id`,
    )
    .map((row) => row.id);
}

const names = (ids: number[]) => ids.map((id) => getCompany(id).name);

function search(term: string): number[] {
  return db()
    .select({ id: t.companies.id })
    .from(t.companies)
    .where(and(isNull(t.companies.deletedAt), nameContains(term)))
    .orderBy(asc(t.companies.id))
    .all()
    .map((row) => row.id);
}

/** Project names: some hold the terms themselves, most only through their company. */
const PROJECT_NAMES = ["扩产项目", "精密轴承新设项目", "ABC增资", "平湖二期", "研发中心项目"];

beforeAll(() => {
  actor = makeUser("officer", makeUnit());
  NAMES.forEach(([name, foreignName], index) => {
    const companyId = createCompany({ actor, data: companySchema.parse({ name, foreignName, country: "JP" }), confirmDuplicate: true });
    makeProject(actor, { companyId, name: `${PROJECT_NAMES[index % PROJECT_NAMES.length]}${index}` });
  });
});

function projectSearch(term: string): number[] {
  return db()
    .select({ id: t.projects.id })
    .from(t.projects)
    .where(and(isNull(t.projects.deletedAt), projectTextMatches(term)))
    .orderBy(asc(t.projects.id))
    .all()
    .map((row) => row.id);
}

/** What the project search means, worked out apart from the stored project text: the project's own name or its company's current search text. */
function projectScan(term: string): number[] {
  const terms = searchTerms(term);
  const rows = db().all<{ id: number; name: string; companyText: string }>(
    sql`select p.id, p.name, c.search_text as companyText from projects p join companies c on c.id = p.company_id where p.deleted_at is null order by p.id`,
  );
  return rows.filter((row) => terms.some((each) => searchTextOf(row.name).includes(each) || row.companyText.includes(each))).map((row) => row.id);
}

const companyProjects = (companyId: number) =>
  db()
    .select({ id: t.projects.id })
    .from(t.projects)
    .where(sql`${t.projects.companyId} = ${companyId}`)
    .all()
    .map((row) => row.id);

describe("company name search", () => {
  it.each(TERMS)("returns exactly the LIKE scan for %j", (term) => {
    expect(search(term)).toEqual(likeScan(term));
  });

  it.each(TERMS)("finds at least what a scan of the raw names finds for %j", (term) => {
    expect(search(term)).toEqual(expect.arrayContaining(rawNameScan(term)));
  });

  it("finds something for most terms, so the comparison is not vacuous", () => {
    const found = TERMS.filter((term) => likeScan(term).length > 0);
    expect(found.length).toBeGreaterThanOrEqual(TERMS.length - 2);
  });

  it("follows renames and deletes", () => {
    const id = createCompany({ actor, data: companySchema.parse({ name: "旧名称示例企业", country: "DE" }), confirmDuplicate: true });
    expect(search("旧名称")).toEqual([id]);
    updateCompany({
      actor,
      id,
      data: companySchema.parse({ name: "新名称示例企业", country: "DE", foreignName: "Neuer Name AG" }),
      version: getCompany(id).version,
    });
    expect(search("旧名称")).toEqual([]);
    expect(search("新名称")).toEqual([id]);
    expect(search("Neuer")).toEqual([id]);
    deleteCompany({ actor: makeUser("leader", actor.unitId), id, version: getCompany(id).version });
    expect(search("新名称")).toEqual([]);
  });

  it("follows renames to new pinyin and forms", () => {
    const id = createCompany({ actor, data: companySchema.parse({ name: "旧拼音测试企业", country: "DE" }), confirmDuplicate: true });
    expect(search("jiupinyin")).toEqual([id]);
    updateCompany({ actor, id, data: companySchema.parse({ name: "澜舟測試企業", country: "DE" }), version: getCompany(id).version });
    expect(search("jiupinyin")).toEqual([]);
    expect(search("lanzhou")).toEqual([id]);
    expect(search("测试企业")).toContain(id);
  });

  it("pages through the list with the same results", () => {
    const rows = listCompanies({ page: 1, q: "精密" })
      .rows.map((row) => row.id)
      .sort((a, b) => a - b);
    expect(rows).toEqual(likeScan("精密"));
  });
});

describe("project search by project and company names", () => {
  it.each(TERMS)("returns exactly a scan of the project's and its company's names for %j", (term) => {
    expect(projectSearch(term)).toEqual(projectScan(term));
  });

  it("finds projects through their company for most terms, so the comparison is not vacuous", () => {
    const found = TERMS.filter((term) => projectScan(term).length > 0);
    expect(found.length).toBeGreaterThanOrEqual(TERMS.length - 2);
    // "pfcy" is only in a company's initials, never in a project's name
    expect(projectSearch("pfcy").length).toBeGreaterThan(0);
  });

  it("follows a company rename and its pinyin, with the project's own name kept", () => {
    const companyId = createCompany({ actor, data: companySchema.parse({ name: "旧名项目企业", country: "DE" }), confirmDuplicate: true });
    const projectId = makeProject(actor, { companyId, name: "滨海扩建项目" });
    expect(projectSearch("旧名项目")).toEqual([projectId]);
    updateCompany({
      actor,
      id: companyId,
      data: companySchema.parse({ name: "澜舟新名企業", foreignName: "Lanzhou Neu AG", country: "DE" }),
      version: getCompany(companyId).version,
    });
    expect(projectSearch("旧名项目")).toEqual([]);
    expect(projectSearch("jiuming")).toEqual([]);
    expect(projectSearch("新名企业")).toEqual([projectId]);
    expect(projectSearch("lanzhouxin")).toEqual([projectId]);
    expect(projectSearch("LANZHOU NEU")).toEqual([projectId]);
    expect(projectSearch("滨海扩建")).toEqual([projectId]);
    expect(projectSearch("bhkj")).toEqual([projectId]);
    for (const term of ["旧名项目", "新名企业", "lanzhou", "滨海"]) expect(projectSearch(term)).toEqual(projectScan(term));
  });
});

describe("search text with control characters", () => {
  it("searches without them instead of failing (a NUL before a 3-character term)", () => {
    createCompany({ actor, data: companySchema.parse({ name: "控制字符测试精工", country: "JP" }), confirmDuplicate: true });
    expect(listCompanies({ q: "\u0000控制字符", page: 1 }).rows.map((row) => row.name)).toEqual(["控制字符测试精工"]);
    expect(suggestCompanies("\u0000\u0001控制字").map((row) => row.name)).toEqual(["控制字符测试精工"]);
  });
});

describe("what search folds (issue 12)", () => {
  it("finds a Chinese name by full pinyin and by initials", () => {
    expect(names(search("pinghu"))).toEqual(expect.arrayContaining(["平湖示例精密机械有限公司", "平湖平飞车业有限公司"]));
    expect(names(search("xingfeng"))).toEqual(["星峰化学工业株式会社"]);
    expect(names(search("pfcy"))).toEqual(["平湖平飞车业有限公司"]);
    expect(names(search("PFCY"))).toEqual(["平湖平飞车业有限公司"]);
    expect(names(search("ping fei"))).toEqual(["平湖平飞车业有限公司"]);
  });

  it("treats traditional, Japanese and simplified forms as one", () => {
    expect(names(search("工业"))).toEqual(expect.arrayContaining(["樱野工業（株）", "星峰化学工业株式会社"]));
    expect(search("工業")).toEqual(search("工业"));
    expect(names(search("台湾精机"))).toEqual(["臺灣精機股份有限公司"]);
    expect(names(search("桜野"))).toEqual(["樱野工業（株）"]);
  });

  it("treats （株） and 株式会社 as one", () => {
    expect(names(search("樱野工业株式会社"))).toEqual(["樱野工業（株）"]);
    expect(names(search("（株）"))).toEqual(expect.arrayContaining(["樱野工業（株）", "示例精工株式会社", "星峰化学工业株式会社"]));
  });

  it("finds Latin names regardless of width and case, ASCII or not", () => {
    expect(names(search("Ｋｌｅｉｎｗａｌｄ"))).toEqual(["Kleinwald GmbH"]);
    expect(names(search("kleinWALD"))).toEqual(["Kleinwald GmbH"]);
    expect(names(search("MÜLLER"))).toEqual(["慕尼黑传动技术有限公司", "MÜLLER 平湖分公司"]);
  });

  it("finds a single Chinese character", () => {
    expect(names(search("飞"))).toEqual(["平湖平飞车业有限公司"]);
  });

  it("does not match across a name and its pinyin", () => {
    // "精工" ends the Chinese name of 示例精工株式会社 and its pinyin starts with "shi": no "工shi"
    expect(search("工shi")).toEqual([]);
  });
});

describe("imports keep the search text", () => {
  async function ledger(rows: string[][]): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("企业台账");
    sheet.addRow(["企业名称", "外文名称", "统一社会信用代码", "国别/地区"]);
    for (const row of rows) sheet.addRow(row);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  it("indexes imported companies and renames by USCC, and undo puts the old name back", async () => {
    const staff = makeUser("staff", actor.unitId);
    const uscc = `91330482MA2B3C4D5${usccCheckCharacter("91330482MA2B3C4D5")}`;
    const first = await ledger([["雪松導入精機", "", uscc, "日本"]]);
    await confirmImport({ actor: staff, token: storeUpload(first), fileName: "台账.xlsx", kind: "companies", mode: "update" });
    expect(names(search("xuesong"))).toEqual(["雪松導入精機"]);
    expect(names(search("导入精机"))).toEqual(["雪松導入精機"]);
    const [companyId] = search("xuesong");
    const projectId = makeProject(actor, { companyId, name: "导入企业的项目" });
    expect(projectSearch("xuesong")).toEqual([projectId]);

    // the same USCC under a new name: an update that renames
    const second = await ledger([["云杉导入精机", "Spruce Seiki", uscc, "日本"]]);
    const batchId = await confirmImport({ actor: staff, token: storeUpload(second), fileName: "台账2.xlsx", kind: "companies", mode: "update" });
    expect(search("xuesong")).toEqual([]);
    expect(names(search("yunshan"))).toEqual(["云杉导入精机"]);
    expect(names(search("SPRUCE"))).toEqual(["云杉导入精机"]);
    expect(likeScan("yunshan")).toEqual(search("yunshan"));
    // the company's project follows the rename the import made
    expect(projectSearch("xuesong")).toEqual([]);
    expect(projectSearch("yunshan")).toEqual([projectId]);
    expect(projectSearch("spruce")).toEqual([projectId]);
    expect(companyProjects(companyId)).toEqual([projectId]);

    undoImport({ actor: staff, batchId });
    expect(names(search("xuesong"))).toEqual(["雪松導入精機"]);
    expect(search("yunshan")).toEqual([]);
    expect(projectSearch("xuesong")).toEqual([projectId]);
    expect(projectSearch("yunshan")).toEqual([]);
  });
});

/**
 * Company name search: the trigram index (3+ characters) and the LIKE fallback (1–2 characters)
 * return exactly what a LIKE scan returns, and the index follows every write.
 */
import { and, asc, isNull, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../app/auth/permissions";
import { createCompany, deleteCompany, getCompany, listCompanies, nameContains, suggestCompanies, updateCompany } from "../app/companies/companies.server";
import { companySchema } from "../app/companies/company.schema";
import { db, t } from "../app/db.server";
import { makeUnit, makeUser } from "./support/builders";

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
  ["双引号\"测试\"企业", null],
];

const TERMS = [
  // 1 and 2 characters: LIKE
  "精", "精密", "a", "AB", "ü", "%", "_", "光电", "'",
  // 3+ characters: trigram + LIKE
  "精密机", "abc", "ABC", "Abc Elec", "ＡＢＣ", "Müller", "müller", "MÜLLER", "示例精工", "株式会社", "Co., Ltd.",
  "100%", "e_1", "Pure_100", "O'Brien", "\"测试\"", "不存在的名字", "平湖示例精密机械有限公司", "精工株", "シレイ",
];

let actor: Actor;

function likeScan(term: string): number[] {
  const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db()
    .all<{ id: number }>(
      sql`select id from companies where deleted_at is null and (name like ${pattern} escape '\\' or foreign_name like ${pattern} escape '\\') order by id`,
    )
    .map((row) => row.id);
}

function search(term: string): number[] {
  return db()
    .select({ id: t.companies.id })
    .from(t.companies)
    .where(and(isNull(t.companies.deletedAt), nameContains(term)))
    .orderBy(asc(t.companies.id))
    .all()
    .map((row) => row.id);
}

beforeAll(() => {
  actor = makeUser("officer", makeUnit());
  for (const [name, foreignName] of NAMES) {
    createCompany({ actor, data: companySchema.parse({ name, foreignName, country: "JP" }), confirmDuplicate: true });
  }
});

describe("company name search", () => {
  it.each(TERMS)("returns exactly the LIKE scan for %j", (term) => {
    expect(search(term)).toEqual(likeScan(term));
  });

  it("finds something for most terms, so the comparison is not vacuous", () => {
    const found = TERMS.filter((term) => likeScan(term).length > 0);
    expect(found.length).toBeGreaterThanOrEqual(TERMS.length - 2);
  });

  it("follows renames and deletes", () => {
    const id = createCompany({ actor, data: companySchema.parse({ name: "旧名称示例企业", country: "DE" }), confirmDuplicate: true });
    expect(search("旧名称")).toEqual([id]);
    updateCompany({ actor, id, data: companySchema.parse({ name: "新名称示例企业", country: "DE", foreignName: "Neuer Name AG" }), version: getCompany(id).version });
    expect(search("旧名称")).toEqual([]);
    expect(search("新名称")).toEqual([id]);
    expect(search("Neuer")).toEqual([id]);
    deleteCompany({ actor: makeUser("leader", actor.unitId), id, version: getCompany(id).version });
    expect(search("新名称")).toEqual([]);
  });

  it("pages through the list with the same results", () => {
    const rows = listCompanies({ page: 1, q: "精密" }).rows.map((row) => row.id).sort((a, b) => a - b);
    expect(rows).toEqual(likeScan("精密"));
  });
});

describe("search text with control characters", () => {
  it("searches without them instead of failing (a NUL before a 3-character term)", () => {
    createCompany({ actor, data: companySchema.parse({ name: "控制字符测试精工", country: "JP" }), confirmDuplicate: true });
    expect(listCompanies({ q: "\u0000控制字符", page: 1 }).rows.map((row) => row.name)).toEqual(["控制字符测试精工"]);
    expect(suggestCompanies("\u0000\u0001控制字").map((row) => row.name)).toEqual(["控制字符测试精工"]);
  });
});

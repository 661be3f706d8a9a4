/**
 * The duplicate guard on a real database (issue 12): the spellings it must catch on creation, the
 * firms it must keep apart, and the same check on edit — a new name like ANOTHER company's warns
 * until confirmed, the company's own name never does.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../app/auth/permissions";
import { createCompany, DuplicateCompanyWarning, findDuplicateCompanies, getCompany, updateCompany } from "../app/companies/companies.server";
import { companySchema } from "../app/companies/company.schema";
import { usccCheckCharacter } from "../app/companies/uscc";
import { backfillSearchText } from "../app/companies/search-backfill.server";
import { db } from "../app/db.server";
import { InvalidError } from "../app/lib/errors";
import { makeUnit, makeUser } from "./support/builders";

let officer: Actor;

const input = (name: string, more: Record<string, string> = {}) => companySchema.parse({ name, country: "DE", ...more });

/** What createCompany warns about, by name (empty when it creates without asking). */
function warningOnCreate(name: string): string[] {
  try {
    createCompany({ actor: officer, data: input(name) });
    return [];
  } catch (error) {
    if (!(error instanceof DuplicateCompanyWarning)) throw error;
    return error.duplicates.map((duplicate) => duplicate.name);
  }
}

beforeAll(() => {
  officer = makeUser("officer", makeUnit());
  for (const name of [
    "Kleinwald GmbH",
    "Rossi S.p.A.",
    "Vermeer B.V.",
    "樱野工业株式会社",
    "明水光子有限公司",
    "汇澄实业有限公司",
    "Nordhafen AG",
    "Harbor Pte. Ltd.",
  ]) {
    createCompany({ actor: officer, data: input(name), confirmDuplicate: true });
  }
});

describe("on creation", () => {
  it.each([
    ["Kleinwald G.m.b.H.", "Kleinwald GmbH"],
    ["ＫＬＥＩＮＷＡＬＤ ＧｍｂＨ", "Kleinwald GmbH"],
    ["Rossi SpA", "Rossi S.p.A."],
    ["Vermeer BV", "Vermeer B.V."],
    ["樱野工業（株）", "樱野工业株式会社"],
    ["明水光子公司", "明水光子有限公司"],
    ["汇澄实业（平湖）有限公司", "汇澄实业有限公司"],
    ["汇澄实业(上海)有限公司", "汇澄实业有限公司"],
    ["Nordhafen", "Nordhafen AG"],
    ["Harbor Inc.", "Harbor Pte. Ltd."],
  ])("warns that %s may be %s", (name, existing) => {
    expect(warningOnCreate(name)).toEqual([existing]);
  });

  it.each([
    "Kleinwald Logistik GmbH",
    "Rossini SpA",
    "Vermeeren B.V.",
    "樱田工业株式会社",
    "明水电子有限公司",
    "汇澄科技（平湖）有限公司",
    "明水光子平湖分公司",
  ])("creates %s without asking: it only shares a legal form or a place", (name) => {
    expect(warningOnCreate(name)).toEqual([]);
  });

  it("creates after confirmation", () => {
    const id = createCompany({ actor: officer, data: input("Vermeer BV"), confirmDuplicate: true });
    expect(getCompany(id).name).toBe("Vermeer BV");
  });
});

describe("on edit", () => {
  it("warns when the new name is like another company's, and saves once confirmed", () => {
    const id = createCompany({ actor: officer, data: input("改名测试精机") });
    const version = getCompany(id).version;
    let warned: DuplicateCompanyWarning | null = null;
    try {
      updateCompany({ actor: officer, id, data: input("明水光子公司"), version });
    } catch (error) {
      warned = error as DuplicateCompanyWarning;
    }
    expect(warned).toBeInstanceOf(DuplicateCompanyWarning);
    expect(warned!.duplicates.map((duplicate) => duplicate.name)).toEqual(["明水光子有限公司"]);
    expect(getCompany(id)).toMatchObject({ name: "改名测试精机", version });

    updateCompany({ actor: officer, id, data: input("明水光子公司"), version, confirmDuplicate: true });
    expect(getCompany(id)).toMatchObject({ name: "明水光子公司", version: version + 1 });
  });

  it("never warns about the company itself, nor again about a likeness kept by an edit of other fields", () => {
    const id = createCompany({ actor: officer, data: input("自身测试光电有限公司") });
    updateCompany({ actor: officer, id, data: input("自身测试光电公司"), version: getCompany(id).version });
    expect(getCompany(id).name).toBe("自身测试光电公司");

    const twin = createCompany({ actor: officer, data: input("汇澄实业（嘉兴）有限公司"), confirmDuplicate: true });
    updateCompany({ actor: officer, id: twin, data: input("汇澄实业（嘉兴）有限公司", { city: "嘉兴" }), version: getCompany(twin).version });
    expect(getCompany(twin).city).toBe("嘉兴");
  });

  it("still refuses a USCC another company holds", () => {
    const USCC = `91330482MA2B3C4D6${usccCheckCharacter("91330482MA2B3C4D6")}`;
    const holder = createCompany({ actor: officer, data: input("代码持有精机", { uscc: USCC }) });
    expect(getCompany(holder).uscc).toBe(USCC);
    const other = createCompany({ actor: officer, data: input("代码争用精机") });
    let refused: unknown = null;
    try {
      updateCompany({ actor: officer, id: other, data: input("代码争用精机", { uscc: USCC }), version: getCompany(other).version, confirmDuplicate: true });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(InvalidError);
    expect((refused as InvalidError).fieldErrors).toEqual({ uscc: "该统一社会信用代码已被「代码持有精机」使用" });
    expect(getCompany(other).uscc).toBeNull();
  });
});

describe("rows written before migration 0006", () => {
  it("get their name keys and search text at the next start", () => {
    const id = createCompany({ actor: officer, data: input("旧键樱野工業（株）", { foreignName: "Kyu Sakurano" }), confirmDuplicate: true });
    // as an older release left it: the old key, no search text
    db().$client.prepare("update companies set name_key = '旧键樱野工業(株)', search_text = '' where id = ?").run(id);
    expect(findDuplicateCompanies({ name: "旧键樱野工业株式会社", foreignName: null, uscc: null }).map((d) => d.id)).not.toContain(id);

    expect(backfillSearchText(db())).toBeGreaterThanOrEqual(1);
    expect(findDuplicateCompanies({ name: "旧键樱野工业株式会社", foreignName: null, uscc: null }).map((d) => d.id)).toContain(id);
    const row = db().$client.prepare("select search_text as searchText from companies where id = ?").get(id) as { searchText: string };
    expect(row.searchText).toContain("jiujian");
    expect(backfillSearchText(db())).toBe(0);
  });
});

/**
 * Date fields keep the bounds of DESIGN.md §9: not before 1980-01-01, not more than ten years after
 * today (Asia/Shanghai business date), and 线索/活动/到账 dates not after today. Today is 2026-06-30
 * in tests (tests/support/setup-database.ts).
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { activitySchema } from "../activities/activity";
import { arrivalSchema } from "../arrivals/arrival.schema";
import { newProjectSchema, projectSchema, stageChangeSchema } from "../projects/project.schema";
import * as loginForms from "../auth/login.schema";
import * as chainForms from "../chains/chain.schema";
import * as commitmentForms from "../commitments/commitment.schema";
import * as companyForms from "../companies/company.schema";
import * as targetForms from "../figures/target.schema";
import * as importForms from "../imports/import.schema";
import * as parkForms from "../parks/park.schema";
import * as policyForms from "../policies/policy.schema";
import * as projectForms from "../projects/project.schema";
import * as reportForms from "../reports/report.schema";
import { addYears, dateRangeProblem } from "./dates";
import { optionalDate, requiredDate, versionField } from "./form";

const messageOf = (schema: z.ZodType, value: unknown) => {
  const parsed = schema.safeParse(value);
  return parsed.success ? null : parsed.error.issues[0]!.message;
};

describe("the bounds of a date", () => {
  it("is ten calendar years after today, 29 February falling back to the 28th", () => {
    expect(addYears("2026-06-30", 10)).toBe("2036-06-30");
    expect(addYears("2028-02-29", 10)).toBe("2038-02-28");
    expect(addYears("2028-02-29", 12)).toBe("2040-02-29");
  });

  it("says what is wrong in Chinese, with the field's name", () => {
    expect(dateRangeProblem("1979-12-31", { label: "签约日期" }, "2026-06-30")).toBe("签约日期不能早于1980年1月1日");
    expect(dateRangeProblem("2036-07-01", {}, "2026-06-30")).toBe("日期不能晚于2036年6月30日");
    expect(dateRangeProblem("2026-07-01", { label: "活动日期", notAfterToday: true }, "2026-06-30")).toBe("活动日期不能晚于今天");
    expect(dateRangeProblem("2026-06-30", { notAfterToday: true }, "2026-06-30")).toBeNull();
  });
});

describe("a date field", () => {
  const planned = optionalDate("下次跟进日期");
  const required = requiredDate("约定兑现日期");

  it("refuses year 0100, 9999 and 1979, takes 1980-01-01", () => {
    for (const schema of [planned, required]) {
      expect(messageOf(schema, "0100-01-01")).toMatch(/不能早于1980年1月1日$/);
      expect(messageOf(schema, "1979-12-31")).toMatch(/不能早于1980年1月1日$/);
      expect(messageOf(schema, "9999-12-31")).toMatch(/不能晚于2036年6月30日$/);
      expect(messageOf(schema, "1980-01-01")).toBeNull();
    }
    expect(messageOf(planned, "0100-01-01")).toBe("下次跟进日期不能早于1980年1月1日");
    expect(messageOf(required, "9999-12-31")).toBe("约定兑现日期不能晚于2036年6月30日");
  });

  it("takes today plus ten years and refuses the day after", () => {
    expect(planned.parse("2036-06-30")).toBe("2036-06-30");
    expect(messageOf(planned, "2036-07-01")).toBe("下次跟进日期不能晚于2036年6月30日");
    expect(planned.parse("")).toBeNull();
    expect(messageOf(required, "")).toBe("请选择约定兑现日期");
    expect(messageOf(required, "2026-02-30")).toBe("约定兑现日期格式应为 YYYY-MM-DD");
  });

  it("keeps 线索日期, 活动日期 and 到账日期 to today at the latest", () => {
    const lead = (enteredOn: string) =>
      messageOf(newProjectSchema, {
        name: "测试项目",
        companyName: "测试企业",
        projectType: "new",
        ownerId: "1",
        unitId: "1",
        priority: "normal",
        totalInvestmentUsd: "10",
        contractedFdiUsd: "5",
        enteredOn,
      });
    expect(lead("2026-06-30")).toBeNull();
    expect(lead("2026-07-01")).toBe("线索日期不能晚于今天");
    expect(lead("1979-12-31")).toBe("线索日期不能早于1980年1月1日");
    const activity = (occurredOn: string) => messageOf(activitySchema, { type: "call", occurredOn, summary: "电话沟通" });
    expect(activity("2026-06-30")).toBeNull();
    expect(activity("2026-07-01")).toBe("活动日期不能晚于今天");
    expect(activity("0100-01-01")).toBe("活动日期不能早于1980年1月1日");
    const arrival = (arrivedOn: string) => messageOf(arrivalSchema, { arrivedOn, amountUsd: "10" });
    expect(arrival("2026-06-30")).toBeNull();
    expect(arrival("2026-07-01")).toBe("到账日期不能晚于今天");
    expect(arrival("9999-12-31")).toBe("到账日期不能晚于今天");
  });

  it("bounds the other dates of the forms too", () => {
    expect(messageOf(projectSchema.shape.nextFollowUpOn, "9999-12-31")).toBe("下次跟进日期不能晚于2036年6月30日");
    expect(messageOf(stageChangeSchema, { toStage: "contacted", occurredOn: "0100-01-01", version: "1" })).toBe("发生日期不能早于1980年1月1日");
  });
});

describe("the version an edit form carries", () => {
  it("answers in Chinese when it is missing or not a whole positive number", () => {
    for (const value of [undefined, "", "abc", "1.5", "0"]) expect(messageOf(versionField, value)).toBe("页面数据已过期，请刷新后重试");
    expect(versionField.parse("3")).toBe(3);
  });
});

describe("every form's messages", () => {
  const exported: Record<string, unknown> = {
    activitySchema,
    arrivalSchema,
    ...projectForms,
    ...companyForms,
    ...commitmentForms,
    ...policyForms,
    ...parkForms,
    ...targetForms,
    ...importForms,
    ...chainForms,
    ...reportForms,
    ...loginForms,
  };
  const schemas = Object.fromEntries(Object.entries(exported).filter((entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType));
  /** the field names of an object schema, or of both sides of an intersection */
  function fieldsOf(schema: z.ZodType): string[] {
    const def = (schema as unknown as { def: { type: string; shape?: Record<string, unknown>; left?: z.ZodType; right?: z.ZodType } }).def;
    if (def.type === "object") return Object.keys(def.shape ?? {});
    if (def.type === "intersection") return [...fieldsOf(def.left!), ...fieldsOf(def.right!)];
    return [];
  }
  const ENGLISH = /\b(expected|invalid|input|received|must|string|number|option|characters?|too (big|small))\b/i;

  it("are Chinese whatever is posted: nothing, a file, text far too long, or words", () => {
    const junk: unknown[] = [undefined, new File(["x"], "a.txt"), "长".repeat(100_001), "abc", "-1"];
    const english = new Set<string>();
    let checked = 0;
    for (const [name, schema] of Object.entries(schemas)) {
      const fields = fieldsOf(schema);
      if (fields.length === 0) continue;
      checked++;
      for (const value of junk) {
        const parsed = schema.safeParse(Object.fromEntries(fields.map((field) => [field, value])));
        for (const issue of parsed.success ? [] : parsed.error.issues) {
          if (ENGLISH.test(issue.message)) english.add(`${name}.${issue.path.join(".")}: ${issue.message}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
    expect([...english]).toEqual([]);
  });
});

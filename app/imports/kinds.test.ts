import { describe, expect, it } from "vitest";
import { headerKey, headerScore, matchHeaders, missingRequired } from "./kinds";

describe("headerKey", () => {
  it("removes spaces", () => {
    expect(headerKey(" 企业 名称 ")).toBe("企业名称");
    expect(headerKey("企业\u3000名称")).toBe("企业名称");
    expect(headerKey("企业\n名称")).toBe("企业名称");
  });

  it("removes required marks", () => {
    expect(headerKey("*企业名称")).toBe("企业名称");
    expect(headerKey("企业名称*")).toBe("企业名称");
    expect(headerKey("※企业名称")).toBe("企业名称");
    expect(headerKey("★企业名称")).toBe("企业名称");
    expect(headerKey("＊企业名称")).toBe("企业名称");
  });

  it("removes bracketed units, full-width or half-width", () => {
    expect(headerKey("总投资（万美元）")).toBe("总投资");
    expect(headerKey("总投资(万美元)")).toBe("总投资");
    expect(headerKey("* 总投资 （ 亿美元 ）")).toBe("总投资");
    expect(headerKey("用地（亩）")).toBe("用地");
  });

  it("removes a trailing colon", () => {
    expect(headerKey("企业名称：")).toBe("企业名称");
    expect(headerKey("企业名称:")).toBe("企业名称");
  });

  it("folds full-width letters and case", () => {
    expect(headerKey("ＵＳＣＣ")).toBe("uscc");
    expect(headerKey("E-mail")).toBe("e-mail");
  });
});

describe("matchHeaders", () => {
  it("maps company headers by label and synonym", () => {
    expect(matchHeaders("companies", ["公司名称", "国家", "统一社会信用代码"])).toEqual([
      { index: 0, header: "公司名称", field: "name" },
      { index: 1, header: "国家", field: "country" },
      { index: 2, header: "统一社会信用代码", field: "uscc" },
    ]);
  });

  it("maps a header carrying a required mark", () => {
    expect(matchHeaders("companies", ["*企业名称", "* 国别/地区"]).map((column) => column.field)).toEqual(["name", "country"]);
  });

  it("maps headers with full-width brackets, spaces and full-width letters", () => {
    const mapping = matchHeaders("companies", ["国别（地区）", "世界 500 强", "ＵＳＣＣ", "Ｅｍａｉｌ"]);
    expect(mapping.map((column) => column.field)).toEqual(["country", "isFortune500", "uscc", "contactEmail"]);
  });

  it("marks 序号 and the like as ignored, with no field", () => {
    const mapping = matchHeaders("companies", ["序号", "企业名称", "No.", "#", "错误说明"]);
    expect(mapping[0]).toEqual({ index: 0, header: "序号", field: null, ignored: true });
    expect(mapping[1]).toEqual({ index: 1, header: "企业名称", field: "name" });
    expect(mapping[2]).toEqual({ index: 2, header: "No.", field: null, ignored: true });
    expect(mapping[3]).toEqual({ index: 3, header: "#", field: null, ignored: true });
    expect(mapping[4]).toEqual({ index: 4, header: "错误说明", field: null, ignored: true });
  });

  it("marks an empty header as ignored", () => {
    expect(matchHeaders("companies", ["企业名称", ""])[1]).toEqual({ index: 1, header: "", field: null, ignored: true });
  });

  it("leaves an unknown header unmapped and not ignored", () => {
    expect(matchHeaders("companies", ["企业名称", "招商经理备注"])[1]).toEqual({ index: 1, header: "招商经理备注", field: null, ignored: false });
  });

  it("maps a field once: a second column with the same meaning is left unmapped", () => {
    const mapping = matchHeaders("companies", ["公司名称", "国家", "企业名称", "国别"]);
    expect(mapping).toEqual([
      { index: 0, header: "公司名称", field: "name" },
      { index: 1, header: "国家", field: "country" },
      { index: 2, header: "企业名称", field: null, ignored: false },
      { index: 3, header: "国别", field: null, ignored: false },
    ]);
  });

  it("maps project amount headers whatever unit they name", () => {
    expect(matchHeaders("projects", ["总投资（亿美元）", "合同外资(万美元)", "负责人"])).toEqual([
      { index: 0, header: "总投资（亿美元）", field: "totalInvestmentUsd" },
      { index: 1, header: "合同外资(万美元)", field: "contractedFdiUsd" },
      { index: 2, header: "负责人", field: "owner" },
    ]);
  });

  it("maps the same header to the field of the kind", () => {
    expect(matchHeaders("companies", ["企业名称"])[0].field).toBe("name");
    expect(matchHeaders("projects", ["企业名称"])[0].field).toBe("companyName");
    expect(matchHeaders("activities", ["企业名称"])[0].field).toBe("companyName");
    expect(matchHeaders("arrivals", ["金额（美元）"])[0].field).toBe("amountUsd");
  });

  it("maps a header whose unit bracket is not closed", () => {
    expect(matchHeaders("projects", ["总投资（万美元"])[0].field).toBe("totalInvestmentUsd");
  });

  it("maps a full project template header row", () => {
    const headers = [
      "项目名称",
      "投资方企业",
      "统一社会信用代码",
      "国别/地区",
      "项目类型",
      "负责人",
      "总投资（万美元）",
      "合同外资（万美元）",
      "固定资产投资（万元）",
      "用地（亩）",
      "当前阶段",
      "阶段日期",
    ];
    expect(matchHeaders("projects", headers).map((column) => column.field)).toEqual([
      "name",
      "companyName",
      "companyUscc",
      "country",
      "projectType",
      "owner",
      "totalInvestmentUsd",
      "contractedFdiUsd",
      "fixedAssetInvestmentCny",
      "landMu",
      "stage",
      "stageOn",
    ]);
  });
});

describe("headerScore", () => {
  it("counts the recognised headers", () => {
    expect(headerScore("companies", ["序号", "企业名称", "国别", "备注信息"])).toBe(2);
    expect(headerScore("projects", ["项目名称", "投资方企业", "负责人", "总投资（万美元）"])).toBe(4);
  });

  it("counts a field named twice once", () => {
    expect(headerScore("companies", ["企业名称", "公司名称"])).toBe(1);
  });

  it("is 0 for a title row or a data row", () => {
    expect(headerScore("companies", ["2026 年外资企业名录", "", ""])).toBe(0);
    expect(headerScore("companies", ["樱野精密机械株式会社", "日本", "名古屋"])).toBe(0);
    expect(headerScore("companies", [])).toBe(0);
  });
});

describe("missingRequired", () => {
  it("lists the required fields no column maps to", () => {
    const mapping = matchHeaders("projects", ["项目名称", "负责人", "备注"]);
    expect(missingRequired("projects", mapping).map((field) => field.key)).toEqual(["companyName", "totalInvestmentUsd", "contractedFdiUsd"]);
  });

  it("is empty when every required field is mapped", () => {
    expect(missingRequired("companies", matchHeaders("companies", ["*企业名称", "国家", "城市"]))).toEqual([]);
    expect(missingRequired("arrivals", matchHeaders("arrivals", ["项目名称", "到账日期", "到账金额（美元）"]))).toEqual([]);
  });

  it("lists all required fields when nothing is mapped", () => {
    expect(missingRequired("companies", []).map((field) => field.key)).toEqual(["name", "country"]);
    expect(missingRequired("activities", matchHeaders("activities", ["序号", "备注信息"])).map((field) => field.key)).toEqual(["occurredOn", "summary"]);
    expect(missingRequired("arrivals", []).map((field) => field.key)).toEqual(["arrivedOn", "amountUsd"]);
  });

  it("does not count a second column with the same meaning", () => {
    const mapping = matchHeaders("companies", ["企业名称", "公司名称"]);
    expect(missingRequired("companies", mapping).map((field) => field.label)).toEqual(["国别/地区"]);
  });
});

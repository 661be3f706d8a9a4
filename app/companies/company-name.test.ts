import { describe, it, expect } from "vitest";
import { normalizeCompanyName } from "./company-name";

function same(a: string, b: string) {
  expect(normalizeCompanyName(a)).toBe(normalizeCompanyName(b));
  // guard against both collapsing to nothing, which would make every pair "equal"
  expect(normalizeCompanyName(a)).not.toBe("");
}

function different(a: string, b: string) {
  expect(normalizeCompanyName(a)).not.toBe(normalizeCompanyName(b));
}

describe("normalizeCompanyName: width, case and spaces", () => {
  it("treats full-width and half-width letters as equal", () => {
    same("ＡＢＣ精工", "ABC精工");
    expect(normalizeCompanyName("ＡＢＣ精工")).toBe("abc精工");
  });

  it("treats full-width and half-width digits as equal", () => {
    same("第１精工", "第1精工");
  });

  it("ignores case", () => {
    same("DENSO", "denso");
  });

  it("ignores ASCII and full-width spaces", () => {
    same("示例 精工", "示例精工");
    same("示例\u3000精工", "示例精工");
    same("  Bosch  Rexroth ", "BoschRexroth");
  });

  it("ignores half-/full-width parentheses around a place name", () => {
    same("示例精工（上海）有限公司", "示例精工(上海)有限公司");
  });
});

describe("normalizeCompanyName: legal-form suffixes", () => {
  it("strips 株式会社 before or after the name", () => {
    same("株式会社デンソー", "デンソー株式会社");
    same("株式会社 デンソー", "デンソー");
    expect(normalizeCompanyName("株式会社デンソー")).toBe("デンソー");
  });

  it("strips Chinese legal forms", () => {
    same("示例精工有限公司", "示例精工");
    same("示例科技股份有限公司", "示例科技");
    same("示例科技有限责任公司", "示例科技");
    expect(normalizeCompanyName("示例科技股份有限公司")).toBe("示例科技");
  });

  it("strips GmbH and GmbH & Co. KG", () => {
    same("Muster GmbH", "muster");
    same("Muster GmbH & Co. KG", "Muster");
    expect(normalizeCompanyName("Muster GmbH")).toBe("muster");
  });

  it("strips Co., Ltd. in its usual spellings", () => {
    same("Example Co., Ltd.", "EXAMPLE");
    same("Example Co.,Ltd", "Example");
    same("Example Co.,Ltd.", "Example");
    same("Example Co. Ltd", "Example");
    same("Example Company Limited", "Example");
    expect(normalizeCompanyName("Example Co., Ltd.")).toBe("example");
  });

  it("strips other Latin forms at the end (AG, Inc., Corp., Pte. Ltd.)", () => {
    same("Siemens AG", "Siemens");
    same("Example, Inc.", "Example");
    same("Example Corp.", "Example");
    same("Example Pte. Ltd.", "Example");
  });

  it("folds a full-width Latin name with full-width Co., Ltd. (the documented example)", () => {
    same("ＤＥＮＳＯ　Ｃｏ．，Ｌｔｄ．", "DENSO");
  });
});

describe("normalizeCompanyName: does not merge different firms or mangle names", () => {
  it("keeps different names different", () => {
    different("示例精工", "示例精密");
    different("示例精工有限公司", "示例精密有限公司");
    different("Muster GmbH", "Mustermann GmbH");
  });

  it("does not strip a legal-form word that is only part of another word", () => {
    expect(normalizeCompanyName("Agrana")).toBe("agrana");
    expect(normalizeCompanyName("Seiko")).toBe("seiko");
    expect(normalizeCompanyName("Agfa")).toBe("agfa");
    expect(normalizeCompanyName("Sekisui")).toBe("sekisui");
    expect(normalizeCompanyName("Cosmo Oil")).toBe("cosmooil");
    expect(normalizeCompanyName("Incheon Steel")).toBe("incheonsteel");
    expect(normalizeCompanyName("Siemens Healthineers")).toBe("siemenshealthineers");
  });

  it("does not strip a legal-form word glued to the end of the name (no separator)", () => {
    // "...ag" / "...se" / "...kg" inside the last word must stay
    expect(normalizeCompanyName("Muster Verlag")).toBe("musterverlag");
    expect(normalizeCompanyName("Muster Reise")).toBe("musterreise");
  });

  // a first word that looks like a legal form is part of the name: KG Mobility (Korean carmaker) ≠ "Mobility"
  it("keeps a leading word that only looks like a legal form (KG Mobility, Sa Sa International)", () => {
    different("KG Mobility", "Mobility");
    different("Sa Sa International", "International");
  });

  it("strips Co.Ltd. and Co Ltd spellings too", () => {
    same("Example Co.Ltd.", "Example");
    same("Example Co Ltd", "Example");
  });
});

describe("normalizeCompanyName: Latin forms right after Chinese text", () => {
  it("strips Co., Ltd. written straight after Chinese characters", () => {
    expect(normalizeCompanyName("示例Co., Ltd.")).toBe(normalizeCompanyName("示例"));
  });
});

describe("normalizeCompanyName: the spellings of issue 12", () => {
  it("strips legal forms spelt with dots or without", () => {
    same("Kleinwald G.m.b.H.", "Kleinwald GmbH");
    same("Rossi SpA", "Rossi S.p.A.");
    same("Vermeer BV", "Vermeer B.V.");
    same("Lumen S.A.", "Lumen SA");
    same("Nordhafen AG", "Nordhafen");
    same("Harbor Pte. Ltd.", "Harbor");
    same("Acme Inc.", "Acme LLC");
    expect(normalizeCompanyName("Kleinwald G.m.b.H.")).toBe("kleinwald");
  });

  it("folds traditional and Japanese forms and （株）", () => {
    same("樱野工業（株）", "樱野工业株式会社");
    same("桜野工業株式会社", "樱野工业");
    same("㈱樱野工业", "樱野工业");
    expect(normalizeCompanyName("樱野工業（株）")).toBe("樱野工业");
  });

  it("strips 公司 as it strips 有限公司, but keeps 分公司", () => {
    same("明水光子有限公司", "明水光子公司");
    same("明水光子有限责任公司", "明水光子");
    different("明水光子平湖分公司", "明水光子平湖");
  });

  it("strips a bracketed place, full- or half-width", () => {
    same("汇澄实业有限公司", "汇澄实业（平湖）有限公司");
    same("汇澄实业(上海)有限公司", "汇澄实业有限公司");
    same("Kleinwald (Shanghai) Co., Ltd.", "Kleinwald GmbH");
    expect(normalizeCompanyName("汇澄实业（平湖）有限公司")).toBe("汇澄实业");
  });

  it("keeps firms apart that only share a legal form or a place", () => {
    different("汇澄实业（平湖）有限公司", "汇澄科技（平湖）有限公司");
    different("明水光子公司", "明水电子公司");
    different("Rossi SpA", "Rossini SpA");
    different("Vermeer B.V.", "Vermeeren B.V.");
    different("Kleinwald GmbH", "Kleinwald Logistik GmbH");
    different("樱野工業（株）", "樱田工業（株）");
  });

  it("does not join letters that belong to words", () => {
    expect(normalizeCompanyName("A B Nordic Logistics")).toBe("abnordiclogistics");
    expect(normalizeCompanyName("Spa Resorts")).toBe("sparesorts");
  });

  it("keeps a name that is only a bracketed qualifier", () => {
    expect(normalizeCompanyName("（平湖）")).toBe("平湖");
  });
});

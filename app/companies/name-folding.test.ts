import { describe, expect, it } from "vitest";
import { foldText, PART_SEPARATOR, pinyinKeys, searchTerms, searchTextOf } from "./name-folding";

describe("foldText", () => {
  it("makes full-width Latin half-width and lower case", () => {
    expect(foldText("Ｋｌｅｉｎｗａｌｄ")).toBe("kleinwald");
    expect(foldText("KLEINWALD GmbH")).toBe("kleinwald gmbh");
  });

  it("simplifies traditional and Japanese forms", () => {
    expect(foldText("樱野工業")).toBe("樱野工业");
    expect(foldText("臺灣精密")).toBe("台湾精密");
    expect(foldText("桜野")).toBe("樱野");
    expect(foldText("関西鉄鋼")).toBe("关西铁钢");
  });

  it("spells （株） and ㈱ out as 株式会社", () => {
    expect(foldText("樱野工業（株）")).toBe("樱野工业株式会社");
    expect(foldText("㈱樱野")).toBe("株式会社樱野");
  });

  it("makes runs of spaces (ideographic ones too) one, and trims", () => {
    expect(foldText("  示例\u3000\u3000精工 ")).toBe("示例 精工");
  });

  it("leaves simplified Chinese as it is", () => {
    expect(foldText("平湖经济技术开发区")).toBe("平湖经济技术开发区");
  });
});

describe("pinyinKeys", () => {
  it("gives full pinyin and initials without tones", () => {
    expect(pinyinKeys("平湖示例")).toEqual({ full: "pinghushili", initials: "phsl" });
    expect(pinyinKeys("星峰化学")).toEqual({ full: "xingfenghuaxue", initials: "xfhx" });
  });

  it("reads polyphonic characters in their words", () => {
    expect(pinyinKeys("重庆银行").full).toBe("chongqingyinhang");
  });

  it("keeps Latin letters and digits, drops punctuation and spaces", () => {
    expect(pinyinKeys("平湖ABC 1号（上海）")).toEqual({ full: "pinghuabc1haoshanghai", initials: "phabc1hsh" });
  });

  it("writes ü as v", () => {
    expect(pinyinKeys("绿色").full).toBe("lvse");
  });

  it("reads traditional characters too", () => {
    expect(pinyinKeys("工業").full).toBe("gongye");
  });

  it("is empty for a name without Chinese characters", () => {
    expect(pinyinKeys("Kleinwald GmbH")).toEqual({ full: "", initials: "" });
  });
});

describe("searchTextOf", () => {
  it("holds the folded names, the pinyin and the initials, one per line", () => {
    expect(searchTextOf("樱野工業（株）", "Sakurano Kogyo K.K.").split(PART_SEPARATOR)).toEqual([
      "樱野工业株式会社",
      "sakurano kogyo k.k.",
      "yingyegongyezhu",
      "yygyz",
    ]);
  });

  it("has only the folded name for a Latin name", () => {
    expect(searchTextOf("Ｋｌｅｉｎｗａｌｄ GmbH", null)).toBe("kleinwald gmbh");
  });

  it("is never empty", () => {
    expect(searchTextOf("   ")).not.toBe("");
  });
});

describe("searchTerms", () => {
  it("folds the query as names are folded", () => {
    expect(searchTerms("工業")).toEqual(["工业"]);
    expect(searchTerms("Ｋｌｅｉｎｗａｌｄ")).toEqual(["kleinwald"]);
    expect(searchTerms("（株）")).toEqual(["株式会社"]);
  });

  it("also runs Latin words together, for pinyin typed with spaces", () => {
    expect(searchTerms("Ping Hu")).toEqual(["ping hu", "pinghu"]);
    expect(searchTerms("示例 精工")).toEqual(["示例 精工"]);
  });

  it("is empty for blank input", () => {
    expect(searchTerms("  \u3000")).toEqual([]);
  });
});

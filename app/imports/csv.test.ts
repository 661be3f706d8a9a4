import { describe, expect, it } from "vitest";
import { detectDelimiter, parseCsv } from "./csv";

describe("detectDelimiter", () => {
  it("chooses tab when the first line has tabs and no commas", () => {
    expect(detectDelimiter("企业名称\t国别\n樱野\t日本\n")).toBe("\t");
    expect(detectDelimiter("企业名称\t国别\r\n樱野,株式会社\t日本\r\n")).toBe("\t");
  });

  it("chooses comma otherwise", () => {
    expect(detectDelimiter("企业名称,国别\n樱野,日本\n")).toBe(",");
    expect(detectDelimiter("企业名称,国别\t备注\n")).toBe(",");
    expect(detectDelimiter("企业名称\n樱野\t日本\n")).toBe(",");
    expect(detectDelimiter("")).toBe(",");
  });
});

describe("parseCsv", () => {
  it("splits simple records and numbers them by line", () => {
    expect(parseCsv("企业名称,国别\n樱野精密,日本\n克莱因瓦尔德,德国")).toEqual([
      { line: 1, cells: ["企业名称", "国别"] },
      { line: 2, cells: ["樱野精密", "日本"] },
      { line: 3, cells: ["克莱因瓦尔德", "德国"] },
    ]);
  });

  it("keeps commas inside quoted fields", () => {
    expect(parseCsv('a,"Sakurano Precision Co., Ltd.",c\n')).toEqual([{ line: 1, cells: ["a", "Sakurano Precision Co., Ltd.", "c"] }]);
  });

  it("turns doubled quotes inside quoted fields into one quote", () => {
    expect(parseCsv('"他说""可以""",x\n')).toEqual([{ line: 1, cells: ['他说"可以"', "x"] }]);
    expect(parseCsv('"""",""\n')).toEqual([{ line: 1, cells: ['"', ""] }]);
  });

  it("keeps a quote in the middle of an unquoted field as written", () => {
    expect(parseCsv('12" wafer,x\n')).toEqual([{ line: 1, cells: ['12" wafer', "x"] }]);
  });

  it("keeps line breaks inside quoted fields and counts them for the next record's line", () => {
    const text = '企业名称,企业简介\n樱野精密,"第一行\n第二行\n第三行"\n克莱因瓦尔德,简介\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, cells: ["企业名称", "企业简介"] },
      { line: 2, cells: ["樱野精密", "第一行\n第二行\n第三行"] },
      { line: 5, cells: ["克莱因瓦尔德", "简介"] },
    ]);
  });

  it("counts CRLF line breaks inside quoted fields once", () => {
    const records = parseCsv('名称,简介\r\n甲,"一\r\n二"\r\n乙,三\r\n');
    expect(records.map((record) => record.line)).toEqual([1, 2, 4]);
    expect(records[1].cells[1]).toMatch(/^一\r?\n二$/);
    expect(records[2].cells).toEqual(["乙", "三"]);
  });

  it("reads CRLF, LF and lone CR line ends alike", () => {
    const expected = [
      { line: 1, cells: ["a", "b"] },
      { line: 2, cells: ["c", "d"] },
    ];
    expect(parseCsv("a,b\r\nc,d\r\n")).toEqual(expected);
    expect(parseCsv("a,b\nc,d\n")).toEqual(expected);
    expect(parseCsv("a,b\rc,d\r")).toEqual(expected);
    expect(parseCsv("a,b\r\nc,d")).toEqual(expected);
  });

  it("does not make an empty record of a trailing line break", () => {
    expect(parseCsv("a,b\n")).toEqual([{ line: 1, cells: ["a", "b"] }]);
    expect(parseCsv("a,b\r\n")).toEqual([{ line: 1, cells: ["a", "b"] }]);
    expect(parseCsv("")).toEqual([]);
  });

  it("keeps empty cells, at the start, in the middle and at the end", () => {
    expect(parseCsv("a,,c\n,b,\n,,\n")).toEqual([
      { line: 1, cells: ["a", "", "c"] },
      { line: 2, cells: ["", "b", ""] },
      { line: 3, cells: ["", "", ""] },
    ]);
    expect(parseCsv('"",x\n')).toEqual([{ line: 1, cells: ["", "x"] }]);
  });

  it("keeps the line numbers of records after a blank line", () => {
    const records = parseCsv("a\n\nb\n");
    expect(records[0]).toEqual({ line: 1, cells: ["a"] });
    expect(records.find((record) => record.cells[0] === "b")?.line).toBe(3);
  });

  it("keeps a last record without a line break", () => {
    expect(parseCsv("a\n,")).toEqual([
      { line: 1, cells: ["a"] },
      { line: 2, cells: ["", ""] },
    ]);
  });

  it("keeps spaces around cells as written", () => {
    expect(parseCsv(" a , b \n")).toEqual([{ line: 1, cells: [" a ", " b "] }]);
  });

  it("splits tab-separated text when the first line has tabs", () => {
    expect(parseCsv("企业名称\t国别\t备注\n樱野, 精密\t日本\t\n")).toEqual([
      { line: 1, cells: ["企业名称", "国别", "备注"] },
      { line: 2, cells: ["樱野, 精密", "日本", ""] },
    ]);
  });

  it("reads quoted fields in tab-separated text", () => {
    expect(parseCsv('名称\t简介\n"甲\t乙"\t"一\n二"\n丙\t丁\n')).toEqual([
      { line: 1, cells: ["名称", "简介"] },
      { line: 2, cells: ["甲\t乙", "一\n二"] },
      { line: 4, cells: ["丙", "丁"] },
    ]);
  });

  it("uses the delimiter it is given", () => {
    expect(parseCsv("a,b\tc\n", "\t")).toEqual([{ line: 1, cells: ["a,b", "c"] }]);
    expect(parseCsv("a\tb,c\n", ",")).toEqual([{ line: 1, cells: ["a\tb", "c"] }]);
  });
});

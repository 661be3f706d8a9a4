import { describe, expect, it } from "vitest";
import { isCurrentSection, navigationFor } from "./navigation";

describe("main navigation", () => {
  it("lists the screens in the order of DESIGN.md §6 and hides what a role cannot use", () => {
    expect(navigationFor("officer").map((item) => item.label)).toEqual(["工作台", "企业库", "招商项目", "产业链", "载体平台", "政策库", "政策兑现"]);
    expect(navigationFor("leader").map((item) => item.label)).toEqual([
      "工作台",
      "企业库",
      "招商项目",
      "产业链",
      "载体平台",
      "政策库",
      "政策兑现",
      "实到外资",
      "领导驾驶舱",
      "月度报告",
    ]);
    expect(navigationFor("staff").map((item) => item.label)).toEqual([
      "工作台",
      "企业库",
      "招商项目",
      "产业链",
      "载体平台",
      "政策库",
      "政策兑现",
      "实到外资",
      "领导驾驶舱",
      "月度报告",
      "数据导入",
    ]);
    expect(navigationFor("admin").map((item) => item.label)).toEqual([
      "工作台",
      "企业库",
      "招商项目",
      "产业链",
      "载体平台",
      "政策库",
      "政策兑现",
      "实到外资",
      "领导驾驶舱",
      "月度报告",
      "数据导入",
      "系统管理",
    ]);
    expect(navigationFor("staff").find((item) => item.label === "实到外资")?.to).toBe("/arrivals");
  });

  it("marks 工作台 only on the home page and the other items for their whole subtree", () => {
    expect(isCurrentSection("/", "/")).toBe(true);
    expect(isCurrentSection("/", "/projects")).toBe(false);
    expect(isCurrentSection("/projects", "/projects")).toBe(true);
    expect(isCurrentSection("/projects", "/projects/12/edit")).toBe(true);
    expect(isCurrentSection("/projects", "/projectsx")).toBe(false);
    expect(isCurrentSection("/companies", "/projects/1")).toBe(false);
  });
});

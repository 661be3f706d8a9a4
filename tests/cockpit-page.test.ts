/**
 * The 领导驾驶舱 and 年度目标 pages render what their loaders return (server-side, without a build):
 * the 储备 table's numbers link to the drill-down at the period's end, the breakdown tables are
 * phone cards with labelled cells, the captions say what each number counts, and the units'
 * targets are listed. Remix's hooks are replaced by the loader data itself.
 */
import { createElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "../app/auth/permissions";
import { getCockpit } from "../app/figures/cockpit.server";
import { targetsSchema } from "../app/figures/target.schema";
import { getTargetProgress, getTargetSheet, saveTargets } from "../app/figures/targets.server";
import { buildFiguresFixture } from "./support/figures-fixture";

const page = vi.hoisted(() => ({ data: undefined as unknown }));

vi.mock("@remix-run/react", () => {
  const passThrough =
    (tag: string) =>
    ({ to, children, ...props }: { to?: string; children?: ReactNode } & Record<string, unknown>) =>
      createElement(tag, to === undefined ? props : { ...props, href: to }, children);
  return {
    Link: passThrough("a"),
    Form: passThrough("form"),
    useLoaderData: () => page.data,
    useActionData: () => undefined,
    // the plain anchors' client-side navigation (app/ui/client-links.ts); never clicked here
    useNavigate: () => () => undefined,
  };
});

let unitA: number;
let staff: Actor;

beforeAll(() => {
  ({ unitA, staff } = buildFiguresFixture());
  saveTargets({
    actor: staff,
    data: targetsSchema.parse({
      year: "2026",
      unitId: String(unitA),
      signed_projects: "4",
      ...Object.fromEntries(getTargetSheet(2026, unitA).map((row) => [`version_${row.indicator}`, String(row.version)])),
    }),
  });
});

const H1_2026 = { from: "2026-01-01", to: "2026-06-30" };
const json = <T>(value: T): T => JSON.parse(JSON.stringify(value));

async function renderCockpit(by: Parameters<typeof getCockpit>[1]): Promise<string> {
  const { default: Cockpit } = await import("../app/routes/cockpit");
  page.data = json({ ...getCockpit(H1_2026, by), quick: [], overdue: { rows: [], count: 0, outstandingCny: 0 } });
  return renderToStaticMarkup(createElement(Cockpit));
}

/** The markup of the table with this aria-label, from its opening tag. */
function table(html: string, label: string): string {
  const at = html.indexOf(`aria-label="${label}"`);
  expect(at, `table ${label}`).toBeGreaterThan(-1);
  const start = html.lastIndexOf("<table", at);
  return html.slice(start, html.indexOf("</table>", at));
}

describe("the cockpit page", () => {
  it("shows the 储备 at the period's end, each number opening its projects", async () => {
    const html = await renderCockpit("unit");
    const pipeline = table(html, "项目储备");
    expect(pipeline).toContain('<a href="/projects?at=2026-06-30&amp;row=signed_unverified">1</a>');
    expect(pipeline).toContain('<a href="/projects?at=2026-06-30&amp;row=construction">2</a>');
    expect(pipeline).toContain("12,300.00");
    expect(pipeline).toContain("签约（待甄别）");
    expect(html).toContain("储备为期末时点状态");
    expect(html).toContain("签约按签约日期计入，甄别通过后计数；期末尚未甄别的签约列入 签约（待甄别）");
    expect(html).toContain("漏斗按本期新增线索统计（队列口径）；新签约按签约日期统计已甄别项目");
  });

  it("breaks signings, the funnel and the 储备 down by the chosen dimension, as phone cards", async () => {
    const html = await renderCockpit("unit");
    expect(table(html, "按负责单位统计")).toContain("投资促进中心");
    const funnel = table(html, "漏斗分组（负责单位）");
    expect(funnel.startsWith('<table class="data cards"')).toBe(true);
    expect(funnel).toContain('data-label="洽谈"><a href="/projects?cohort=2026-01-01%7E2026-06-30&amp;reached=negotiating&amp;unit=');
    const pipeline = table(html, "储备分组（负责单位）");
    expect(pipeline.startsWith('<table class="data cards"')).toBe(true);
    expect(pipeline).toContain('data-label="开工"><a href="/projects?at=2026-06-30&amp;row=construction&amp;unit=');
    expect(pipeline).toContain('<span class="cell-amount">12,300.00</span>');
    // the table names end-to-end tests find (by substring) stay unique on the page
    const tables = html.match(/<table [^>]*aria-label="[^"]*"/g)!.map((tag) => /aria-label="([^"]*)"/.exec(tag)![1]);
    expect(tables.filter((name) => name.includes("招商漏斗"))).toEqual(["招商漏斗"]);
    expect(tables.filter((name) => name.includes("按负责单位统计"))).toEqual(["按负责单位统计"]);
    expect(tables.filter((name) => name.includes("项目储备"))).toEqual(["项目储备"]);
    // no link on the cockpit other than the header's is named 年度目标
    expect(html.match(/<a [^>]*>[^<]*年度目标[^<]*<\/a>/g)).toEqual(['<a class="button secondary" href="/targets">年度目标</a>']);
  });

  it("lists the units' targets", async () => {
    const html = await renderCockpit("country");
    const units = table(html, "各单位年度目标进度");
    expect(units).toContain(`<a href="/targets?year=2026&amp;unit=${unitA}">投资促进中心</a>`);
    expect(units).toContain('data-label="完成率">50.0%');
    expect(table(html, "按国别/地区统计")).toContain("日本");
    expect(table(html, "储备分组（国别/地区）")).toContain("日本");
  });
});

describe("the 年度目标 page", () => {
  it("lists the units' targets under the county's", async () => {
    const { default: Targets } = await import("../app/routes/targets");
    page.data = json({ year: 2026, unitId: null, units: [], progress: getTargetProgress(2026), sheet: getTargetSheet(2026, null), canEdit: false });
    const html = renderToStaticMarkup(createElement(Targets));
    expect(table(html, "目标完成情况")).toContain("新签约项目数");
    const units = table(html, "各单位年度目标进度");
    expect(units).toContain("投资促进中心");
    expect(units).toContain('data-label="本年累计">2</td>');
    expect(units).toContain('data-label="年度目标">4</td>');
    expect(html.match(/<h[1-6][^>]*>[^<]*年度目标[^<]*<\/h[1-6]>/g)).toEqual(["<h1>年度目标</h1>"]);
  });
});

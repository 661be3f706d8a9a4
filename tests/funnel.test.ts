/**
 * The cohort funnel (DESIGN.md §4) on a fixture whose every figure is computed by hand below.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getFunnel } from "../app/figures/funnel.server";
import { changeProjectStatus, deleteProject, moveProjectToStage, verifySigning } from "../app/projects/projects.server";
import type { Stage } from "../app/projects/stages";
import type { Actor } from "../app/auth/permissions";
import { makeCompany, makeProject, makeUnit, makeUser, projectRow } from "./support/builders";

let officer: Actor;
let leader: Actor;
let bProject: number;

function move(projectId: number, toStage: Stage, occurredOn: string, note: string | null = null) {
  moveProjectToStage({ actor: officer, projectId, toStage, occurredOn, note, version: projectRow(projectId).version });
}
function verify(projectId: number) {
  verifySigning({ actor: leader, projectId, version: projectRow(projectId).version });
}

beforeAll(() => {
  const unit = makeUnit();
  officer = makeUser("officer", unit);
  leader = makeUser("leader", unit);
  const companyId = makeCompany(officer);
  const project = (enteredOn: string, totalInvestmentWan: number) =>
    makeProject(officer, { companyId, enteredOn, totalInvestmentUsd: String(totalInvestmentWan), contractedFdiUsd: "0" });

  // A: lead → contacted → negotiating → signed (verified). 1000万
  const a = project("2026-01-10", 1000);
  move(a, "contacted", "2026-01-20");
  move(a, "negotiating", "2026-02-10");
  move(a, "signed", "2026-03-01");
  verify(a);
  // B: lead → negotiating (skip) → signed, never verified: counts up to 洽谈. 2000万
  const b = project("2026-02-01", 2000);
  move(b, "negotiating", "2026-02-15");
  move(b, "signed", "2026-03-10");
  bProject = b;
  // C: lead → contacted, then lost: stays in the cohort at 接洽. 500万
  const c = project("2026-03-01", 500);
  move(c, "contacted", "2026-03-05");
  changeProjectStatus({
    actor: officer,
    projectId: c,
    status: "lost",
    occurredOn: "2026-06-30",
    reason: "成本",
    lostTo: "江苏太仓",
    version: projectRow(c).version,
  });
  // D: entered before the period: not in the cohort though signed within it. 3000万
  const d = project("2025-12-20", 3000);
  move(d, "signed", "2026-02-01");
  verify(d);
  // E: negotiating → registered (jump over 签约, verified) → construction. 4000万
  const e = project("2026-04-01", 4000);
  move(e, "negotiating", "2026-04-10");
  move(e, "registered", "2026-05-01");
  verify(e);
  move(e, "construction", "2026-06-01");
  // F: deleted: counts nowhere. 100万
  const f = project("2026-05-01", 100);
  deleteProject({ actor: leader, projectId: f, version: projectRow(f).version });
  // G: reached 洽谈 then moved back to 接洽: counted at the furthest stage reached. 600万
  const g = project("2026-05-05", 600);
  move(g, "contacted", "2026-05-10");
  move(g, "negotiating", "2026-05-20");
  move(g, "contacted", "2026-06-01", "外方预算推迟");
  // H: still a lead. 700万
  project("2026-06-01", 700);
});

const WAN = 10_000;

describe("cohort funnel", () => {
  it("counts the first half of 2026 as worked out by hand", () => {
    const funnel = getFunnel({ from: "2026-01-01", to: "2026-06-30" });
    // cohort: A B C E G H
    expect(funnel.map((row) => [row.stage, row.projects, row.totalInvestmentUsd / WAN])).toEqual([
      ["lead", 6, 8800], // A B C E G H
      ["contacted", 5, 8100], // A B C E G
      ["negotiating", 4, 7600], // A B E G
      ["signed", 2, 5000], // A E (B unverified)
      ["registered", 1, 4000], // E
      ["construction", 1, 4000], // E
      ["production", 0, 0],
    ]);
    expect(funnel.map((row) => row.conversion)).toEqual([null, 5 / 6, 4 / 5, 2 / 4, 1 / 2, 1, 0]);
  });

  it("uses only the log up to the period's end", () => {
    // cohort entered Jan–Feb: A and B. By 02-28 A is at 洽谈 (signed 03-01), B at 洽谈.
    const funnel = getFunnel({ from: "2026-01-01", to: "2026-02-28" });
    expect(funnel.map((row) => row.projects)).toEqual([2, 2, 2, 0, 0, 0, 0]);
    expect(funnel[3].conversion).toBe(0);
  });

  it("never shows a conversion above 100%", () => {
    for (const period of [
      { from: "2025-01-01", to: "2026-06-30" },
      { from: "2026-04-01", to: "2026-06-30" },
    ]) {
      for (const row of getFunnel(period)) expect(row.conversion ?? 0).toBeLessThanOrEqual(1);
    }
  });

  it("counts a signing once a leader verifies it, at its signing date", () => {
    const b = bProject;
    verify(b);
    const funnel = getFunnel({ from: "2026-01-01", to: "2026-06-30" });
    expect(funnel[3]).toMatchObject({ stage: "signed", projects: 3, totalInvestmentUsd: 7000 * WAN }); // A B E
    expect(projectRow(b).signedOn).toBe("2026-03-10");
  });
});

/**
 * The figures fixture: a handful of projects whose every figure is worked out by hand in the tests
 * that use it (tests/figures.test.ts, tests/reports.test.ts). Today is 2026-06-30.
 *
 * Projects (amounts in 万美元: 总投资 / 合同外资):
 *   P1 unit A, 世界500强 company, 12,000 / 8,000, signed 2026-03-10 ✓ 03-12, 开工 2026-05-01
 *   P2 unit B, 增资 500 / 300 (the increment), signed 2026-06-15 ✓ 06-20
 *   P3 unit A, 2,000 / 1,000, signed 2026-04-01, NOT verified
 *   P4 unit A, 800 / 600, signed 2025-04-20 ✓ 2025-04-25, 开工 2025-09-01, 投产 2026-02-01
 *   P5 unit A, 100 / 100, signing recorded today but back-dated to 2026-01-20, verified today (✓ 06-30),
 *      流失 since 2026-03-15
 *   P6 unit A, 700 / 700, signed 2026-02-01 ✓ 02-03, then deleted
 *   P7 unit A, 300 / 200, signed 2025-12-31, verified in the new year (✓ 2026-01-08), 开工 2026-01-05
 * (✓ date: the business day of 甄别通过)
 * Arrivals (万美元): P1 3,000 on 2026-04-01; P1 999 on 2026-05-01 (deleted); P2 50 on 2026-06-20;
 *   P4 200 on 2025-06-01 and 100 on 2026-02-10; P6 40 on 2026-03-01 (project deleted).
 */
import type { Actor } from "../../app/auth/permissions";
import { db, t } from "../../app/db.server";
import type { Stage } from "../../app/projects/stages";
import { changeProjectStatus, deleteProject, moveProjectToStage, verifySigning } from "../../app/projects/projects.server";
import { makeCompany, makeProject, makeUnit, makeUser, onDay, projectRow } from "./builders";

export const WAN = 10_000;

function move(leader: Actor, id: number, toStage: Stage, occurredOn: string) {
  moveProjectToStage({ actor: leader, projectId: id, toStage, occurredOn, note: null, version: projectRow(id).version });
}
/** 甄别通过 on a business day (by default the day the tests run on, 2026-06-30). */
function verify(leader: Actor, id: number, on?: string) {
  const run = () => verifySigning({ actor: leader, projectId: id, version: projectRow(id).version });
  if (on) onDay(on, run);
  else run();
}
function arrival(projectId: number, arrivedOn: string, wan: number, deleted = false) {
  db()
    .insert(t.fdiArrivals)
    .values({ projectId, arrivedOn, amountUsd: wan * WAN, deletedAt: deleted ? Date.now() : null })
    .run();
}

type User = Actor & { username: string };

export interface FiguresFixture {
  unitA: number;
  unitB: number;
  leader: User;
  staff: User;
  officer: User;
  P: Record<string, number>;
}

export function buildFiguresFixture(): FiguresFixture {
  const P: Record<string, number> = {};
  const unitA = makeUnit("投资促进中心");
  const unitB = makeUnit("平湖经济技术开发区");
  const leader = makeUser("leader", unitA);
  const staff = makeUser("staff", unitA);
  const officer = makeUser("officer", unitA);
  const leaderB = makeUser("leader", unitB);
  const company = makeCompany(leader);
  const fortune500 = makeCompany(leader, { name: "环球巨擘株式会社", isFortune500: true });
  const project = (actor: Actor, companyId: number, total: string, contracted: string, enteredOn: string, projectType = "new") =>
    makeProject(actor, { companyId, totalInvestmentUsd: total, contractedFdiUsd: contracted, enteredOn, projectType });

  P.P1 = project(leader, fortune500, "12000", "8000", "2026-01-05");
  move(leader, P.P1, "signed", "2026-03-10");
  verify(leader, P.P1, "2026-03-12");
  move(leader, P.P1, "construction", "2026-05-01");

  P.P2 = project(leaderB, company, "500", "300", "2026-02-01", "capital_increase");
  move(leader, P.P2, "signed", "2026-06-15");
  verify(leader, P.P2, "2026-06-20");

  P.P3 = project(leader, company, "2000", "1000", "2026-01-10");
  move(leader, P.P3, "signed", "2026-04-01");

  P.P4 = project(leader, company, "800", "600", "2025-01-15");
  move(leader, P.P4, "signed", "2025-04-20");
  verify(leader, P.P4, "2025-04-25");
  move(leader, P.P4, "construction", "2025-09-01");
  move(leader, P.P4, "production", "2026-02-01");

  P.P5 = project(leader, company, "100", "100", "2026-01-02");
  move(leader, P.P5, "signed", "2026-01-20");
  verify(leader, P.P5);
  changeProjectStatus({
    actor: leader,
    projectId: P.P5,
    status: "lost",
    occurredOn: "2026-03-15",
    reason: "落户外地",
    lostTo: "昆山",
    version: projectRow(P.P5).version,
  });

  P.P6 = project(leader, company, "700", "700", "2026-01-03");
  move(leader, P.P6, "signed", "2026-02-01");
  verify(leader, P.P6, "2026-02-03");

  P.P7 = project(leader, company, "300", "200", "2025-11-01");
  move(leader, P.P7, "signed", "2025-12-31");
  verify(leader, P.P7, "2026-01-08");
  move(leader, P.P7, "construction", "2026-01-05");

  arrival(P.P1, "2026-04-01", 3000);
  arrival(P.P1, "2026-05-01", 999, true);
  arrival(P.P2, "2026-06-20", 50);
  arrival(P.P4, "2025-06-01", 200);
  arrival(P.P4, "2026-02-10", 100);
  arrival(P.P6, "2026-03-01", 40);
  deleteProject({ actor: leader, projectId: P.P6, version: projectRow(P.P6).version });
  return { unitA, unitB, leader, staff, officer, P };
}

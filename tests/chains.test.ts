/**
 * Industry chains on a real migrated SQLite file: the tree with its counts, the gap view's order,
 * linking projects (scope, retired nodes), the administrator's upkeep (move, retire) and the
 * project list's chain filter. The projects counted are the 储备 today (进行中 and 暂缓, live), by
 * snapshot row: an unverified signing stands at 签约（待甄别）, not at 签约. Expected numbers are
 * counted by hand from the fixture below.
 */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../app/auth/permissions";
import {
  createChainNode,
  getChainNode,
  getChainSystemTree,
  linkProjectToChainNode,
  listChainGaps,
  listChainNodeChoices,
  listProjectChainLinks,
  setChainNodeRetired,
  unlinkProjectFromChainNode,
  updateChainNode,
  updateChainProfile,
  type TreeNode,
} from "../app/chains/chains.server";
import { db, t } from "../app/db.server";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from "../app/lib/errors";
import { changeProjectStatus, deleteProject, listProjects, moveProjectToStage, verifySigning } from "../app/projects/projects.server";
import { makeCompany, makeProject, makeUnit, makeUser, projectRow } from "./support/builders";

let admin: Actor;
let officer: Actor;
let colleague: Actor;
let officer2: Actor;
let leader: Actor;
let systemId: number;
/** group 装备 → chain 数控机床 → links 整机 (strong), 控制检测 (gap), 刀具 (weak); chain 芯片 → link 设计 (gap) */
const node: Record<string, number> = {};
const project: Record<string, number> = {};

function nodeRow(id: number) {
  return db().select().from(t.chainNodes).where(eq(t.chainNodes.id, id)).get()!;
}

function link(actor: Actor, projectId: number, nodeId: number, role: "fill" | "strengthen" | "extend") {
  return linkProjectToChainNode({ actor, projectId, data: { nodeId, role } });
}

function find(nodes: readonly TreeNode[], id: number): TreeNode | undefined {
  for (const n of nodes) {
    if (n.id === id) return n;
    const below = find(n.children, id);
    if (below) return below;
  }
  return undefined;
}

beforeAll(() => {
  const center = makeUnit("投资促进中心");
  const zone = makeUnit("平湖经济技术开发区");
  admin = makeUser("admin", center);
  officer = makeUser("officer", center);
  colleague = makeUser("officer", center);
  officer2 = makeUser("officer", zone);
  leader = makeUser("leader", center);
  systemId = db().insert(t.chainSystems).values({ code: "test", name: "测试体系" }).returning({ id: t.chainSystems.id }).get().id;
  const add = (name: string, level: "group" | "chain" | "link", parentId: number | null, gapStatus: "strong" | "weak" | "gap" | null = null) =>
    createChainNode({ actor: admin, data: { systemId, parentId, level, name, gapStatus } });
  node.group = add("装备", "group", null);
  node.machine = add("数控机床", "chain", node.group);
  node.whole = add("整机", "link", node.machine, "strong");
  node.control = add("控制检测", "link", node.machine, "gap");
  node.tools = add("刀具", "link", node.machine, "weak");
  node.chip = add("芯片", "chain", null);
  node.design = add("设计", "link", node.chip, "gap");

  const company = makeCompany(officer);
  const zoneCompany = makeCompany(officer2);
  // A serves 整机 and 刀具 (one project, two links of the same chain); B fills 控制检测; C (other unit) serves 刀具;
  // D is lost (not pursued) and linked to 设计; E is deleted and linked to 设计;
  // F (300) signed 2026-05-10, not verified, serves 刀具; G (60) signed 2026-04-01 and verified, serves 整机;
  // H (20) is a lead on hold (暂缓: still pursued) and serves 控制检测.
  project.A = makeProject(officer, { companyId: company, totalInvestmentUsd: "100", contractedFdiUsd: "100" });
  project.B = makeProject(officer, { companyId: company, totalInvestmentUsd: "250", contractedFdiUsd: "250" });
  project.C = makeProject(officer2, { companyId: zoneCompany, totalInvestmentUsd: "40", contractedFdiUsd: "40" });
  project.D = makeProject(officer, { companyId: company, totalInvestmentUsd: "7", contractedFdiUsd: "7" });
  project.E = makeProject(leader, { companyId: company, totalInvestmentUsd: "9", contractedFdiUsd: "9" });
  link(officer, project.A, node.whole, "strengthen");
  link(officer, project.A, node.tools, "strengthen");
  link(officer, project.B, node.control, "fill");
  link(officer2, project.C, node.tools, "extend");
  link(officer, project.D, node.design, "fill");
  link(leader, project.E, node.design, "fill");
  project.F = makeProject(officer, { companyId: company, totalInvestmentUsd: "300", contractedFdiUsd: "300" });
  project.G = makeProject(officer, { companyId: company, totalInvestmentUsd: "60", contractedFdiUsd: "60" });
  project.H = makeProject(officer, { companyId: company, totalInvestmentUsd: "20", contractedFdiUsd: "20" });
  link(officer, project.F, node.tools, "strengthen");
  link(officer, project.G, node.whole, "extend");
  link(officer, project.H, node.control, "strengthen");
  moveProjectToStage({ actor: officer, projectId: project.F, toStage: "signed", occurredOn: "2026-05-10", note: null, version: projectRow(project.F).version });
  moveProjectToStage({ actor: officer, projectId: project.G, toStage: "signed", occurredOn: "2026-04-01", note: null, version: projectRow(project.G).version });
  verifySigning({ actor: leader, projectId: project.G, version: projectRow(project.G).version });
  changeProjectStatus({
    actor: officer,
    projectId: project.H,
    status: "on_hold",
    occurredOn: "2026-06-01",
    reason: "等待用地指标",
    lostTo: null,
    version: projectRow(project.H).version,
  });
  changeProjectStatus({
    actor: officer,
    projectId: project.D,
    status: "lost",
    occurredOn: "2026-06-30",
    reason: "选址外省",
    lostTo: "苏州",
    version: projectRow(project.D).version,
  });
  deleteProject({ actor: leader, projectId: project.E, version: projectRow(project.E).version });
});

describe("the tree", () => {
  it("builds paths from the parents and counts each pursued project once per node and subtree", () => {
    expect(nodeRow(node.control).path).toBe(`/${node.group}/${node.machine}/${node.control}/`);
    const { roots } = getChainSystemTree(leader, systemId);
    expect(roots.map((n) => n.name)).toEqual(["装备", "芯片"]);
    const count = (id: number) => find(roots, id)!.projects;
    // 数控机床: A (twice linked, once counted), B, C, F, G, H (暂缓 still counts) → 6; 装备 the same;
    // 整机: A, G; 控制检测: B, H; 刀具: A, C, F; 设计: D lost, E deleted → 0
    expect([count(node.group), count(node.machine), count(node.whole), count(node.control), count(node.tools)]).toEqual([6, 6, 2, 2, 3]);
    expect([count(node.chip), count(node.design)]).toEqual([0, 0]);
  });

  it("counts for an officer only the projects the officer may read", () => {
    const { roots } = getChainSystemTree(officer2, systemId);
    expect(find(roots, node.machine)!.projects).toBe(1);
    expect(find(roots, node.tools)!.projects).toBe(1);
    expect(find(roots, node.control)!.projects).toBe(0);
  });

  it("shows a chain's fishbone and its 储备 by snapshot row over its whole subtree: an unverified signing in 签约（待甄别）, not in 签约", () => {
    const chain = getChainNode(leader, node.machine);
    expect(chain.children.map((c) => [c.name, c.gapStatus, c.projects, c.fillProjects])).toEqual([
      ["整机", "strong", 2, 0],
      ["控制检测", "gap", 2, 1],
      ["刀具", "weak", 3, 0],
    ]);
    // 线索: A 100 + B 250 + C 40 + H 20 = 410 万; 签约（待甄别）: F 300 万; 签约: G 60 万
    expect(chain.pipeline.map((row) => [row.row, row.label, row.projects, row.totalInvestmentUsd / 10_000])).toEqual([
      ["lead", "线索", 4, 410],
      ["contacted", "接洽", 0, 0],
      ["negotiating", "洽谈", 0, 0],
      ["signed_unverified", "签约（待甄别）", 1, 300],
      ["signed", "签约", 1, 60],
      ["registered", "注册", 0, 0],
      ["construction", "开工", 0, 0],
      ["production", "投产", 0, 0],
    ]);
    expect(chain.trail.map((step) => step.name)).toEqual(["装备", "数控机床"]);
  });

  it("shows a link's 储备 over the link and below it, and an officer's within the officer's scope", () => {
    const rows = (actor: Actor, id: number) =>
      Object.fromEntries(
        getChainNode(actor, id)
          .pipeline.filter((row) => row.projects > 0)
          .map((row) => [row.row, [row.projects, row.totalInvestmentUsd / 10_000]]),
      );
    // 刀具: A 100 + C 40 as 线索, F 300 signed but not verified
    expect(rows(leader, node.tools)).toEqual({ lead: [2, 140], signed_unverified: [1, 300] });
    expect(rows(officer2, node.tools)).toEqual({ lead: [1, 40] });
    expect(rows(leader, node.whole)).toEqual({ lead: [1, 100], signed: [1, 60] });
  });

  it("counts a group's chains by the projects serving each chain, once however many links they serve", () => {
    const group = getChainNode(leader, node.group);
    // 数控机床: A, B, C, F, G, H; among them B fills a link
    expect(group.children.map((c) => [c.name, c.projects, c.fillProjects])).toEqual([["数控机床", 6, 1]]);
    expect(group.pipeline.reduce((sum, row) => sum + row.projects, 0)).toBe(6);
  });

  it("answers 404 for an unknown node", () => {
    expect(() => getChainNode(leader, 999_999)).toThrow(NotFoundError);
  });
});

describe("the gap view", () => {
  it("lists 空白 and 薄弱 links, those without any project first, then 空白 before 薄弱", () => {
    const gaps = listChainGaps(leader, { systemId });
    expect(gaps.map((gap) => [gap.name, gap.gapStatus, gap.projects])).toEqual([
      ["设计", "gap", 0],
      ["控制检测", "gap", 2],
      ["刀具", "weak", 3],
    ]);
    const byId = <T extends { id: number }>(list: T[]) => [...list].sort((a, b) => a.id - b.id);
    expect(byId(gaps[1].projectList).map((p) => [p.id, p.role, p.rowLabel])).toEqual([
      [project.B, "fill", "线索"],
      [project.H, "strengthen", "线索"],
    ]);
    expect(gaps[1].chainName).toBe("数控机床");
    // F's signing is not verified: it stands at 签约（待甄别）
    expect(byId(gaps[2].projectList).map((p) => [p.id, p.rowLabel])).toEqual([
      [project.A, "线索"],
      [project.C, "线索"],
      [project.F, "签约（待甄别）"],
    ]);
  });

  it("shows a gap covered once a project is linked to it", () => {
    const id = makeProject(officer, { companyId: makeCompany(officer) });
    const linkId = link(officer, id, node.design, "fill");
    const design = listChainGaps(leader, { systemId }).find((gap) => gap.id === node.design)!;
    expect(design.projects).toBe(1);
    unlinkProjectFromChainNode({ actor: officer, projectId: id, linkId });
    expect(listChainGaps(leader, { systemId })[0].id).toBe(node.design);
  });
});

describe("linking a project", () => {
  it("is refused outside the officer's scope (404) and for a same-unit officer who is not on the project (403)", () => {
    expect(() => link(officer2, project.A, node.whole, "extend")).toThrow(NotFoundError);
    expect(() => link(colleague, project.A, node.control, "fill")).toThrow(ForbiddenError);
  });

  it("refuses a duplicate, a group, and a retired node, with a message at 产业链环节", () => {
    const attempt = (nodeId: number) => {
      try {
        link(officer, project.B, nodeId, "strengthen");
      } catch (error) {
        return (error as InvalidError).fieldErrors?.nodeId;
      }
      return "linked";
    };
    expect(attempt(node.control)).toBe("项目已关联该节点");
    expect(attempt(node.group)).toBe("请选择产业链或环节");
  });

  it("records the link and its removal in the project's audit log", () => {
    const id = makeProject(officer, { companyId: makeCompany(officer) });
    const linkId = link(officer, id, node.whole, "extend");
    expect(listProjectChainLinks(id).map((row) => [row.label, row.role])).toEqual([["测试体系 › 装备 › 数控机床 › 整机", "extend"]]);
    unlinkProjectFromChainNode({ actor: officer, projectId: id, linkId });
    expect(listProjectChainLinks(id)).toEqual([]);
    const audit = db()
      .select()
      .from(t.auditLog)
      .where(and(eq(t.auditLog.entityType, "project"), eq(t.auditLog.entityId, id)))
      .all();
    expect(audit.map((row) => row.changes?.chainLink)).toContainEqual([null, "整机（延链）"]);
    expect(audit.map((row) => row.changes?.chainLink)).toContainEqual(["整机（延链）", null]);
    expect(() => unlinkProjectFromChainNode({ actor: officer, projectId: id, linkId })).toThrow(NotFoundError);
  });
});

describe("the project list's chain filter", () => {
  it("includes projects linked anywhere below the chosen node", () => {
    const ids = (chainNodeId: number) =>
      listProjects(leader, { chainNodeId, page: 1 })
        .rows.map((row) => row.id)
        .sort((a, b) => a - b);
    expect(ids(node.machine)).toEqual([project.A, project.B, project.C, project.F, project.G, project.H].sort((a, b) => a - b));
    expect(ids(node.tools)).toEqual([project.A, project.C, project.F].sort((a, b) => a - b));
    expect(ids(node.design)).toEqual([project.D]);
    expect(listProjects(officer2, { chainNodeId: node.machine, page: 1 }).rows.map((row) => row.id)).toEqual([project.C]);
  });
});

describe("upkeep by the administrator", () => {
  it("retires a node with its subtree: links and counts stay, new links are refused, restore brings it back", () => {
    const chain = createChainNode({ actor: admin, data: { systemId, parentId: null, level: "chain", name: "临时链", gapStatus: null } });
    const part = createChainNode({ actor: admin, data: { systemId, parentId: chain, level: "link", name: "临时环节", gapStatus: "gap" } });
    const id = makeProject(officer, { companyId: makeCompany(officer) });
    link(officer, id, part, "fill");
    setChainNodeRetired({ actor: admin, nodeId: chain, retired: true, version: nodeRow(chain).version });
    expect(nodeRow(part).retiredAt).not.toBeNull();
    expect(listProjectChainLinks(id)).toHaveLength(1);
    expect(find(getChainSystemTree(leader, systemId).roots, part)!.projects).toBe(1);
    expect(listChainNodeChoices().map((choice) => choice.id)).not.toContain(part);
    expect(listChainGaps(leader, { systemId }).map((gap) => gap.id)).not.toContain(part);
    const other = makeProject(officer, { companyId: makeCompany(officer) });
    expect(() => link(officer, other, part, "fill")).toThrow(InvalidError);
    expect(() => setChainNodeRetired({ actor: admin, nodeId: part, retired: false, version: nodeRow(part).version })).toThrow(InvalidError);
    setChainNodeRetired({ actor: admin, nodeId: chain, retired: false, version: nodeRow(chain).version });
    expect(nodeRow(part).retiredAt).toBeNull();
    expect(link(officer, other, part, "fill")).toBeGreaterThan(0);
  });

  it("renames, sets the gap status and moves a node with its subtree; refuses a move under itself", () => {
    const chain = createChainNode({ actor: admin, data: { systemId, parentId: null, level: "chain", name: "光电", gapStatus: null } });
    const part = createChainNode({ actor: admin, data: { systemId, parentId: chain, level: "link", name: "光模块", gapStatus: null } });
    const sub = createChainNode({ actor: admin, data: { systemId, parentId: part, level: "link", name: "激光器", gapStatus: null } });
    updateChainNode({ actor: admin, nodeId: chain, data: { name: "光电通信", gapStatus: null, parentId: node.group, version: nodeRow(chain).version } });
    expect(nodeRow(chain).name).toBe("光电通信");
    expect(nodeRow(sub).path).toBe(`/${node.group}/${chain}/${part}/${sub}/`);
    expect(() =>
      updateChainNode({ actor: admin, nodeId: part, data: { name: "光模块", gapStatus: null, parentId: sub, version: nodeRow(part).version } }),
    ).toThrow(InvalidError);
    updateChainNode({ actor: admin, nodeId: part, data: { name: "光模块", gapStatus: "weak", parentId: chain, version: nodeRow(part).version } });
    expect(nodeRow(part).gapStatus).toBe("weak");
    expect(() =>
      updateChainNode({ actor: admin, nodeId: chain, data: { name: "光电", gapStatus: "gap", parentId: node.group, version: nodeRow(chain).version } }),
    ).toThrow(InvalidError);
  });

  it("keeps the 十个一 profile, refuses a stale save and anyone but an administrator", () => {
    const version = nodeRow(node.machine).version;
    const profile = { chainChief: "市领导（示例）", workingGroup: null, alliance: "数控机床产业联盟", plan: null, fund: null, workRules: null };
    updateChainProfile({ actor: admin, nodeId: node.machine, data: { ...profile, version } });
    expect(nodeRow(node.machine).profile).toEqual({ chainChief: "市领导（示例）", alliance: "数控机床产业联盟" });
    expect(() => updateChainProfile({ actor: admin, nodeId: node.machine, data: { ...profile, version } })).toThrow(ConflictError);
    expect(() => updateChainProfile({ actor: leader, nodeId: node.machine, data: { ...profile, version: version + 1 } })).toThrow(ForbiddenError);
    expect(() => createChainNode({ actor: officer, data: { systemId, parentId: null, level: "chain", name: "x", gapStatus: null } })).toThrow(ForbiddenError);
    const audit = db()
      .select()
      .from(t.auditLog)
      .where(and(eq(t.auditLog.entityType, "chain_node"), eq(t.auditLog.entityId, node.machine)))
      .all();
    expect(audit.map((row) => row.action)).toEqual(["create", "update"]);
  });

  it("places links only under chains or links, with a gap status only on links", () => {
    expect(() => createChainNode({ actor: admin, data: { systemId, parentId: null, level: "link", name: "孤立环节", gapStatus: null } })).toThrow(InvalidError);
    expect(() => createChainNode({ actor: admin, data: { systemId, parentId: node.group, level: "link", name: "群下环节", gapStatus: null } })).toThrow(
      InvalidError,
    );
    expect(() => createChainNode({ actor: admin, data: { systemId, parentId: node.group, level: "chain", name: "有状态的链", gapStatus: "gap" } })).toThrow(
      InvalidError,
    );
  });
});

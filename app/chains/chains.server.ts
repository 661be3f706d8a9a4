/**
 * 产业链: the chain systems (四群八链, 1212) as trees of group → chain → link nodes, the projects aimed
 * at each node (补链/强链/延链), the gap view, and the administrator's upkeep of the taxonomy.
 *
 * Nodes keep a materialized path of ids (`/7/10/`), so "a node and everything below it" is a
 * prefix match. Retired nodes keep their links and history but take no new links.
 */
import { and, asc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { assertCan, type Actor } from "../auth/permissions";
import { writeAudit, type Changes } from "../audit/audit.server";
import { db, t } from "../db.server";
import { InvalidError, NotFoundError } from "../lib/errors";
import { preparedOnce } from "../lib/prepared.server";
import { updateVersioned } from "../lib/versioned-update.server";
import { cachedFigures } from "../figures/figure-cache.server";
import { PIPELINE_ROW_LABELS, PIPELINE_ROWS, pipelineRowNow, pursuedNow, type PipelineRow } from "../figures/measures.server";
import { requireProjectAccess } from "../projects/project-access.server";
import { projectScope, scopeKey } from "../projects/scope.server";
import type { ChainLinkInput, NewNodeInput, NodeInput, ProfileInput } from "./chain.schema";
import { GAP_STATUS_LABELS, LINK_ROLE_LABELS, type ChainCompanyRole, type GapStatus, type LinkRole, type NodeLevel, type ProfileField } from "./labels";

/**
 * The projects a chain page counts: the 储备 today (the figures' pursuedNow: live, 进行中 or 暂缓),
 * of those the actor may read.
 */
function pursuedBy(actor: Actor): SQL {
  return and(pursuedNow, projectScope(actor)) as SQL;
}

/** `node` and every node below it, for a node path column and a path value or column. */
export function withinSubtree(nodePath: SQL | string): SQL {
  return sql`substr(${t.chainNodes.path}, 1, length(${nodePath})) = ${nodePath}`;
}

interface PursuedLink {
  nodeId: number;
  /** the linked node's path: the node and its ancestors */
  path: string;
  projectId: number;
  role: LinkRole;
  row: PipelineRow;
  totalInvestmentUsd: number;
}

/**
 * The live links to the chains and links `nodes` selects (a group serves through its chains, as in
 * chainServed) whose project is in the 储备 today (pursuedBy), with the project's snapshot row and
 * 总投资: the nodes first (CROSS JOIN keeps them outermost, else SQLite reads every link's project before
 * it looks at the node), then their links, each project read by its key. Callers count per node, each
 * project once; reading the links once and counting in memory replaces a grouped query per level.
 */
function pursuedLinks(actor: Actor, nodes: SQL): PursuedLink[] {
  return db().all<PursuedLink>(sql`
    select l.node_id as nodeId, ${t.chainNodes.path} as path, l.project_id as projectId, l.role as role,
           ${pipelineRowNow} as row, ${t.projects.totalInvestmentUsd} as totalInvestmentUsd
    from ${t.chainNodes}
    cross join ${t.projectChainLinks} l on l.node_id = ${t.chainNodes.id} and l.deleted_at is null
    join ${t.projects} on ${t.projects.id} = l.project_id
    where ${nodes} and ${t.chainNodes.level} <> 'group' and ${pursuedBy(actor)}
  `);
}

/** Per node, the distinct projects of `links` linked to it or to any node below it. */
function projectsBelow(links: readonly PursuedLink[], keep: (link: PursuedLink) => boolean = () => true): Map<number, Set<number>> {
  const below = new Map<number, Set<number>>();
  for (const link of links) {
    if (!keep(link)) continue;
    for (const id of link.path.split("/")) {
      if (id === "") continue;
      const nodeId = Number(id);
      const projects = below.get(nodeId);
      if (projects) projects.add(link.projectId);
      else below.set(nodeId, new Set([link.projectId]));
    }
  }
  return below;
}

// ── reading ───────────────────────────────────────────────────────────────

export function listChainSystems() {
  return db()
    .select({ id: t.chainSystems.id, code: t.chainSystems.code, name: t.chainSystems.name, description: t.chainSystems.description })
    .from(t.chainSystems)
    .orderBy(asc(t.chainSystems.sortOrder), asc(t.chainSystems.id))
    .all();
}

export interface TreeNode {
  id: number;
  parentId: number | null;
  level: NodeLevel;
  name: string;
  path: string;
  gapStatus: GapStatus | null;
  retired: boolean;
  /** distinct pursued projects linked to this node or any node below it */
  projects: number;
  children: TreeNode[];
}

/**
 * One system as a tree, each node with the number of pursued projects serving it: a chain (and a
 * group) as chainServed counts them, a link by the links to it or below it; a project linked to two
 * links of a chain counts once for the chain. The counts are kept until anything is written.
 */
export function getChainSystemTree(actor: Actor, systemId: number) {
  const system = db().select().from(t.chainSystems).where(eq(t.chainSystems.id, systemId)).get();
  if (!system) throw new NotFoundError();
  const nodes = db()
    .select({
      id: t.chainNodes.id,
      parentId: t.chainNodes.parentId,
      level: t.chainNodes.level,
      name: t.chainNodes.name,
      path: t.chainNodes.path,
      gapStatus: t.chainNodes.gapStatus,
      retiredAt: t.chainNodes.retiredAt,
    })
    .from(t.chainNodes)
    .where(eq(t.chainNodes.systemId, systemId))
    .orderBy(asc(t.chainNodes.sortOrder), asc(t.chainNodes.id))
    .all();
  const counts = cachedFigures(`chain-tree:${systemId}:${scopeKey(actor)}`, () => {
    const below = projectsBelow(pursuedLinks(actor, eq(t.chainNodes.systemId, systemId)));
    return new Map([...below].map(([nodeId, projects]) => [nodeId, projects.size]));
  });
  const byId = new Map<number, TreeNode>();
  for (const node of nodes) {
    const { retiredAt, ...rest } = node;
    byId.set(node.id, { ...rest, retired: retiredAt !== null, projects: counts.get(node.id) ?? 0, children: [] });
  }
  const roots: TreeNode[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId === null ? undefined : byId.get(node.parentId);
    (parent ? parent.children : roots).push(node);
  }
  return { system, roots };
}

function findNode(nodeId: number) {
  const node = db().select().from(t.chainNodes).where(eq(t.chainNodes.id, nodeId)).get();
  if (!node) throw new NotFoundError();
  return node;
}

/** The names from the system down to the node, e.g. 四群八链 › 高档数控机床 › 控制检测. */
function trailOf(node: { systemId: number; path: string }) {
  const ids = node.path.split("/").filter(Boolean).map(Number);
  const names = new Map(
    db()
      .select({ id: t.chainNodes.id, name: t.chainNodes.name })
      .from(t.chainNodes)
      .where(inArray(t.chainNodes.id, ids))
      .all()
      .map((row) => [row.id, row.name]),
  );
  return ids.map((id) => ({ id, name: names.get(id) ?? "" }));
}

const TARGET_LIST_LIMIT = 100;

/**
 * A node's page: for a chain its "十个一" profile, fishbone (its link nodes with gap status and
 * projects), 储备 by snapshot row (unverified signings in 签约（待甄别）, not in 签约) and its 链主企业
 * and 重点招商对象清单; for any node its projects. Projects are the 储备 today (pursuedNow) that
 * serve the node, each once: linked to it or below it (a group's through its chains, as chainServed).
 * The counts are kept until anything is written.
 */
export function getChainNode(actor: Actor, nodeId: number) {
  const node = findNode(nodeId);
  const system = db().select().from(t.chainSystems).where(eq(t.chainSystems.id, node.systemId)).get()!;
  const children = db()
    .select({
      id: t.chainNodes.id,
      name: t.chainNodes.name,
      level: t.chainNodes.level,
      gapStatus: t.chainNodes.gapStatus,
      retiredAt: t.chainNodes.retiredAt,
      path: t.chainNodes.path,
    })
    .from(t.chainNodes)
    .where(eq(t.chainNodes.parentId, nodeId))
    .orderBy(asc(t.chainNodes.sortOrder), asc(t.chainNodes.id))
    .all();
  // the links to the node and below it, once: each child's projects (and the 补链 ones among them),
  // and the node's 储备 by snapshot row
  const { counts, pipeline } = cachedFigures(`chain-node:${nodeId}:${scopeKey(actor)}`, () => {
    const links = pursuedLinks(actor, withinSubtree(node.path));
    const below = projectsBelow(links);
    const fill = projectsBelow(links, (link) => link.role === "fill");
    const counts = new Map(children.map((child) => [child.id, { projects: below.get(child.id)?.size ?? 0, fill: fill.get(child.id)?.size ?? 0 }]));
    const byRow = new Map<PipelineRow, { projects: number; totalInvestmentUsd: number }>();
    const seen = new Set<number>();
    for (const link of links) {
      if (seen.has(link.projectId)) continue;
      seen.add(link.projectId);
      const row = byRow.get(link.row) ?? byRow.set(link.row, { projects: 0, totalInvestmentUsd: 0 }).get(link.row)!;
      row.projects += 1;
      row.totalInvestmentUsd += link.totalInvestmentUsd;
    }
    const pipeline = PIPELINE_ROWS.map((row) => ({
      row,
      label: PIPELINE_ROW_LABELS[row],
      projects: byRow.get(row)?.projects ?? 0,
      totalInvestmentUsd: byRow.get(row)?.totalInvestmentUsd ?? 0,
    }));
    return { counts, pipeline };
  });
  const companies = (role: ChainCompanyRole) =>
    db()
      .select({ id: t.companies.id, name: t.companies.name, country: t.companies.country, isFortune500: t.companies.isFortune500 })
      .from(t.chainNodeCompanies)
      .innerJoin(t.companies, eq(t.companies.id, t.chainNodeCompanies.companyId))
      .where(and(eq(t.chainNodeCompanies.nodeId, nodeId), eq(t.chainNodeCompanies.role, role), isNull(t.companies.deletedAt)))
      .orderBy(asc(t.companies.name))
      .limit(TARGET_LIST_LIMIT + 1)
      .all();
  const targets = companies("target");
  return {
    node: { ...node, retired: node.retiredAt !== null, profile: (node.profile ?? {}) as Partial<Record<ProfileField, string>> },
    system,
    trail: trailOf(node),
    children: children.map(({ retiredAt, ...child }) => ({
      ...child,
      retired: retiredAt !== null,
      projects: counts.get(child.id)?.projects ?? 0,
      fillProjects: counts.get(child.id)?.fill ?? 0,
    })),
    pipeline,
    chainLeaders: companies("chain_leader"),
    targets: targets.slice(0, TARGET_LIST_LIMIT),
    moreTargets: targets.length > TARGET_LIST_LIMIT,
  };
}

const GAP_PROJECT_LIMIT = 10;

/**
 * 缺链补链: every live 空白 and 薄弱 link with the pursued projects (pursuedNow) linked to it. Gaps
 * without any project come first, then 空白 before 薄弱; each node lists up to ten projects, each
 * with its snapshot row (an unverified signing stands at 签约（待甄别）), and counts them all.
 */
export function listChainGaps(actor: Actor, { systemId, projectLimit = GAP_PROJECT_LIMIT }: { systemId?: number; projectLimit?: number } = {}) {
  // each gap reads every project linked to it, twice (count and list): kept until anything is written,
  // a follow-up included (the projects are listed by update time)
  return cachedFigures(`chain-gaps:${systemId ?? ""}:${projectLimit}:${scopeKey(actor)}`, () => readChainGaps(actor, systemId, projectLimit), {
    followUps: true,
  });
}

function readChainGaps(actor: Actor, systemId: number | undefined, projectLimit: number) {
  const nodes = db()
    .select({
      id: t.chainNodes.id,
      name: t.chainNodes.name,
      path: t.chainNodes.path,
      gapStatus: t.chainNodes.gapStatus,
      systemId: t.chainNodes.systemId,
      systemName: t.chainSystems.name,
      projects: sql<number>`(
        select count(distinct l.project_id) from ${t.projectChainLinks} l join ${t.projects} on ${t.projects.id} = l.project_id
        where l.node_id = ${t.chainNodes.id} and l.deleted_at is null and ${pursuedBy(actor)}
      )`,
    })
    .from(t.chainNodes)
    .innerJoin(t.chainSystems, eq(t.chainSystems.id, t.chainNodes.systemId))
    .where(and(inArray(t.chainNodes.gapStatus, ["gap", "weak"]), isNull(t.chainNodes.retiredAt), systemId ? eq(t.chainNodes.systemId, systemId) : undefined))
    .all();
  nodes.sort(
    (a, b) =>
      Number(a.projects > 0) - Number(b.projects > 0) ||
      Number(a.gapStatus === "weak") - Number(b.gapStatus === "weak") ||
      a.systemId - b.systemId ||
      a.path.localeCompare(b.path),
  );
  const chainNames = new Map(
    db()
      .select({ id: t.chainNodes.id, name: t.chainNodes.name })
      .from(t.chainNodes)
      .where(eq(t.chainNodes.level, "chain"))
      .all()
      .map((row) => [row.id, row.name]),
  );
  const projectsOf = (nodeId: number) =>
    db()
      .select({ id: t.projects.id, name: t.projects.name, row: pipelineRowNow, role: t.projectChainLinks.role, ownerName: t.users.displayName })
      .from(t.projectChainLinks)
      .innerJoin(t.projects, eq(t.projects.id, t.projectChainLinks.projectId))
      .innerJoin(t.users, eq(t.users.id, t.projects.ownerId))
      .where(and(eq(t.projectChainLinks.nodeId, nodeId), isNull(t.projectChainLinks.deletedAt), pursuedBy(actor)))
      .orderBy(sql`${t.projects.updatedAt} desc`)
      .limit(projectLimit)
      .all()
      .map((project) => ({ ...project, rowLabel: PIPELINE_ROW_LABELS[project.row] }));
  return nodes.map((node) => ({
    ...node,
    gapStatus: node.gapStatus as "gap" | "weak",
    chainName:
      node.path
        .split("/")
        .filter(Boolean)
        .map(Number)
        .map((id) => chainNames.get(id))
        .find(Boolean) ?? null,
    projectList: node.projects > 0 ? projectsOf(node.id) : [],
  }));
}

// ── projects ↔ nodes ──────────────────────────────────────────────────────

/** The chain nodes a project serves, with the trail of each. */
export function listProjectChainLinks(projectId: number) {
  const rows = projectChainLinksStatement().all({ projectId });
  // most projects serve no node: the labels read every node, so only when there is one to label
  if (rows.length === 0) return [];
  const labels = nodeLabels();
  return rows.map((row) => ({ ...row, label: labels.get(row.nodeId) ?? "" }));
}

// Read on every view of a project page: built and prepared once.
const projectChainLinksStatement = preparedOnce(() =>
  db()
    .select({
      id: t.projectChainLinks.id,
      nodeId: t.chainNodes.id,
      role: t.projectChainLinks.role,
      systemId: t.chainNodes.systemId,
      path: t.chainNodes.path,
      gapStatus: t.chainNodes.gapStatus,
    })
    .from(t.projectChainLinks)
    .innerJoin(t.chainNodes, eq(t.chainNodes.id, t.projectChainLinks.nodeId))
    .where(and(eq(t.projectChainLinks.projectId, sql.placeholder("projectId")), isNull(t.projectChainLinks.deletedAt)))
    .orderBy(asc(t.projectChainLinks.id))
    .prepare(),
);

const allNodesStatement = preparedOnce(() =>
  db()
    .select({
      id: t.chainNodes.id,
      name: t.chainNodes.name,
      path: t.chainNodes.path,
      level: t.chainNodes.level,
      gapStatus: t.chainNodes.gapStatus,
      retiredAt: t.chainNodes.retiredAt,
      systemName: t.chainSystems.name,
    })
    .from(t.chainNodes)
    .innerJoin(t.chainSystems, eq(t.chainSystems.id, t.chainNodes.systemId))
    .orderBy(asc(t.chainSystems.sortOrder), asc(t.chainSystems.id), asc(t.chainNodes.path))
    .prepare(),
);

/** Every node in tree order with its trail, "四群八链 › 高档数控机床 › 控制检测". */
/** Every node with its trail as a label; read by the project list's filters and the project page on every view, so kept until the next write. */
function labelledNodes() {
  return cachedFigures("chain-node-labels", () => {
    const nodes = allNodesStatement().all();
    const names = new Map(nodes.map((node) => [node.id, node.name]));
    return nodes.map((node) => ({
      ...node,
      label: [
        node.systemName,
        ...node.path
          .split("/")
          .filter(Boolean)
          .map((id) => names.get(Number(id))),
      ].join(" › "),
    }));
  });
}

function nodeLabels(): Map<number, string> {
  return new Map(labelledNodes().map((node) => [node.id, node.label]));
}

/** The project list's 产业链 filter: every node, retired ones included (their links stay). */
export function listChainFilterChoices() {
  return labelledNodes().map((node) => ({ id: node.id, label: node.retiredAt === null ? node.label : `${node.label}（已停用）` }));
}

/** The nodes a project can be linked to: live chains and links, in tree order. */
export function listChainNodeChoices() {
  return labelledNodes()
    .filter((node) => node.retiredAt === null && node.level !== "group")
    .map((node) => ({ id: node.id, label: node.gapStatus ? `${node.label}（${GAP_STATUS_LABELS[node.gapStatus]}）` : node.label }));
}

/** 关联: the project serves the node as 补链/强链/延链. Only editors of the project; never a retired node. */
export function linkProjectToChainNode({ actor, projectId, data }: { actor: Actor; projectId: number; data: ChainLinkInput }): number {
  requireProjectAccess(actor, projectId, "edit");
  const node = db().select().from(t.chainNodes).where(eq(t.chainNodes.id, data.nodeId)).get();
  if (!node || node.level === "group") throw new InvalidError({ nodeId: "请选择产业链或环节" });
  if (node.retiredAt !== null) throw new InvalidError({ nodeId: "该节点已停用，不能再关联项目" });
  return db().transaction((tx) => {
    const existing = tx
      .select({ id: t.projectChainLinks.id })
      .from(t.projectChainLinks)
      .where(and(eq(t.projectChainLinks.projectId, projectId), eq(t.projectChainLinks.nodeId, data.nodeId), isNull(t.projectChainLinks.deletedAt)))
      .get();
    if (existing) throw new InvalidError({ nodeId: "项目已关联该节点" });
    const { id } = tx
      .insert(t.projectChainLinks)
      .values({ projectId, nodeId: data.nodeId, role: data.role, createdBy: actor.id })
      .returning({ id: t.projectChainLinks.id })
      .get();
    writeAudit(tx, {
      entityType: "project",
      entityId: projectId,
      action: "update",
      userId: actor.id,
      changes: { chainLink: [null, `${node.name}（${LINK_ROLE_LABELS[data.role]}）`] },
    });
    return id;
  });
}

export function unlinkProjectFromChainNode({ actor, projectId, linkId }: { actor: Actor; projectId: number; linkId: number }): void {
  requireProjectAccess(actor, projectId, "edit");
  db().transaction((tx) => {
    const link = tx
      .select({ id: t.projectChainLinks.id, role: t.projectChainLinks.role, nodeName: t.chainNodes.name })
      .from(t.projectChainLinks)
      .innerJoin(t.chainNodes, eq(t.chainNodes.id, t.projectChainLinks.nodeId))
      .where(and(eq(t.projectChainLinks.id, linkId), eq(t.projectChainLinks.projectId, projectId), isNull(t.projectChainLinks.deletedAt)))
      .get();
    if (!link) throw new NotFoundError();
    tx.update(t.projectChainLinks).set({ deletedAt: Date.now() }).where(eq(t.projectChainLinks.id, linkId)).run();
    writeAudit(tx, {
      entityType: "project",
      entityId: projectId,
      action: "update",
      userId: actor.id,
      changes: { chainLink: [`${link.nodeName}（${LINK_ROLE_LABELS[link.role]}）`, null] },
    });
  });
}

// ── the administrator's upkeep ────────────────────────────────────────────

const CHILD_LEVELS: Record<NodeLevel, readonly NodeLevel[]> = { group: ["chain"], chain: ["link"], link: ["link"] };

function checkPlacement(level: NodeLevel, parent: { level: NodeLevel; retiredAt: number | null } | null): void {
  if (parent === null) {
    if (level === "link") throw new InvalidError({ parentId: "环节须放在某条产业链之下" });
    return;
  }
  if (parent.retiredAt !== null) throw new InvalidError({ parentId: "上级节点已停用" });
  if (!CHILD_LEVELS[parent.level].includes(level)) throw new InvalidError({ parentId: "上级节点的层级不对" });
}

function checkGapStatus(level: NodeLevel, gapStatus: GapStatus | null): void {
  if (gapStatus !== null && level !== "link") throw new InvalidError({ gapStatus: "只有环节有链环状态" });
}

export function createChainNode({ actor, data }: { actor: Actor; data: NewNodeInput }): number {
  assertCan(actor, "admin:system");
  const parent = data.parentId === null ? null : findNode(data.parentId);
  if (parent && parent.systemId !== data.systemId) throw new InvalidError({ parentId: "上级节点不在该体系中" });
  if (!db().select({ id: t.chainSystems.id }).from(t.chainSystems).where(eq(t.chainSystems.id, data.systemId)).get()) throw new NotFoundError();
  checkPlacement(data.level, parent);
  checkGapStatus(data.level, data.gapStatus);
  return db().transaction((tx) => {
    const last = tx
      .select({ sortOrder: sql<number>`coalesce(max(${t.chainNodes.sortOrder}), 0)` })
      .from(t.chainNodes)
      .where(and(eq(t.chainNodes.systemId, data.systemId), data.parentId === null ? isNull(t.chainNodes.parentId) : eq(t.chainNodes.parentId, data.parentId)))
      .get()!;
    const { id } = tx
      .insert(t.chainNodes)
      .values({
        systemId: data.systemId,
        parentId: data.parentId,
        level: data.level,
        name: data.name,
        gapStatus: data.gapStatus,
        path: "/",
        sortOrder: last.sortOrder + 1,
      })
      .returning({ id: t.chainNodes.id })
      .get();
    tx.update(t.chainNodes)
      .set({ path: `${parent?.path ?? "/"}${id}/` })
      .where(eq(t.chainNodes.id, id))
      .run();
    writeAudit(tx, {
      entityType: "chain_node",
      entityId: id,
      action: "create",
      userId: actor.id,
      changes: { name: [null, data.name], level: [null, data.level], parentId: [null, data.parentId] },
    });
    return id;
  });
}

/** Rename, set the gap status, move under another parent (the subtree moves with it). */
export function updateChainNode({ actor, nodeId, data }: { actor: Actor; nodeId: number; data: NodeInput }): void {
  assertCan(actor, "admin:system");
  const node = findNode(nodeId);
  checkGapStatus(node.level, data.gapStatus);
  const moving = data.parentId !== node.parentId;
  let newPath = node.path;
  if (moving) {
    const parent = data.parentId === null ? null : findNode(data.parentId);
    if (parent && (parent.systemId !== node.systemId || parent.path.startsWith(node.path))) {
      throw new InvalidError({ parentId: "不能移到自身或其下级之下" });
    }
    checkPlacement(node.level, parent);
    newPath = `${parent?.path ?? "/"}${node.id}/`;
  }
  const changes: Changes = {};
  if (data.name !== node.name) changes.name = [node.name, data.name];
  if (data.gapStatus !== node.gapStatus) changes.gapStatus = [node.gapStatus, data.gapStatus];
  if (moving) changes.parentId = [node.parentId, data.parentId];
  db().transaction((tx) => {
    updateVersioned(tx, {
      table: t.chainNodes,
      entityType: "chain_node",
      id: nodeId,
      version: data.version,
      values: { name: data.name, gapStatus: data.gapStatus, parentId: data.parentId },
      before: node,
      userId: actor.id,
      changes,
    });
    if (moving) {
      tx.run(sql`update ${t.chainNodes} set path = ${newPath} || substr(path, ${node.path.length + 1}) where ${withinSubtree(node.path)}`);
    }
  });
}

export function updateChainProfile({ actor, nodeId, data }: { actor: Actor; nodeId: number; data: ProfileInput }): void {
  assertCan(actor, "admin:system");
  const node = findNode(nodeId);
  if (node.level !== "chain") throw new InvalidError({}, "只有产业链有“十个一”档案");
  const { version, ...fields } = data;
  const profile = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null)) as Record<string, string>;
  db().transaction((tx) => {
    updateVersioned(tx, {
      table: t.chainNodes,
      entityType: "chain_node",
      id: nodeId,
      version,
      values: { profile },
      before: node,
      userId: actor.id,
      changes: { profile: [node.profile ?? null, profile] },
    });
  });
}

/**
 * 停用: the node and everything below it take no new project links; existing links, counts and
 * history stay. Nothing is deleted; 恢复 brings the node (and its subtree) back.
 */
export function setChainNodeRetired({ actor, nodeId, retired, version }: { actor: Actor; nodeId: number; retired: boolean; version: number }): void {
  assertCan(actor, "admin:system");
  const node = findNode(nodeId);
  if (!retired && node.parentId !== null && findNode(node.parentId).retiredAt !== null) {
    throw new InvalidError({}, "上级节点已停用，请先恢复上级节点");
  }
  const at = retired ? Date.now() : null;
  db().transaction((tx) => {
    // retiredAt, not deletedAt: the node stays in the tree, so this is not the helper's soft delete
    updateVersioned(tx, {
      table: t.chainNodes,
      entityType: "chain_node",
      id: nodeId,
      version,
      values: { retiredAt: at },
      before: node,
      userId: actor.id,
      action: retired ? "delete" : "restore",
      changes: null,
    });
    tx.update(t.chainNodes)
      .set({ retiredAt: at })
      .where(and(withinSubtree(node.path), sql`${t.chainNodes.id} <> ${nodeId}`))
      .run();
  });
}

/** A group stays at the top of its system; chains sit at the top or in a group; links under a chain or a link. */
const CHILD_PARENT_LEVELS: Record<NodeLevel, NodeLevel[]> = { group: [], chain: ["group"], link: ["chain", "link"] };

/** Nodes a node may be moved under (same system, not itself or below it, live). */
export function listParentChoices(nodeId: number) {
  const node = findNode(nodeId);
  const labels = nodeLabels();
  return db()
    .select({ id: t.chainNodes.id, level: t.chainNodes.level, path: t.chainNodes.path })
    .from(t.chainNodes)
    .where(
      and(
        eq(t.chainNodes.systemId, node.systemId),
        isNull(t.chainNodes.retiredAt),
        inArray(t.chainNodes.level, [...CHILD_PARENT_LEVELS[node.level], "__none__" as NodeLevel]),
      ),
    )
    .orderBy(asc(t.chainNodes.path))
    .all()
    .filter((candidate) => !candidate.path.startsWith(node.path))
    .map((candidate) => ({ id: candidate.id, label: labels.get(candidate.id) ?? "" }));
}

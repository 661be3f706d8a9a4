/**
 * Reference data of DESIGN.md §5: Pinghu's units, lead channels, industry-chain systems, parks and
 * policies, as published by the county. Only what the sources say is entered; the rest (the full
 * list of eight chains, chain-to-cluster mapping, link gap statuses, clause texts, land figures)
 * is left for the administrator.
 *
 * Idempotent: each section is written only while its table is still empty (chain systems: while
 * the system's code is absent), so a re-run never duplicates rows nor undoes an administrator's
 * renames and deletions.
 */
import { count, eq, isNull, and } from "drizzle-orm";
import type { Db, Tx } from "../db/client";
import { channels, chainNodes, chainSystems, parkFocusChains, parks, policies, units } from "../db/schema";

type UnitKind = (typeof units.$inferInsert)["kind"];

export const REFERENCE_UNITS: ReadonlyArray<readonly [name: string, kind: NonNullable<UnitKind>]> = [
  ["投资促进中心", "center"],
  ["平湖经济技术开发区", "zone"],
  ["独山港经济开发区", "zone"],
  ["张江长三角科技城平湖园", "zone"],
  ["新埭镇", "town"],
  ["当湖街道", "town"],
  ["钟埭街道", "town"],
  ["曹桥街道", "town"],
  ["广陈镇", "town"],
  ["林埭镇", "town"],
  ["新仓镇", "town"],
];

export const REFERENCE_CHANNELS = [
  "驻点招商",
  "以商招商",
  "中介招商",
  "基金招商",
  "产业链精准推介",
  "展会/进博会",
  "云招商",
  "外出招商",
  "上级推送",
  "企业自荐",
  "其他",
] as const;

interface NodeSpec {
  level: "group" | "chain" | "link";
  name: string;
  children?: NodeSpec[];
}

interface SystemSpec {
  code: string;
  name: string;
  description: string;
  nodes: NodeSpec[];
}

const links = (...names: string[]): NodeSpec[] => names.map((name) => ({ level: "link", name }));
const chains = (...names: string[]): NodeSpec[] => names.map((name) => ({ level: "chain", name }));

export const REFERENCE_CHAIN_SYSTEMS: readonly SystemSpec[] = [
  {
    code: "4q8l",
    name: "四群八链",
    description:
      "平湖市2023年提出：新一代信息技术、高端装备、新材料、生命健康四个国家级产业集群和八条产业链。" +
      "已公布的产业链暂列在体系之下，八条链的完整名单及其所属产业群待管理员补充、调整。",
    nodes: [
      { level: "group", name: "新一代信息技术" },
      { level: "group", name: "高端装备" },
      { level: "group", name: "新材料" },
      { level: "group", name: "生命健康" },
      { level: "chain", name: "新能源汽车" },
      { level: "chain", name: "光电通信" },
      {
        level: "chain",
        name: "高档数控机床",
        children: links("机床整机", "驱动装置", "控制检测", "刀具刀塔", "传动机械", "床身线缆"),
      },
      {
        level: "chain",
        name: "集成电路",
        children: links("芯片设计", "功率模块制造", "先进封装测试", "半导体装备制造"),
      },
    ],
  },
  {
    code: "1212",
    name: "1212现代产业体系",
    description: "1个先导产业、2个战略性主导产业、1个时尚产业、2个未来产业。",
    nodes: [
      { level: "group", name: "1 先导产业", children: chains("数字经济") },
      { level: "group", name: "2 战略性主导产业", children: chains("高端装备制造", "新材料") },
      { level: "group", name: "1 时尚产业", children: chains("服装", "箱包") },
      { level: "group", name: "2 未来产业", children: chains("新能源", "生命健康") },
    ],
  },
];

type ParkInsert = typeof parks.$inferInsert;

interface ParkSpec {
  name: string;
  kind: ParkInsert["kind"];
  focusCountries?: string[];
  description: string;
  children?: ParkSpec[];
  /** chain nodes (system code, node name) the park courts */
  focusChains?: Array<[systemCode: string, nodeName: string]>;
}

export const REFERENCE_PARKS: readonly ParkSpec[] = [
  {
    name: "平湖经济技术开发区",
    kind: "development_zone",
    description: "2013年升格为国家级经济技术开发区。",
    children: [
      {
        name: "中日（平湖）产业合作园",
        kind: "country_park",
        focusCountries: ["JP"],
        description: "浙江省首批国际产业合作园（2015年），集聚日资企业130余家。",
      },
      {
        name: "中德（平湖）产业合作园",
        kind: "country_park",
        focusCountries: ["DE"],
        description: "面向德国企业的国别产业合作园。",
      },
    ],
  },
  {
    name: "独山港经济开发区",
    kind: "development_zone",
    description: "临港开发区，重点发展新材料等产业。",
  },
  {
    name: "张江长三角科技城平湖园",
    kind: "science_city",
    description: "位于新埭镇，重点发展集成电路、智能制造、电子信息、生命健康等产业。",
    focusChains: [["4q8l", "集成电路"]],
  },
];

type PolicyInsert = typeof policies.$inferInsert;

export const REFERENCE_POLICIES: ReadonlyArray<Pick<PolicyInsert, "level" | "docNumber" | "title" | "issuer" | "summary">> = [
  {
    level: "provincial",
    docNumber: "浙政办发〔2023〕22号",
    title: "关于更大力度吸引和利用外资工作的若干措施",
    issuer: "浙江省人民政府办公厅",
    summary: "省级稳外资政策，对当年实际使用外资给予奖励。条款原文待录入。",
  },
  {
    level: "county",
    docNumber: "平政发〔2023〕23号",
    title: "平湖市“强链壮群”加快构建现代产业体系的实施方案",
    issuer: "平湖市人民政府",
    summary: "“四群八链”产业链招商的实施方案。条款原文待录入。",
  },
  {
    level: "county",
    docNumber: null,
    title: "双招双引“百日攻坚”行动实施方案",
    issuer: "平湖市",
    summary: "文号待补充，条款原文待录入。",
  },
  {
    level: "county",
    docNumber: null,
    title: "平湖市持续推动开放型经济稳定发展的若干政策意见",
    issuer: "平湖市",
    summary: "文号待补充，条款原文待录入。",
  },
  {
    level: "county",
    docNumber: null,
    title: "2023年全市“招大育强”专项行动方案",
    issuer: "平湖市",
    summary: "文号待补充，条款原文待录入。",
  },
];

function isEmpty(tx: Tx, table: typeof units | typeof channels | typeof parks | typeof policies): boolean {
  const row = tx.select({ n: count() }).from(table).get();
  return (row?.n ?? 0) === 0;
}

function seedUnits(tx: Tx): void {
  if (!isEmpty(tx, units)) return;
  REFERENCE_UNITS.forEach(([name, kind], i) => {
    tx.insert(units)
      .values({ name, kind, sortOrder: i + 1 })
      .run();
  });
}

function seedChannels(tx: Tx): void {
  if (!isEmpty(tx, channels)) return;
  REFERENCE_CHANNELS.forEach((name, i) => {
    tx.insert(channels)
      .values({ name, sortOrder: i + 1 })
      .run();
  });
}

function insertNodes(tx: Tx, systemId: number, parent: { id: number; path: string } | null, specs: NodeSpec[]): void {
  specs.forEach((spec, i) => {
    const { id } = tx
      .insert(chainNodes)
      .values({ systemId, parentId: parent?.id ?? null, level: spec.level, name: spec.name, path: "/", sortOrder: i + 1 })
      .returning({ id: chainNodes.id })
      .get();
    const path = `${parent?.path ?? "/"}${id}/`;
    tx.update(chainNodes).set({ path }).where(eq(chainNodes.id, id)).run();
    if (spec.children) insertNodes(tx, systemId, { id, path }, spec.children);
  });
}

function seedChainSystems(tx: Tx): void {
  REFERENCE_CHAIN_SYSTEMS.forEach((system, i) => {
    const existing = tx.select({ id: chainSystems.id }).from(chainSystems).where(eq(chainSystems.code, system.code)).get();
    if (existing) return;
    const { id } = tx
      .insert(chainSystems)
      .values({ code: system.code, name: system.name, description: system.description, sortOrder: i + 1 })
      .returning({ id: chainSystems.id })
      .get();
    insertNodes(tx, id, null, system.nodes);
  });
}

function findChainNode(tx: Tx, systemCode: string, nodeName: string): number | undefined {
  return tx
    .select({ id: chainNodes.id })
    .from(chainNodes)
    .innerJoin(chainSystems, eq(chainSystems.id, chainNodes.systemId))
    .where(and(eq(chainSystems.code, systemCode), eq(chainNodes.name, nodeName), isNull(chainNodes.retiredAt)))
    .get()?.id;
}

function insertParks(tx: Tx, parentId: number | null, specs: readonly ParkSpec[], order: { next: number }): void {
  for (const spec of specs) {
    const { id } = tx
      .insert(parks)
      .values({
        name: spec.name,
        kind: spec.kind,
        parentId,
        focusCountries: spec.focusCountries ?? [],
        description: spec.description,
        sortOrder: order.next++,
      })
      .returning({ id: parks.id })
      .get();
    for (const [systemCode, nodeName] of spec.focusChains ?? []) {
      const nodeId = findChainNode(tx, systemCode, nodeName);
      if (nodeId !== undefined) tx.insert(parkFocusChains).values({ parkId: id, nodeId }).run();
    }
    if (spec.children) insertParks(tx, id, spec.children, order);
  }
}

function seedParks(tx: Tx): void {
  if (!isEmpty(tx, parks)) return;
  insertParks(tx, null, REFERENCE_PARKS, { next: 1 });
}

function seedPolicies(tx: Tx): void {
  if (!isEmpty(tx, policies)) return;
  for (const policy of REFERENCE_POLICIES) tx.insert(policies).values(policy).run();
}

export function seedReference(db: Db): void {
  db.transaction((tx) => {
    seedUnits(tx);
    seedChannels(tx);
    seedChainSystems(tx);
    seedParks(tx);
    seedPolicies(tx);
  });
}

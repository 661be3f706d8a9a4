/**
 * Fictional demo data (DESIGN.md §5: "Demo data is fictional and labelled as such"): users, companies,
 * projects with a back-dated stage log and activities, chain links, demo policy clauses and
 * commitments, FDI arrivals and annual targets.
 *
 * Runs only on a database without users, so a restart never reseeds. Deterministic: dates are
 * relative to `today` and every random choice comes from a seeded generator.
 */
import { and, count, eq, isNull } from "drizzle-orm";
import type { Db, Tx } from "../db/client";
import {
  activities,
  chainNodeCompanies,
  chainNodes,
  chainSystems,
  channels,
  commitments,
  companies,
  contacts,
  fdiArrivals,
  parks,
  payouts,
  policies,
  policyClauses,
  projectChainLinks,
  projectMembers,
  projectPolicyBases,
  projects,
  stageChanges,
  statusChanges,
  targets,
  units,
  users,
} from "../db/schema";
import { hashPassword } from "../app/auth/password.server";
import { companyNameColumns } from "../app/companies/company-name";
import { projectSearchTextOf, searchTextOf } from "../app/companies/name-folding";
import type { ActivityType, Role } from "../app/domain/codes";
import { addDays, daysBetween, today as businessToday } from "../app/lib/dates";
import { SIGNED_INDEX, STAGE_LABELS, STAGES, stageIndex, type ProjectType, type Stage, type Status } from "../app/projects/stages";
import { contactEmail, contactPhone } from "./shared/contacts";
import { instantOn, wan } from "./shared/convert";
import { Random } from "./shared/random";
import {
  abroadPlace,
  closingActivity,
  firstActivityType,
  FORWARD_NOTES,
  NEXT_STEP_BY_STAGE,
  PAPERWORK_BY_STAGE,
  PAUSED_FOLLOW_UP,
} from "./shared/reference-maps";
import { pinghuUscc } from "./shared/uscc";

export const DEMO_PASSWORD = "demo1234";

/** the seed of the demo's random choices: changing it changes every generated date and figure */
const DEMO_SEED = 0x5eed_2023;

// ── the demo world: every name below is made up ──────────────────────────

export type UserKey = "admin" | "leader" | "officer" | "officer2" | "officer3" | "officer4" | "officer5" | "staff";

export interface DemoUser {
  key: UserKey;
  displayName: string;
  role: Role;
  unit: string;
}

export const DEMO_USERS: readonly DemoUser[] = [
  { key: "admin", displayName: "系统管理员", role: "admin", unit: "投资促进中心" },
  { key: "leader", displayName: "王局长", role: "leader", unit: "投资促进中心" },
  { key: "officer", displayName: "李招商", role: "officer", unit: "投资促进中心" },
  { key: "officer2", displayName: "张招商", role: "officer", unit: "平湖经济技术开发区" },
  { key: "officer3", displayName: "周招商", role: "officer", unit: "独山港经济开发区" },
  { key: "officer4", displayName: "吴招商", role: "officer", unit: "张江长三角科技城平湖园" },
  { key: "officer5", displayName: "徐招商", role: "officer", unit: "新埭镇" },
  { key: "staff", displayName: "陈统计", role: "staff", unit: "投资促进中心" },
];

export interface DemoCompany {
  key: string;
  name: string;
  foreignName: string;
  country: string;
  /** headquarters city (Chinese), used for 外出招商 places */
  hq: string;
  industry: string;
  /** 存量外资企业: already invested in Pinghu, gets a USCC and city 平湖 */
  existing?: boolean;
  fortune500?: boolean;
  chainLeader?: boolean;
  about: string;
  contacts: Array<[name: string, title: string, language: string]>;
  /** mail domain, always under the reserved .example TLD */
  domain: string;
}

export const DEMO_COMPANIES: readonly DemoCompany[] = [
  // Japan
  {
    key: "rinwa",
    name: "凛和精机（平湖）有限公司",
    foreignName: "株式会社リンワ精機",
    country: "JP",
    hq: "大阪",
    industry: "数控机床零部件",
    existing: true,
    chainLeader: true,
    about: "日本精密主轴和机床功能部件制造商，已在平湖设有生产基地。",
    contacts: [
      ["佐藤健一", "中国区总经理", "日语"],
      ["高桥美咲", "经营企划部课长", "日语"],
    ],
    domain: "rinwa-seiki",
  },
  {
    key: "toyushio",
    name: "丰汐汽车部件（平湖）有限公司",
    foreignName: "豊汐オートパーツ株式会社",
    country: "JP",
    hq: "名古屋",
    industry: "汽车零部件",
    existing: true,
    chainLeader: true,
    about: "汽车电驱动和底盘部件供应商，已在平湖投资设厂。",
    contacts: [["田中浩二", "总经理", "日语"]],
    domain: "toyushio-auto",
  },
  {
    key: "asanagi",
    name: "朝凪电子株式会社",
    foreignName: "朝凪エレクトロニクス株式会社",
    country: "JP",
    hq: "京都",
    industry: "电子元器件",
    about: "车载传感器及电子元器件制造商。",
    contacts: [
      ["渡边诚", "海外事业部部长", "日语"],
      ["伊藤由纪", "投资企划担当", "日语"],
    ],
    domain: "asanagi-elec",
  },
  {
    key: "hoshimine",
    name: "星峰化学工业株式会社",
    foreignName: "星峰化学工業株式会社",
    country: "JP",
    hq: "东京",
    industry: "功能性膜材料",
    fortune500: true,
    about: "功能性薄膜和高分子材料企业集团（虚构的世界500强）。",
    contacts: [["山本聪", "中国事业本部长", "日语"]],
    domain: "hoshimine-chem",
  },
  {
    key: "minaao",
    name: "水蓝医疗器械株式会社",
    foreignName: "株式会社ミナアオメディカル",
    country: "JP",
    hq: "大阪",
    industry: "医疗器械",
    about: "微创手术器械制造商。",
    contacts: [["中村大辅", "执行董事", "日语"]],
    domain: "minaao-medical",
  },
  {
    key: "kuon",
    name: "久远光学株式会社",
    foreignName: "久遠光学株式会社",
    country: "JP",
    hq: "滨松",
    industry: "光通信器件",
    about: "光学镜片与光通信模块制造商。",
    contacts: [["小林惠", "营业本部长", "日语"]],
    domain: "kuon-optics",
  },
  {
    key: "kurei",
    name: "鹤岭机工株式会社",
    foreignName: "鶴嶺機工株式会社",
    country: "JP",
    hq: "横滨",
    industry: "精密减速机",
    about: "精密减速机和传动部件制造商。",
    contacts: [
      ["加藤隆", "社长", "日语"],
      ["吉田直人", "生产技术部长", "日语"],
    ],
    domain: "kurei-kiko",
  },
  {
    key: "aoiha",
    name: "葵叶箱包株式会社",
    foreignName: "株式会社アオイハ・バッグ",
    country: "JP",
    hq: "神户",
    industry: "箱包",
    about: "中高端旅行箱包品牌企业。",
    contacts: [["山田翔太", "采购部长", "日语"]],
    domain: "aoiha-bag",
  },
  {
    key: "setsuran",
    name: "雪岚半导体株式会社",
    foreignName: "雪嵐セミコンダクター株式会社",
    country: "JP",
    hq: "福冈",
    industry: "功率半导体封装",
    about: "功率半导体模块封装企业。",
    contacts: [["松本亮", "中国事业推进室长", "日语"]],
    domain: "setsuran-semi",
  },
  {
    key: "harene",
    name: "晴岭刃具株式会社",
    foreignName: "晴嶺ツール株式会社",
    country: "JP",
    hq: "岐阜",
    industry: "刀具刀塔",
    about: "数控刀具与刀塔制造商。",
    contacts: [["井上隼人", "常务董事", "日语"]],
    domain: "harene-tool",
  },
  {
    key: "kazama",
    name: "风间纺织株式会社",
    foreignName: "風間テキスタイル株式会社",
    country: "JP",
    hq: "大阪",
    industry: "功能性面料",
    about: "功能性服装面料企业。",
    contacts: [],
    domain: "kazama-textile",
  },
  // Germany
  {
    key: "kleinwald",
    name: "克莱因瓦尔德精密技术有限公司",
    foreignName: "Kleinwald Präzisionstechnik GmbH",
    country: "DE",
    hq: "斯图加特",
    industry: "五轴数控机床",
    about: "五轴联动数控机床整机制造商。",
    contacts: [
      ["Markus Weber", "总经理", "德语"],
      ["Anna Schneider", "亚洲业务拓展经理", "英语"],
    ],
    domain: "kleinwald-praezision",
  },
  {
    key: "neuberg",
    name: "诺伊贝格驱动技术有限公司",
    foreignName: "Neuberg Antriebstechnik GmbH",
    country: "DE",
    hq: "慕尼黑",
    industry: "伺服驱动",
    about: "伺服电机和驱动器制造商。",
    contacts: [["Thomas Fischer", "国际业务副总裁", "德语"]],
    domain: "neuberg-antrieb",
  },
  {
    key: "steinhof",
    name: "施泰因霍夫传感技术有限公司",
    foreignName: "Steinhof Sensorik GmbH",
    country: "DE",
    hq: "纽伦堡",
    industry: "测量与控制检测",
    about: "机床在线测量与控制检测系统供应商。",
    contacts: [["Julia Becker", "亚太区总监", "德语"]],
    domain: "steinhof-sensorik",
  },
  {
    key: "falkenried",
    name: "法肯里德汽车电子股份公司",
    foreignName: "Falkenried Automotive Elektronik AG",
    country: "DE",
    hq: "斯图加特",
    industry: "新能源汽车电子",
    fortune500: true,
    chainLeader: true,
    about: "汽车电子和电驱系统集团（虚构的世界500强）。",
    contacts: [
      ["Stefan Hoffmann", "中国区总裁", "德语"],
      ["Katrin Wagner", "投资项目经理", "英语"],
    ],
    domain: "falkenried-ae",
  },
  {
    key: "weissachtal",
    name: "魏萨赫塔尔塑料科技（平湖）有限公司",
    foreignName: "Weißachtal Kunststofftechnik GmbH",
    country: "DE",
    hq: "法兰克福",
    industry: "工程塑料",
    existing: true,
    about: "工程塑料改性企业，已在独山港投资设厂。",
    contacts: [["Michael Braun", "工厂总经理", "德语"]],
    domain: "weissachtal-kt",
  },
  {
    key: "bergquell",
    name: "贝格奎尔医疗技术有限公司",
    foreignName: "Bergquell Medizintechnik GmbH",
    country: "DE",
    hq: "汉堡",
    industry: "医疗影像设备",
    about: "医疗影像设备制造商。",
    contacts: [["Sabine Krüger", "亚洲市场负责人", "德语"]],
    domain: "bergquell-mt",
  },
  {
    key: "ostwind",
    name: "奥斯特温德能源系统有限公司",
    foreignName: "Ostwind Energiesysteme GmbH",
    country: "DE",
    hq: "德累斯顿",
    industry: "储能系统",
    about: "工商业储能系统集成商。",
    contacts: [["Jan Schulz", "首席财务官", "德语"]],
    domain: "ostwind-energie",
  },
  {
    key: "halbmond",
    name: "哈尔布蒙德模具有限公司",
    foreignName: "Halbmond Werkzeugbau GmbH",
    country: "DE",
    hq: "杜塞尔多夫",
    industry: "精密模具",
    about: "小型精密模具企业。",
    contacts: [],
    domain: "halbmond-wzb",
  },
  // Korea
  {
    key: "daeyul",
    name: "大律汽车部件株式会社",
    foreignName: "대율오토파츠 주식회사",
    country: "KR",
    hq: "仁川",
    industry: "新能源汽车热管理",
    about: "新能源汽车热管理部件供应商。",
    contacts: [["金敏俊", "中国法人长", "韩语"]],
    domain: "daeyul-auto",
  },
  {
    key: "haneul",
    name: "韩乐新材料株式会社",
    foreignName: "하늘소재 주식회사",
    country: "KR",
    hq: "蔚山",
    industry: "电池隔膜",
    about: "锂电池隔膜材料企业。",
    contacts: [["李瑞妍", "战略企划室长", "韩语"]],
    domain: "haneul-materials",
  },
  {
    key: "baekho",
    name: "白虎半导体株式会社",
    foreignName: "백호반도체 주식회사",
    country: "KR",
    hq: "水原",
    industry: "半导体设备零部件",
    about: "刻蚀设备零部件企业。",
    contacts: [["朴志勋", "代表理事", "韩语"]],
    domain: "baekho-semi",
  },
  {
    key: "solbio",
    name: "率生物株式会社",
    foreignName: "솔바이오 주식회사",
    country: "KR",
    hq: "首尔",
    industry: "细胞培养基",
    about: "细胞培养基研发企业。",
    contacts: [["崔有真", "事业开发部长", "韩语"]],
    domain: "solbio-kr",
  },
  // Hong Kong
  {
    key: "hanglan",
    name: "恒澜控股有限公司",
    foreignName: "Hang Lan Holdings Limited",
    country: "HK",
    hq: "香港",
    industry: "智能仓储物流",
    about: "物流地产与智能仓储投资企业。",
    contacts: [["陈志明", "董事总经理", "中文"]],
    domain: "hanglan-holdings",
  },
  {
    key: "waiching",
    name: "汇澄实业（平湖）有限公司",
    foreignName: "Wai Ching Industrial Limited",
    country: "HK",
    hq: "香港",
    industry: "服装",
    existing: true,
    about: "服装代工企业，已在平湖设厂多年。",
    contacts: [["黄嘉欣", "厂长", "中文"]],
    domain: "waiching-ind",
  },
  {
    key: "kingchuen",
    name: "璟川科技有限公司",
    foreignName: "King Chuen Technology Limited",
    country: "HK",
    hq: "香港",
    industry: "消费电子组件",
    about: "消费电子结构件和组件供应商。",
    contacts: [["李国伟", "董事", "中文"]],
    domain: "kingchuen-tech",
  },
  {
    key: "chunka",
    name: "峻嘉供应链管理有限公司",
    foreignName: "Chun Ka Supply Chain Management Limited",
    country: "HK",
    hq: "香港",
    industry: "冷链仓储",
    about: "冷链仓储与供应链管理企业。",
    contacts: [["吴婉婷", "投资总监", "中文"]],
    domain: "chunka-scm",
  },
  // Taiwan
  {
    key: "jingdai",
    name: "晶岱电子股份有限公司",
    foreignName: "晶岱電子股份有限公司",
    country: "TW",
    hq: "新竹",
    industry: "光电显示模组",
    about: "光电显示模组制造商。",
    contacts: [["林建宏", "副总经理", "中文"]],
    domain: "jingdai-elec",
  },
  {
    key: "songyue",
    name: "崧岳机械（平湖）有限公司",
    foreignName: "崧岳機械股份有限公司",
    country: "TW",
    hq: "台中",
    industry: "数控机床铸件",
    existing: true,
    about: "机床床身铸件和结构件企业，已在平湖设厂。",
    contacts: [
      ["王志豪", "总经理", "中文"],
      ["张雅婷", "财务经理", "中文"],
    ],
    domain: "songyue-mach",
  },
  {
    key: "dingyuan",
    name: "鼎沅化工股份有限公司",
    foreignName: "鼎沅化工股份有限公司",
    country: "TW",
    hq: "高雄",
    industry: "电子化学品",
    about: "电子级湿化学品企业。",
    contacts: [["刘怡君", "专案经理", "中文"]],
    domain: "dingyuan-chem",
  },
  {
    key: "hewei",
    name: "禾蔚箱包股份有限公司",
    foreignName: "禾蔚箱包股份有限公司",
    country: "TW",
    hq: "台北",
    industry: "箱包",
    about: "箱包设计与制造企业。",
    contacts: [["郑文杰", "董事长", "中文"]],
    domain: "hewei-bags",
  },
  // United States
  {
    key: "brightwater",
    name: "明水光子公司",
    foreignName: "Brightwater Photonics, Inc.",
    country: "US",
    hq: "圣何塞",
    industry: "硅光芯片",
    about: "硅光芯片与光模块企业。",
    contacts: [["David Miller", "亚洲运营副总裁", "英语"]],
    domain: "brightwater-photonics",
  },
  {
    key: "cedar",
    name: "雪松岭生物公司",
    foreignName: "Cedar Ridge Biologics, Inc.",
    country: "US",
    hq: "波士顿",
    industry: "抗体药物",
    about: "抗体药物研发企业。",
    contacts: [["Sarah Johnson", "业务拓展负责人", "英语"]],
    domain: "cedarridge-bio",
  },
  {
    key: "ironvale",
    name: "铁谷运动控制（平湖）有限公司",
    foreignName: "Ironvale Motion Systems Corp.",
    country: "US",
    hq: "底特律",
    industry: "伺服电机",
    existing: true,
    fortune500: true,
    about: "运动控制与伺服电机集团（虚构的世界500强），已在平湖设厂。",
    contacts: [
      ["Kevin Brown", "中国区总经理", "英语"],
      ["刘洋", "厂长", "中文"],
    ],
    domain: "ironvale-motion",
  },
  {
    key: "northmark",
    name: "诺斯马克半导体公司",
    foreignName: "Northmark Semiconductor Corp.",
    country: "US",
    hq: "奥斯汀",
    industry: "功率器件",
    about: "功率半导体器件企业。",
    contacts: [["Emily Davis", "企业发展总监", "英语"]],
    domain: "northmark-semi",
  },
  // Other Europe
  {
    key: "valmorin",
    name: "瓦尔莫兰材料公司",
    foreignName: "Valmorin Matériaux SA",
    country: "FR",
    hq: "里昂",
    industry: "特种涂层材料",
    about: "工业特种涂层材料企业。",
    contacts: [["Claire Martin", "亚洲区总监", "法语"]],
    domain: "valmorin",
  },
  {
    key: "castellura",
    name: "卡斯泰卢拉皮具公司",
    foreignName: "Castellura Pelletteria S.p.A.",
    country: "IT",
    hq: "佛罗伦萨",
    industry: "皮具箱包",
    about: "意大利皮具箱包品牌。",
    contacts: [["Marco Rossi", "首席执行官", "意大利语"]],
    domain: "castellura",
  },
  {
    key: "zeevlam",
    name: "泽弗拉姆能源公司",
    foreignName: "Zeevlam Energy B.V.",
    country: "NL",
    hq: "鹿特丹",
    industry: "氢能装备",
    about: "电解槽与氢能装备企业。",
    contacts: [["Pieter de Vries", "业务拓展总监", "荷兰语"]],
    domain: "zeevlam",
  },
  {
    key: "alpenfirn",
    name: "阿尔彭菲恩精密公司",
    foreignName: "Alpenfirn Präzision AG",
    country: "CH",
    hq: "苏黎世",
    industry: "精密医疗部件",
    about: "精密医疗器械部件制造商。",
    contacts: [["Lukas Meier", "运营总监", "德语"]],
    domain: "alpenfirn",
  },
  {
    key: "thistledown",
    name: "蓟绒服饰有限公司",
    foreignName: "Thistledown Fashion Ltd",
    country: "GB",
    hq: "曼彻斯特",
    industry: "服装设计",
    about: "服装设计品牌。",
    contacts: [["James Wilson", "创始人", "英语"]],
    domain: "thistledown",
  },
];

export const PARK = {
  zone: "平湖经济技术开发区",
  japan: "中日（平湖）产业合作园",
  germany: "中德（平湖）产业合作园",
  port: "独山港经济开发区",
  science: "张江长三角科技城平湖园",
} as const;

type PathStep = Stage | [Stage, string];

export interface DemoProject {
  key: string;
  company: string;
  name: string;
  type: ProjectType;
  /** the current stage; also the furthest reached unless `path` goes back */
  stage: Stage;
  status?: Status;
  reason?: string;
  lostTo?: string;
  owner: UserKey;
  park: string | null;
  channel: string;
  /** 总投资 in 万美元 */
  totalWan: number;
  contractedWan?: number;
  /** explicit stage log (starting with lead), for jumps and backward moves with their note */
  path?: PathStep[];
  /** active but no activity for more than 60 days (久未跟进) */
  stale?: boolean;
  /** signed but not yet verified by a leader (待甄别) */
  unverified?: boolean;
  /** days before today of the last stage change (recent signings) */
  lastStepAgo?: number;
  /**
   * a status the project went through before its current one, with its reason: an active project
   * was paused and resumed between two stage changes; another one passed through it on the way
   */
  earlierStatus?: { status: Exclude<Status, "active">; reason: string };
  members?: UserKey[];
}

export const DEMO_PROJECTS: readonly DemoProject[] = [
  // Japan
  {
    key: "rinwa-increase",
    company: "rinwa",
    name: "凛和精机数控机床主轴增资项目",
    type: "capital_increase",
    stage: "production",
    owner: "officer2",
    park: PARK.japan,
    channel: "以商招商",
    totalWan: 3000,
  },
  {
    key: "toyushio-increase",
    company: "toyushio",
    name: "丰汐汽车电驱动部件增资项目",
    type: "capital_increase",
    stage: "construction",
    owner: "officer2",
    park: PARK.japan,
    channel: "驻点招商",
    totalWan: 4500,
  },
  {
    key: "asanagi-new",
    company: "asanagi",
    name: "朝凪电子车载传感器新设项目",
    type: "new",
    stage: "negotiating",
    owner: "officer2",
    park: PARK.japan,
    channel: "外出招商",
    totalWan: 2800,
  },
  {
    key: "hoshimine-new",
    company: "hoshimine",
    name: "星峰化学高性能膜材料新设项目",
    type: "new",
    stage: "negotiating",
    owner: "officer3",
    park: PARK.port,
    channel: "外出招商",
    totalWan: 12000,
    contractedWan: 6000,
    members: ["officer"],
  },
  {
    key: "minaao-new",
    company: "minaao",
    name: "水蓝医疗微创器械新设项目",
    type: "new",
    stage: "contacted",
    owner: "officer",
    park: PARK.japan,
    channel: "展会/进博会",
    totalWan: 1500,
    stale: true,
  },
  {
    key: "kuon-new",
    company: "kuon",
    name: "久远光学光通信模块新设项目",
    type: "new",
    stage: "signed",
    owner: "officer",
    park: PARK.japan,
    channel: "产业链精准推介",
    totalWan: 2000,
    lastStepAgo: 12,
  },
  {
    key: "kurei-new",
    company: "kurei",
    name: "鹤岭机工精密减速机新设项目",
    type: "new",
    stage: "registered",
    owner: "officer2",
    park: PARK.japan,
    channel: "中介招商",
    totalWan: 1800,
    path: ["lead", "contacted", "negotiating", ["registered", "投资协议签订当日即完成工商注册"]],
    members: ["officer"],
  },
  {
    key: "aoiha-new",
    company: "aoiha",
    name: "葵叶箱包高端旅行箱新设项目",
    type: "new",
    stage: "lead",
    owner: "officer5",
    park: null,
    channel: "云招商",
    totalWan: 800,
  },
  {
    key: "setsuran-new",
    company: "setsuran",
    name: "雪岚半导体功率模块封装新设项目",
    type: "new",
    stage: "negotiating",
    status: "on_hold",
    reason: "外方等待日本总部年度投资预算审批",
    owner: "officer4",
    park: PARK.science,
    channel: "驻点招商",
    totalWan: 6000,
  },
  {
    key: "harene-new",
    company: "harene",
    name: "晴岭刃具刀具刀塔生产基地新设项目",
    type: "new",
    stage: "signed",
    owner: "officer2",
    park: PARK.japan,
    channel: "以商招商",
    totalWan: 1200,
    unverified: true,
    lastStepAgo: 6,
  },
  {
    key: "kazama-merger",
    company: "kazama",
    name: "风间纺织功能性面料并购项目",
    type: "merger",
    stage: "contacted",
    status: "dormant",
    reason: "并购标的估值分歧较大，双方暂停接触",
    earlierStatus: { status: "on_hold", reason: "双方委托第三方评估并购标的估值" },
    owner: "officer",
    park: null,
    channel: "中介招商",
    totalWan: 1000,
  },
  {
    key: "rinwa-reinvest",
    company: "rinwa",
    name: "凛和精机利润再投资项目",
    type: "profit_reinvestment",
    stage: "registered",
    owner: "officer2",
    park: PARK.japan,
    channel: "以商招商",
    totalWan: 800,
  },
  {
    key: "toyushio-reinvest",
    company: "toyushio",
    name: "丰汐汽车部件利润再投资项目",
    type: "profit_reinvestment",
    stage: "production",
    owner: "officer2",
    park: PARK.japan,
    channel: "以商招商",
    totalWan: 600,
  },
  // Germany
  {
    key: "kleinwald-new",
    company: "kleinwald",
    name: "克莱因瓦尔德五轴数控机床整机新设项目",
    type: "new",
    stage: "construction",
    owner: "officer2",
    park: PARK.germany,
    channel: "驻点招商",
    totalWan: 5000,
    members: ["officer"],
    path: ["lead", "contacted", "negotiating", "signed", "registered", "construction", ["registered", "施工许可需补正材料，开工时间顺延"], "construction"],
  },
  {
    key: "neuberg-new",
    company: "neuberg",
    name: "诺伊贝格伺服驱动装置新设项目",
    type: "new",
    stage: "negotiating",
    owner: "officer2",
    park: PARK.germany,
    channel: "外出招商",
    totalWan: 2500,
    path: ["lead", "contacted", "negotiating", ["contacted", "外方更换中国区负责人，洽谈需重新启动"], "negotiating"],
  },
  {
    key: "steinhof-new",
    company: "steinhof",
    name: "施泰因霍夫数控系统检测装置新设项目",
    type: "new",
    stage: "contacted",
    owner: "officer2",
    park: PARK.germany,
    channel: "产业链精准推介",
    totalWan: 1500,
    stale: true,
  },
  {
    key: "falkenried-new",
    company: "falkenried",
    name: "法肯里德新能源汽车电子新设项目",
    type: "new",
    stage: "registered",
    owner: "leader",
    park: PARK.zone,
    channel: "外出招商",
    totalWan: 15000,
    contractedWan: 8000,
    members: ["officer2", "officer"],
  },
  {
    key: "weissachtal-increase",
    company: "weissachtal",
    name: "魏萨赫塔尔工程塑料增资项目",
    type: "capital_increase",
    stage: "production",
    owner: "officer3",
    park: PARK.port,
    channel: "以商招商",
    totalWan: 2000,
  },
  {
    key: "bergquell-new",
    company: "bergquell",
    name: "贝格奎尔医疗影像设备新设项目",
    type: "new",
    stage: "lead",
    owner: "officer",
    park: PARK.science,
    channel: "展会/进博会",
    totalWan: 3000,
  },
  {
    key: "ostwind-new",
    company: "ostwind",
    name: "奥斯特温德储能系统新设项目",
    type: "new",
    stage: "negotiating",
    status: "lost",
    reason: "外方选择靠近既有德资供应商集聚地落户",
    lostTo: "江苏太仓",
    owner: "officer",
    park: PARK.zone,
    channel: "基金招商",
    totalWan: 4000,
  },
  {
    key: "halbmond-new",
    company: "halbmond",
    name: "哈尔布蒙德精密模具新设项目",
    type: "new",
    stage: "contacted",
    status: "abandoned",
    reason: "项目规模偏小，用地需求与园区产业定位不符，经研究放弃",
    owner: "officer2",
    park: PARK.germany,
    channel: "企业自荐",
    totalWan: 600,
  },
  // Korea
  {
    key: "daeyul-new",
    company: "daeyul",
    name: "大律汽车部件新能源汽车热管理新设项目",
    type: "new",
    stage: "signed",
    owner: "officer2",
    park: PARK.zone,
    channel: "驻点招商",
    totalWan: 3500,
  },
  {
    key: "haneul-new",
    company: "haneul",
    name: "韩乐新材料电池隔膜新设项目",
    type: "new",
    stage: "negotiating",
    status: "lost",
    reason: "对方获得更低的土地价格和设备补贴",
    lostTo: "安徽滁州",
    owner: "officer3",
    park: PARK.port,
    channel: "上级推送",
    totalWan: 8000,
  },
  {
    key: "baekho-new",
    company: "baekho",
    name: "白虎半导体刻蚀设备零部件新设项目",
    type: "new",
    stage: "contacted",
    owner: "officer4",
    park: PARK.science,
    channel: "产业链精准推介",
    totalWan: 2200,
    stale: true,
  },
  {
    key: "solbio-new",
    company: "solbio",
    name: "率生物细胞培养基新设项目",
    type: "new",
    stage: "lead",
    owner: "officer4",
    park: PARK.science,
    channel: "云招商",
    totalWan: 1000,
  },
  // Hong Kong
  {
    key: "hanglan-new",
    company: "hanglan",
    name: "恒澜控股智能仓储物流基地新设项目",
    type: "new",
    stage: "construction",
    owner: "officer3",
    park: PARK.port,
    channel: "以商招商",
    totalWan: 11000,
    contractedWan: 5000,
  },
  {
    key: "waiching-reinvest",
    company: "waiching",
    name: "汇澄实业服装智能工厂利润再投资项目",
    type: "profit_reinvestment",
    stage: "production",
    owner: "officer",
    park: null,
    channel: "以商招商",
    totalWan: 500,
  },
  {
    key: "kingchuen-new",
    company: "kingchuen",
    name: "璟川科技消费电子组件新设项目",
    type: "new",
    stage: "negotiating",
    status: "dormant",
    reason: "企业主要客户订单下滑，投资计划暂缓评估",
    owner: "officer4",
    park: PARK.science,
    channel: "中介招商",
    totalWan: 1800,
  },
  {
    key: "chunka-new",
    company: "chunka",
    name: "峻嘉供应链冷链仓储新设项目",
    type: "new",
    stage: "signed",
    owner: "officer3",
    park: PARK.port,
    channel: "基金招商",
    totalWan: 2500,
    unverified: true,
    lastStepAgo: 20,
  },
  {
    key: "hanglan-hub",
    company: "hanglan",
    name: "恒澜控股跨境电商分拨中心新设项目",
    type: "new",
    stage: "contacted",
    status: "lost",
    reason: "对方要求的保税仓储条件本地暂不具备",
    lostTo: "上海金山",
    owner: "officer3",
    park: PARK.port,
    channel: "以商招商",
    totalWan: 2000,
  },
  {
    key: "waiching-increase",
    company: "waiching",
    name: "汇澄实业箱包辅料增资项目",
    type: "capital_increase",
    stage: "lead",
    owner: "officer",
    park: null,
    channel: "以商招商",
    totalWan: 400,
  },
  // Taiwan
  {
    key: "jingdai-new",
    company: "jingdai",
    name: "晶岱电子光电显示模组新设项目",
    type: "new",
    stage: "registered",
    earlierStatus: { status: "on_hold", reason: "外方调整产能规划，投资计划暂缓" },
    owner: "officer4",
    park: PARK.science,
    channel: "以商招商",
    totalWan: 3000,
  },
  {
    key: "songyue-increase",
    company: "songyue",
    name: "崧岳机械数控机床床身铸件增资项目",
    type: "capital_increase",
    stage: "construction",
    owner: "officer2",
    park: PARK.zone,
    channel: "以商招商",
    totalWan: 1200,
  },
  {
    key: "dingyuan-new",
    company: "dingyuan",
    name: "鼎沅化工电子化学品新设项目",
    type: "new",
    stage: "contacted",
    status: "on_hold",
    reason: "待化工园区环境容量核定后再议",
    owner: "officer3",
    park: PARK.port,
    channel: "企业自荐",
    totalWan: 2000,
  },
  {
    key: "hewei-new",
    company: "hewei",
    name: "禾蔚箱包智能制造工厂新设项目",
    type: "new",
    stage: "lead",
    owner: "officer5",
    park: null,
    channel: "外出招商",
    totalWan: 600,
  },
  {
    key: "songyue-reinvest",
    company: "songyue",
    name: "崧岳机械利润再投资项目",
    type: "profit_reinvestment",
    stage: "registered",
    owner: "officer2",
    park: PARK.zone,
    channel: "以商招商",
    totalWan: 500,
  },
  // United States
  {
    key: "brightwater-new",
    company: "brightwater",
    name: "明水光子硅光芯片新设项目",
    type: "new",
    stage: "negotiating",
    owner: "officer4",
    park: PARK.science,
    channel: "基金招商",
    totalWan: 5000,
    members: ["officer"],
  },
  {
    key: "cedar-new",
    company: "cedar",
    name: "雪松岭生物抗体药物中试基地新设项目",
    type: "new",
    stage: "contacted",
    status: "lost",
    reason: "企业选择靠近其研发中心的地点",
    lostTo: "上海临港",
    owner: "officer4",
    park: PARK.science,
    channel: "上级推送",
    totalWan: 3000,
  },
  {
    key: "ironvale-increase",
    company: "ironvale",
    name: "铁谷运动控制伺服电机增资项目",
    type: "capital_increase",
    stage: "signed",
    owner: "officer",
    park: PARK.zone,
    channel: "驻点招商",
    totalWan: 2600,
  },
  {
    key: "northmark-merger",
    company: "northmark",
    name: "诺斯马克半导体功率器件并购项目",
    type: "merger",
    stage: "negotiating",
    status: "abandoned",
    reason: "交易审查前景不明，经双方协商终止洽谈",
    earlierStatus: { status: "on_hold", reason: "等待交易审查意见" },
    owner: "officer4",
    park: PARK.science,
    channel: "中介招商",
    totalWan: 4500,
  },
  {
    key: "ironvale-rd",
    company: "ironvale",
    name: "铁谷运动控制驱动器研发中心新设项目",
    type: "new",
    stage: "lead",
    status: "dormant",
    reason: "企业全球研发布局调整，暂无时间表",
    owner: "officer",
    park: PARK.zone,
    channel: "驻点招商",
    totalWan: 800,
  },
  // Other Europe
  {
    key: "valmorin-new",
    company: "valmorin",
    name: "瓦尔莫兰特种涂层材料新设项目",
    type: "new",
    stage: "contacted",
    owner: "officer3",
    park: PARK.port,
    channel: "展会/进博会",
    totalWan: 1500,
    stale: true,
  },
  {
    key: "castellura-new",
    company: "castellura",
    name: "卡斯泰卢拉皮具箱包工坊新设项目",
    type: "new",
    stage: "signed",
    owner: "officer5",
    park: null,
    channel: "展会/进博会",
    totalWan: 500,
    lastStepAgo: 40,
  },
  {
    key: "zeevlam-new",
    company: "zeevlam",
    name: "泽弗拉姆氢能装备新设项目",
    type: "new",
    stage: "lead",
    status: "on_hold",
    reason: "外方等待欧盟补贴项目评审结果",
    owner: "officer3",
    park: PARK.port,
    channel: "产业链精准推介",
    totalWan: 3500,
  },
  {
    key: "alpenfirn-new",
    company: "alpenfirn",
    name: "阿尔彭菲恩精密医疗部件新设项目",
    type: "new",
    stage: "negotiating",
    owner: "officer2",
    park: PARK.germany,
    channel: "外出招商",
    totalWan: 2000,
  },
  {
    key: "thistledown-new",
    company: "thistledown",
    name: "蓟绒服饰设计研发中心新设项目",
    type: "new",
    stage: "contacted",
    status: "dormant",
    reason: "对方联系人离职，多次联系未获回应",
    owner: "officer",
    park: null,
    channel: "云招商",
    totalWan: 300,
  },
];

/** Demo gap statuses of the 四群八链 link nodes (the real ones are not published). */
export const DEMO_GAP_STATUSES: Record<string, "strong" | "weak" | "gap"> = {
  机床整机: "strong",
  驱动装置: "weak",
  控制检测: "gap",
  刀具刀塔: "strong",
  传动机械: "strong",
  床身线缆: "weak",
  芯片设计: "gap",
  功率模块制造: "weak",
  先进封装测试: "weak",
  半导体装备制造: "gap",
};

/** project key → [system code, node name, role] */
export const DEMO_CHAIN_LINKS: ReadonlyArray<[string, string, string, "fill" | "strengthen" | "extend"]> = [
  ["kleinwald-new", "4q8l", "机床整机", "strengthen"],
  ["neuberg-new", "4q8l", "驱动装置", "strengthen"],
  ["steinhof-new", "4q8l", "控制检测", "fill"],
  ["harene-new", "4q8l", "刀具刀塔", "strengthen"],
  ["kurei-new", "4q8l", "传动机械", "strengthen"],
  ["songyue-increase", "4q8l", "床身线缆", "strengthen"],
  ["setsuran-new", "4q8l", "功率模块制造", "strengthen"],
  ["setsuran-new", "4q8l", "先进封装测试", "extend"],
  ["baekho-new", "4q8l", "半导体装备制造", "fill"],
  ["falkenried-new", "4q8l", "新能源汽车", "strengthen"],
  ["daeyul-new", "4q8l", "新能源汽车", "extend"],
  ["kuon-new", "4q8l", "光电通信", "strengthen"],
  ["brightwater-new", "4q8l", "光电通信", "extend"],
  ["hoshimine-new", "1212", "新材料", "strengthen"],
  ["waiching-reinvest", "1212", "服装", "strengthen"],
  ["castellura-new", "1212", "箱包", "extend"],
];

/** company key → [system code, node name, role] for 链主企业 / 重点招商对象清单 */
export const DEMO_CHAIN_COMPANIES: ReadonlyArray<[string, string, string, "chain_leader" | "target"]> = [
  ["rinwa", "4q8l", "高档数控机床", "chain_leader"],
  ["falkenried", "4q8l", "新能源汽车", "chain_leader"],
  ["toyushio", "4q8l", "新能源汽车", "chain_leader"],
  ["steinhof", "4q8l", "高档数控机床", "target"],
  ["baekho", "4q8l", "集成电路", "target"],
  ["setsuran", "4q8l", "集成电路", "target"],
  ["brightwater", "4q8l", "光电通信", "target"],
];

// ── dates ─────────────────────────────────────────────────────────────────

const minDate = (a: string, b: string) => (a < b ? a : b);
const maxDate = (a: string, b: string) => (a > b ? a : b);

// ── planning: the demo world before it is written ─────────────────────────

/** The lead date lies this many days before today, by the furthest stage reached (18 months at most). */
const LEAD_AGE: Record<Stage, [number, number]> = {
  lead: [15, 200],
  contacted: [40, 320],
  negotiating: [90, 420],
  signed: [150, 480],
  registered: [220, 510],
  construction: [300, 530],
  production: [380, 540],
};
const MAX_LEAD_AGE = 540;

/** display name of the demo leader, who joins signing ceremonies and trips abroad */
const LEADER_NAME = DEMO_USERS.find((user) => user.key === "leader")!.displayName;

interface PlannedTransition {
  from: Stage | null;
  to: Stage;
  on: string;
  note: string | null;
  recordedAt: number;
}

interface PlannedStatusChange {
  from: Status;
  to: Status;
  on: string;
  reason: string | null;
  lostTo: string | null;
  recordedAt: number;
}

interface PlannedActivity {
  type: ActivityType;
  on: string;
  participants: string | null;
  place: string | null;
  summary: string;
  nextStep: string | null;
}

interface PlannedProject {
  spec: DemoProject;
  leadOn: string;
  transitions: PlannedTransition[];
  activities: PlannedActivity[];
  signedOn: string | null;
  verifiedAt: number | null;
  /** 甄别通过's business date */
  verifiedOn: string | null;
  /** the status log after its entry (进行中 on the 线索日期), oldest first */
  statusChanges: PlannedStatusChange[];
  lastActivityOn: string;
  totalInvestmentUsd: number;
  contractedFdiUsd: number;
  fixedAssetInvestmentCny: number;
  landMu: number | null;
  expectedJobs: number;
  expectedAnnualTaxCny: number;
}

function shortName(companyName: string): string {
  return companyName.replace(/（平湖）|股份有限公司|有限公司|股份公司|株式会社|公司$/g, "");
}

type LogEntry = { stage: Stage; note: string | null };

/** The project's stage log: the spec's explicit path, or lead → its stage, skipping some stages. */
function stageLog(spec: DemoProject, rng: Random): LogEntry[] {
  let log: LogEntry[];
  if (spec.path) {
    log = spec.path.map((step) => (typeof step === "string" ? { stage: step, note: null } : { stage: step[0], note: step[1] }));
  } else {
    log = [{ stage: "lead", note: null }];
    const target = stageIndex(spec.stage);
    for (let i = 1; i <= target; i++) {
      if (i === target || rng.chance(0.8)) log.push({ stage: STAGES[i], note: null });
    }
  }
  if (log[0].stage !== "lead" || log[log.length - 1].stage !== spec.stage) {
    throw new Error(`demo project ${spec.key}: stage log must start at lead and end at ${spec.stage}`);
  }
  return log;
}

/** Ages (days before today) of the log's entries, oldest first: the lead, then each transition. */
function stageAges(spec: DemoProject, steps: number, furthest: Stage, quiet: number, rng: Random): number[] {
  const [low, high] = LEAD_AGE[furthest];
  const minimum = Math.max(quiet, spec.lastStepAgo ?? 0) + steps * 12 + 10;
  const leadAge = Math.min(MAX_LEAD_AGE, Math.max(rng.int(low, high), minimum));
  if (steps === 0) return [leadAge];
  const slack = Math.max(0, leadAge - quiet - steps * 12 - 10);
  const endAge = spec.lastStepAgo ?? quiet + rng.int(0, Math.floor(slack * 0.6));
  const available = leadAge - endAge;
  const weights = Array.from({ length: steps }, () => rng.float(0.5, 1.5));
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const ages = [leadAge];
  let age = leadAge;
  for (let i = 0; i < steps - 1; i++) {
    age -= Math.max(1, Math.floor((available * weights[i]) / weightSum));
    ages.push(age);
  }
  ages.push(endAge);
  return ages;
}

interface ActivityContext {
  short: string;
  abroad: string;
  park: string;
  owner: string;
  contact: string | null;
  project: DemoProject;
  contractedWan: number;
}

function describeActivity(type: ActivityType, stage: Stage, ctx: ActivityContext, rng: Random): Omit<PlannedActivity, "type" | "on"> {
  const { short, abroad, park, owner, contact } = ctx;
  const withContact = contact ? `${owner}、${contact}` : owner;
  const withLeader = owner === LEADER_NAME ? owner : `${LEADER_NAME}、${owner}`;
  const phase = stageIndex(stage) <= stageIndex("contacted") ? "early" : stage === "negotiating" ? "negotiating" : "after";
  const next = NEXT_STEP_BY_STAGE[stage];
  const label = STAGE_LABELS[stage];

  switch (type) {
    case "signing_ceremony":
      return {
        summary: `举行${ctx.project.name}签约仪式，总投资${ctx.project.totalWan}万美元，合同外资${ctx.contractedWan}万美元。`,
        participants: contact ? `${withLeader}、${contact}` : withLeader,
        place: "平湖",
        nextStep: NEXT_STEP_BY_STAGE.signed,
      };
    case "outbound_trip": {
      // 一把手外出招商: the leader joins about half of the trips abroad
      const participants = rng.chance(0.5) ? withLeader : owner;
      if (phase === "early")
        return {
          summary: `赴${abroad}拜访${short}总部，推介平湖投资环境和${park}，对方表示将平湖列入备选地。`,
          participants,
          place: abroad,
          nextStep: "保持联络，争取企业高层来平湖考察",
        };
      if (phase === "negotiating")
        return { summary: `赴${abroad}与${short}高层会谈，推进项目投资决策。`, participants, place: abroad, nextStep: "跟踪企业董事会决策" };
      return { summary: `赴${abroad}回访${short}总部，了解后续增资计划。`, participants, place: abroad, nextStep: next };
    }
    case "inbound_visit":
      if (phase === "early")
        return { summary: `${short}一行来平湖考察，参观${park}并座谈。`, participants: withContact, place: "平湖", nextStep: "根据企业需求提出选址方案" };
      if (phase === "negotiating")
        return {
          summary: `${short}考察团来平湖实地考察${park}，参观标准厂房，就选址、用地和厂房租购方式深入洽谈。`,
          participants: withContact,
          place: "平湖",
          nextStep: "细化选址和用地方案",
        };
      return { summary: `${short}高层来平湖检查项目${label}阶段进展并座谈。`, participants: withContact, place: "平湖", nextStep: next };
    case "video":
      if (phase === "early")
        return {
          summary: `与${short}总部视频交流，介绍${park}产业定位和配套条件，对方关注用工、物流和供应链配套。`,
          participants: owner,
          place: "线上",
          nextStep: "整理企业关注问题清单并逐项答复",
        };
      if (phase === "negotiating")
        return { summary: `与${short}视频洽谈，就投资规模、建设进度和政策支持交换意见。`, participants: owner, place: "线上", nextStep: "准备投资协议文本" };
      return { summary: `与${short}总部视频会议，通报项目${label}阶段进展。`, participants: owner, place: "线上", nextStep: next };
    case "promotion":
      return {
        summary: `${short}代表参加平湖投资环境推介会，会后进行一对一交流。`,
        participants: owner,
        place: rng.pick(["上海（进博会期间）", abroad, "平湖"]),
        nextStep: "会后跟进，发送项目建议书",
      };
    case "visit":
      if (phase === "early")
        return { summary: `拜访${short}在华机构，了解其中国市场布局和新增产能需求。`, participants: owner, place: "上海", nextStep: "跟进企业投资选址进展" };
      if (phase === "negotiating")
        return { summary: `赴${short}在华机构面谈，沟通投资协议主要条款。`, participants: owner, place: "上海", nextStep: "协调相关部门会审协议条款" };
      return {
        summary: `走访${short}项目现场，了解项目${label}阶段进展，协调水电气接入等事项。`,
        participants: owner,
        place: "平湖",
        nextStep: next,
      };
    case "call":
      if (phase === "early")
        return rng.chance(0.5)
          ? {
              summary: `与${contact ?? `${short}相关负责人`}电话沟通，对方介绍了${short}在华布局计划，对平湖的区位和产业配套较感兴趣。`,
              participants: owner,
              place: null,
              nextStep: "发送平湖投资环境介绍和政策资料",
            }
          : {
              summary: `电话跟进${short}投资意向，对方表示总部正在开展中国新基地的可行性研究。`,
              participants: owner,
              place: null,
              nextStep: "邀请企业来平湖实地考察",
            };
      if (phase === "negotiating")
        return {
          summary: "电话沟通用地指标和厂房交付时间，对方希望尽快明确供地方案。",
          participants: owner,
          place: null,
          nextStep: "协调自然资源部门确认用地指标",
        };
      return { summary: `电话了解项目${label}进展，企业反映审批材料需补正，已协调相关部门指导。`, participants: owner, place: null, nextStep: next };
    default:
      if (phase === "after")
        return { summary: `协助企业办理${PAPERWORK_BY_STAGE[stage] ?? "相关"}等手续。`, participants: owner, place: "平湖", nextStep: next };
      return { summary: `收集整理${short}企业资料和行业信息，研究对接方案。`, participants: owner, place: null, nextStep: next };
  }
}

const TYPES_BY_PHASE: Record<"early" | "negotiating" | "after", ActivityType[]> = {
  early: ["call", "video", "outbound_trip", "visit", "promotion", "call"],
  negotiating: ["inbound_visit", "video", "visit", "outbound_trip", "call"],
  after: ["visit", "call", "other", "visit", "video", "inbound_visit"],
};

function planProject(spec: DemoProject, company: DemoCompany, ownerName: string, today: string, rng: Random): PlannedProject {
  const status = spec.status ?? "active";
  const log = stageLog(spec, rng);
  const steps = log.length - 1;
  const furthest = log.reduce<Stage>((best, { stage }) => (stageIndex(stage) > stageIndex(best) ? stage : best), "lead");

  let quiet = spec.stale
    ? rng.int(65, 110)
    : status === "active"
      ? rng.int(0, 20)
      : status === "on_hold" || status === "dormant"
        ? rng.int(30, 120)
        : rng.int(15, 90);
  if (spec.lastStepAgo !== undefined) quiet = Math.min(quiet, spec.lastStepAgo);

  const ages = stageAges(spec, steps, furthest, quiet, rng);
  const leadOn = addDays(today, -ages[0]);
  const transitions: PlannedTransition[] = log.map((entry, i) => {
    const on = addDays(today, -ages[i]);
    const from = i === 0 ? null : log[i - 1].stage;
    const forward = from !== null && stageIndex(entry.stage) > stageIndex(from);
    const note = entry.note ?? (forward ? (FORWARD_NOTES[entry.stage] ?? null) : null);
    const recordedOn = minDate(addDays(on, rng.int(0, 1)), today);
    return { from, to: entry.stage, on, note, recordedAt: instantOn(recordedOn, rng.int(9, 17), rng.int(0, 59)) };
  });

  const signing = transitions.find((t) => t.from !== null && stageIndex(t.to) >= SIGNED_INDEX);
  const signedOn = signing?.on ?? null;
  let verifiedAt: number | null = null;
  let verifiedOn: string | null = null;
  if (signedOn && !spec.unverified) {
    verifiedOn = minDate(addDays(signedOn, rng.int(2, 8)), today);
    verifiedAt = instantOn(verifiedOn, 16, rng.int(0, 59));
  }

  const increment = spec.type === "capital_increase" || spec.type === "profit_reinvestment";
  const contractedWan = Math.min(spec.totalWan, spec.contractedWan ?? Math.round(spec.totalWan * (increment ? rng.float(0.7, 1) : rng.float(0.4, 0.8))));

  // activities: the first contact on the lead date, the signing ceremony, the latest one `quiet` days ago
  const ctx: ActivityContext = {
    short: shortName(company.name),
    abroad: abroadPlace(company.country, company.hq),
    park: spec.park ?? "平湖",
    owner: ownerName,
    contact: company.contacts[0]?.[0] ?? null,
    project: spec,
    contractedWan,
  };
  const fixed = new Map<string, ActivityType | "latest">();
  fixed.set(leadOn, firstActivityType(spec.channel));
  const latestOn = addDays(today, -quiet);
  if (!fixed.has(latestOn)) fixed.set(latestOn, "latest");
  if (signedOn) fixed.set(signedOn, "signing_ceremony");
  const total = Math.min(8, Math.max(2, 2 + Math.ceil(steps * 0.8) + rng.int(0, 2), fixed.size));
  const dates = [...fixed.keys()];
  for (let attempts = 0; dates.length < total && attempts < 50; attempts++) {
    const on = addDays(today, -rng.int(quiet + 1, ages[0] - 1));
    if (!dates.includes(on)) dates.push(on);
  }
  dates.sort();

  const stageOn = (date: string): Stage => {
    let stage: Stage = "lead";
    for (const t of transitions) if (t.on <= date) stage = t.to;
    return stage;
  };
  const closing = closingActivity(status, spec.reason ?? null, spec.lostTo ?? null);
  const usedSummaries = new Set<string>();
  let previousType: ActivityType | null = null;
  const plannedActivities = dates.map((on, i): PlannedActivity => {
    const stage = stageOn(on);
    const phase = stageIndex(stage) <= stageIndex("contacted") ? "early" : stage === "negotiating" ? "negotiating" : "after";
    const fixedType = fixed.get(on);
    let activity: PlannedActivity;
    if (fixedType && fixedType !== "latest") {
      activity = { type: fixedType, on, ...describeActivity(fixedType, stage, ctx, rng) };
    } else {
      // vary the record: no two consecutive activities of one type, no repeated summary
      let attempts = 0;
      do {
        const type = rng.pick(TYPES_BY_PHASE[phase]);
        activity = { type, on, ...describeActivity(type, stage, ctx, rng) };
      } while (++attempts < 8 && (activity.type === previousType || usedSummaries.has(activity.summary)));
    }
    usedSummaries.add(activity.summary);
    previousType = activity.type;
    if (closing && i === dates.length - 1 && activity.type !== "signing_ceremony") {
      return { ...activity, type: "call", place: null, participants: ownerName, ...closing };
    }
    return activity;
  });

  const lastActivityOn = dates[dates.length - 1] ?? leadOn;
  return {
    spec,
    leadOn,
    transitions,
    activities: plannedActivities,
    signedOn,
    verifiedAt,
    verifiedOn,
    statusChanges: statusLog(spec, transitions, lastActivityOn),
    lastActivityOn,
    totalInvestmentUsd: wan(spec.totalWan),
    contractedFdiUsd: wan(contractedWan),
    fixedAssetInvestmentCny: wan(spec.totalWan * 7.1 * rng.float(0.5, 0.8)),
    landMu: spec.type === "new" && spec.park ? Math.max(10, Math.round((spec.totalWan / 40) * rng.float(0.8, 1.4) * 2) / 2) : null,
    expectedJobs: Math.max(30, Math.round(((spec.totalWan / 15) * rng.float(0.7, 1.3)) / 10) * 10),
    expectedAnnualTaxCny: wan(spec.totalWan * 7.1 * rng.float(0.03, 0.06)),
  };
}

/**
 * The status changes after the log's entry, oldest first, each recorded the evening of its date (and
 * after the stage change it follows). A project that is not 进行中 got there on its closing activity,
 * after its last stage change; an `earlierStatus` comes halfway between the two, or, for an active
 * project, is a pause resumed within the longest gap between two stage changes. No random draw:
 * the rest of the demo stays as it was.
 */
function statusLog(spec: DemoProject, transitions: PlannedTransition[], closedOn: string): PlannedStatusChange[] {
  const status = spec.status ?? "active";
  const changes: PlannedStatusChange[] = [];
  let recordedAt = 0;
  const change = (from: Status, to: Status, on: string, reason: string | null, lostTo: string | null = null) => {
    const previousStage = transitions.filter((t) => t.on <= on).at(-1)!;
    recordedAt = Math.max(instantOn(on, 17, 30), previousStage.recordedAt + 60_000, recordedAt + 60_000);
    changes.push({ from, to, on, reason, lostTo, recordedAt });
  };
  const earlier = spec.earlierStatus;
  if (status === "active") {
    if (!earlier) return changes;
    let gapAt = -1;
    let gap = 0;
    for (let i = 0; i + 1 < transitions.length; i++) {
      const days = daysBetween(transitions[i].on, transitions[i + 1].on);
      if (days > gap) [gapAt, gap] = [i, days];
    }
    if (gap < 3) return changes;
    const start = transitions[gapAt].on;
    change("active", earlier.status, addDays(start, Math.floor(gap / 3)), earlier.reason);
    change(earlier.status, "active", addDays(start, Math.floor((2 * gap) / 3)), null);
    return changes;
  }
  const lastStageOn = transitions[transitions.length - 1].on;
  const gap = daysBetween(lastStageOn, closedOn);
  if (gap < 0) throw new Error(`demo project ${spec.key}: closing activity before the last stage change`);
  let from: Status = "active";
  if (earlier && gap >= 2) {
    change(from, earlier.status, addDays(lastStageOn, Math.floor(gap / 2)), earlier.reason);
    from = earlier.status;
  }
  change(from, status, closedOn, spec.reason ?? null, status === "lost" ? (spec.lostTo ?? null) : null);
  return changes;
}

// ── writing ───────────────────────────────────────────────────────────────

function followUp(plan: PlannedProject, slot: number, today: string, rng: Random): { on: string | null; item: string | null } {
  const { spec } = plan;
  const item = NEXT_STEP_BY_STAGE[spec.stage];
  const status = spec.status ?? "active";
  switch (status) {
    case "on_hold":
    case "dormant": {
      const { days, item: paused } = PAUSED_FOLLOW_UP[status];
      return { on: addDays(today, rng.int(...days)), item: paused };
    }
    case "lost":
    case "abandoned":
      return { on: null, item: null };
    default: {
      const quietDays = daysBetween(plan.lastActivityOn, today);
      // stale projects and every eighth active one are overdue; about a third fall due within a week
      const overdue = (spec.stale || slot % 8 === 0) && quietDays >= 2;
      if (overdue) return { on: addDays(today, -rng.int(1, Math.min(20, quietDays - 1))), item };
      if (slot % 8 <= 3) return { on: addDays(today, rng.int(0, 7)), item };
      return { on: addDays(today, rng.int(8, 45)), item };
    }
  }
}

function chainNodeId(tx: Tx, systemCode: string, name: string): number | undefined {
  return tx
    .select({ id: chainNodes.id })
    .from(chainNodes)
    .innerJoin(chainSystems, eq(chainSystems.id, chainNodes.systemId))
    .where(and(eq(chainSystems.code, systemCode), eq(chainNodes.name, name), isNull(chainNodes.retiredAt)))
    .get()?.id;
}

function idsByName(rows: Array<{ id: number; name: string }>): Map<string, number> {
  return new Map(rows.map((row) => [row.name, row.id]));
}

function writeDemo(tx: Tx, today: string, passwordHash: string): void {
  const rng = new Random(DEMO_SEED);

  const unitRows = tx.select({ id: units.id, name: units.name }).from(units).orderBy(units.sortOrder, units.id).all();
  if (unitRows.length === 0) throw new Error("演示数据需要先写入参考数据（单位）/ seed reference data first");
  const unitIds = idsByName(unitRows);
  const unitId = (name: string) => unitIds.get(name) ?? unitRows[0].id;
  const channelIds = idsByName(tx.select({ id: channels.id, name: channels.name }).from(channels).all());
  const parkIds = idsByName(tx.select({ id: parks.id, name: parks.name }).from(parks).all());

  // users
  const userIds = new Map<UserKey, number>();
  const userUnitIds = new Map<UserKey, number>();
  const userNames = new Map<UserKey, string>();
  const setupInstant = instantOn(addDays(today, -MAX_LEAD_AGE - 60), 9);
  for (const user of DEMO_USERS) {
    const { id } = tx
      .insert(users)
      .values({
        username: user.key,
        displayName: user.displayName,
        role: user.role,
        unitId: unitId(user.unit),
        passwordHash,
        createdAt: setupInstant,
        updatedAt: setupInstant,
      })
      .returning({ id: users.id })
      .get();
    userIds.set(user.key, id);
    userUnitIds.set(user.key, unitId(user.unit));
    userNames.set(user.key, user.displayName);
  }
  const userId = (key: UserKey) => userIds.get(key)!;
  const leaderId = userId("leader");

  // plan every project first: company creation dates follow their first lead
  const companyByKey = new Map(DEMO_COMPANIES.map((company) => [company.key, company]));
  const plans = DEMO_PROJECTS.map((spec) => {
    const company = companyByKey.get(spec.company);
    if (!company) throw new Error(`demo project ${spec.key}: unknown company ${spec.company}`);
    return planProject(spec, company, userNames.get(spec.owner)!, today, rng);
  });

  // companies and contacts
  const usccTaken = new Set(
    tx
      .select({ uscc: companies.uscc })
      .from(companies)
      .all()
      .flatMap((row) => (row.uscc ? [row.uscc] : [])),
  );
  const companyIds = new Map<string, number>();
  for (const company of DEMO_COMPANIES) {
    const ownPlans = plans.filter((plan) => plan.spec.company === company.key);
    const firstLead = ownPlans.reduce((first, plan) => minDate(first, plan.leadOn), today);
    const createdAt = instantOn(addDays(firstLead, -rng.int(3, 40)), 10, rng.int(0, 59));
    const { id } = tx
      .insert(companies)
      .values({
        name: company.name,
        foreignName: company.foreignName,
        ...companyNameColumns(company.name, company.foreignName),
        uscc: company.existing ? pinghuUscc(rng, usccTaken) : null,
        country: company.country,
        city: company.existing ? "平湖" : company.hq,
        industry: company.industry,
        isFortune500: company.fortune500 ?? false,
        isChainLeader: company.chainLeader ?? false,
        isExistingInvestor: company.existing ?? false,
        description: `【演示数据】虚构企业，仅用于系统演示。${company.about}`,
        isDemo: true,
        createdBy: userId(ownPlans[0]?.spec.owner ?? "officer"),
        createdAt,
        updatedAt: createdAt,
      })
      .returning({ id: companies.id })
      .get();
    companyIds.set(company.key, id);
    company.contacts.forEach(([name, title, language], i) => {
      tx.insert(contacts)
        .values({
          companyId: id,
          name,
          title,
          language,
          phone: rng.chance(0.7) ? contactPhone(rng, company.country) : null,
          email: contactEmail(name, company.domain, i),
          createdAt,
          updatedAt: createdAt,
        })
        .run();
    });
  }

  // projects with their stage log, activities and members
  const projectIds = new Map<string, number>();
  const planByKey = new Map<string, PlannedProject>();
  let activeSlot = 0;
  for (const plan of plans) {
    const { spec } = plan;
    const status = spec.status ?? "active";
    const ownerId = userId(spec.owner);
    const companyId = companyIds.get(spec.company)!;
    const company = companyByKey.get(spec.company)!;
    const follow = followUp(plan, status === "active" ? activeSlot++ : 0, today, rng);
    const lastChangeOn = plan.transitions[plan.transitions.length - 1].on;
    const createdAt = instantOn(plan.leadOn, 10, rng.int(0, 59));
    const updatedAt = Math.max(createdAt, instantOn(maxDate(plan.lastActivityOn, lastChangeOn), 17, rng.int(0, 59)));
    const priority =
      status === "dormant" || status === "abandoned" ? "low" : spec.totalWan >= 10_000 || company.fortune500 || company.chainLeader ? "high" : "normal";

    const { id } = tx
      .insert(projects)
      .values({
        name: spec.name,
        searchText: projectSearchTextOf(spec.name, searchTextOf(company.name, company.foreignName)),
        companyId,
        projectType: spec.type,
        channelId: channelIds.get(spec.channel) ?? null,
        ownerId,
        unitId: userUnitIds.get(spec.owner)!,
        parkId: spec.park ? (parkIds.get(spec.park) ?? null) : null,
        totalInvestmentUsd: plan.totalInvestmentUsd,
        contractedFdiUsd: plan.contractedFdiUsd,
        fixedAssetInvestmentCny: plan.fixedAssetInvestmentCny,
        landMu: plan.landMu,
        expectedJobs: plan.expectedJobs,
        expectedAnnualTaxCny: plan.expectedAnnualTaxCny,
        priority,
        nextFollowUpOn: follow.on,
        nextFollowUpItem: follow.item,
        description: "【演示数据】虚构项目，仅用于系统演示。",
        stage: spec.stage,
        status,
        statusReason: spec.reason ?? null,
        lostTo: spec.lostTo ?? null,
        signedOn: plan.signedOn,
        signingVerifiedAt: plan.verifiedAt,
        signingVerifiedOn: plan.verifiedOn,
        signingVerifiedBy: plan.verifiedAt === null ? null : leaderId,
        lastActivityOn: plan.lastActivityOn,
        isDemo: true,
        createdBy: ownerId,
        createdAt,
        updatedAt,
      })
      .returning({ id: projects.id })
      .get();
    projectIds.set(spec.key, id);
    planByKey.set(spec.key, plan);

    for (const change of plan.transitions) {
      tx.insert(stageChanges)
        .values({
          projectId: id,
          fromStage: change.from,
          toStage: change.to,
          occurredOn: change.on,
          userId: ownerId,
          recordedAt: change.recordedAt,
          note: change.note,
        })
        .run();
    }
    // the status log: 进行中 on the 线索日期 (recorded with the project), then its changes
    tx.insert(statusChanges)
      .values({ projectId: id, fromStatus: null, toStatus: "active", occurredOn: plan.leadOn, userId: ownerId, recordedAt: createdAt })
      .run();
    for (const change of plan.statusChanges) {
      tx.insert(statusChanges)
        .values({
          projectId: id,
          fromStatus: change.from,
          toStatus: change.to,
          occurredOn: change.on,
          userId: ownerId,
          recordedAt: change.recordedAt,
          reason: change.reason,
          lostTo: change.lostTo,
        })
        .run();
    }
    for (const activity of plan.activities) {
      const at = instantOn(activity.on, rng.int(9, 18), rng.int(0, 59));
      tx.insert(activities)
        .values({
          projectId: id,
          companyId,
          type: activity.type,
          occurredOn: activity.on,
          participants: activity.participants,
          place: activity.place,
          summary: activity.summary,
          nextStep: activity.nextStep,
          createdBy: ownerId,
          createdAt: at,
          updatedAt: at,
        })
        .run();
    }
    for (const member of spec.members ?? []) {
      tx.insert(projectMembers)
        .values({ projectId: id, userId: userId(member), createdAt })
        .run();
    }
  }

  // industry chains: demo gap statuses, project links, chain leaders and targets
  for (const [name, gapStatus] of Object.entries(DEMO_GAP_STATUSES)) {
    const nodeId = chainNodeId(tx, "4q8l", name);
    if (nodeId !== undefined) tx.update(chainNodes).set({ gapStatus }).where(eq(chainNodes.id, nodeId)).run();
  }
  for (const [projectKey, systemCode, nodeName, role] of DEMO_CHAIN_LINKS) {
    const nodeId = chainNodeId(tx, systemCode, nodeName);
    const plan = planByKey.get(projectKey)!;
    if (nodeId === undefined) continue;
    tx.insert(projectChainLinks)
      .values({
        projectId: projectIds.get(projectKey)!,
        nodeId,
        role,
        createdBy: userId(plan.spec.owner),
        createdAt: instantOn(plan.transitions[Math.min(1, plan.transitions.length - 1)].on, 11),
      })
      .run();
  }
  for (const [companyKey, systemCode, nodeName, role] of DEMO_CHAIN_COMPANIES) {
    const nodeId = chainNodeId(tx, systemCode, nodeName);
    if (nodeId !== undefined)
      tx.insert(chainNodeCompanies)
        .values({ nodeId, companyId: companyIds.get(companyKey)!, role })
        .run();
  }

  writeDemoPolicies(tx, today, rng, { projectIds, planByKey, userId });
  writeDemoArrivals(tx, today, rng, plans, projectIds, userId("staff"));
  writeDemoTargets(tx, today);
}

interface PolicyContext {
  projectIds: Map<string, number>;
  planByKey: Map<string, PlannedProject>;
  userId: (key: UserKey) => number;
}

/** Two demo clauses (clearly marked 示例) under real policies, policy bases, commitments and payouts. */
function writeDemoPolicies(tx: Tx, today: string, rng: Random, { projectIds, planByKey, userId }: PolicyContext): void {
  const policyId = (docNumber: string) => tx.select({ id: policies.id }).from(policies).where(eq(policies.docNumber, docNumber)).get()?.id;
  const provincial = policyId("浙政办发〔2023〕22号");
  const county = policyId("平政发〔2023〕23号");
  if (provincial === undefined || county === undefined) return;

  const clause = (values: typeof policyClauses.$inferInsert) => tx.insert(policyClauses).values(values).returning({ id: policyClauses.id }).get().id;
  const increaseClause = clause({
    policyId: provincial,
    number: "示例第1条",
    text: "【示例】对外资企业增资且当年实际使用外资达到一定规模的，按实到外资金额给予奖励。本条为演示用示例文本，并非文件原文。",
    incentiveType: "增资奖励",
    formula: "示例：按当年实到外资金额的一定比例奖励",
    capCny: 3_000_000,
    sortOrder: 1,
  });
  const bigProjectClause = clause({
    policyId: county,
    number: "示例第1条",
    text: "【示例】对新引进的产业链重点项目，按设备投资额给予一定比例补助。本条为演示用示例文本，并非文件原文。",
    incentiveType: "招大引强项目奖励",
    formula: "示例：按设备投资额的一定比例补助",
    capCny: 5_000_000,
    sortOrder: 1,
  });

  const bases: Array<[string, number, string]> = [
    ["rinwa-increase", increaseClause, "增资部分当年实到外资，申请增资奖励（示例）"],
    ["toyushio-increase", increaseClause, "增资部分当年实到外资，申请增资奖励（示例）"],
    ["kleinwald-new", bigProjectClause, "高档数控机床链补链强链项目（示例）"],
    ["falkenried-new", bigProjectClause, "超亿美元产业链重点项目（示例）"],
  ];
  for (const [key, clauseId, note] of bases) {
    const plan = planByKey.get(key)!;
    tx.insert(projectPolicyBases)
      .values({
        projectId: projectIds.get(key)!,
        clauseId,
        note,
        createdBy: userId(plan.spec.owner),
        createdAt: instantOn(plan.signedOn ?? plan.leadOn, 15),
      })
      .run();
  }

  const commit = (key: string, values: Omit<typeof commitments.$inferInsert, "projectId" | "proposedBy">) => {
    const plan = planByKey.get(key)!;
    const createdAt = instantOn(values.committedOn ?? plan.signedOn ?? today, 11);
    return tx
      .insert(commitments)
      .values({ ...values, projectId: projectIds.get(key)!, proposedBy: userId(plan.spec.owner), createdAt, updatedAt: createdAt })
      .returning({ id: commitments.id })
      .get().id;
  };
  const signedOn = (key: string) => planByKey.get(key)!.signedOn ?? addDays(today, -180);
  const leader = userId("leader");
  const staff = userId("staff");

  // fulfilled, paid in two instalments
  {
    const committedOn = minDate(addDays(signedOn("rinwa-increase"), 10), today);
    const firstPaid = minDate(addDays(committedOn, 60), today);
    const secondPaid = minDate(addDays(committedOn, 100), today);
    const id = commit("rinwa-increase", {
      clauseId: increaseClause,
      item: "增资奖励（示例）",
      amountCny: 1_500_000,
      condition: "增资部分当年实到外资不低于1000万美元",
      dueOn: addDays(committedOn, 120),
      status: "fulfilled",
      committedBy: leader,
      committedOn,
      fulfilledOn: secondPaid,
    });
    tx.insert(payouts)
      .values({ commitmentId: id, amountCny: 900_000, paidOn: firstPaid, reference: "演示-兑现-第1笔", createdBy: staff, createdAt: instantOn(firstPaid, 14) })
      .run();
    tx.insert(payouts)
      .values({
        commitmentId: id,
        amountCny: 600_000,
        paidOn: secondPaid,
        reference: "演示-兑现-第2笔",
        createdBy: staff,
        createdAt: instantOn(secondPaid, 14),
      })
      .run();
  }
  // committed, past its date and unpaid: overdue
  {
    const dueOn = addDays(today, -rng.int(20, 40));
    const signed = signedOn("toyushio-increase");
    const committedOn = maxDate(signed, minDate(addDays(signed, 14), addDays(dueOn, -90)));
    commit("toyushio-increase", {
      clauseId: increaseClause,
      item: "增资奖励（示例）",
      amountCny: 1_000_000,
      condition: "增资款足额到位并完成外资变更登记",
      dueOn: maxDate(dueOn, addDays(committedOn, 1)),
      status: "committed",
      committedBy: leader,
      committedOn,
    });
  }
  // conditions met, due later
  {
    const committedOn = minDate(addDays(signedOn("kleinwald-new"), 20), today);
    commit("kleinwald-new", {
      clauseId: bigProjectClause,
      item: "设备投资补助（示例）",
      amountCny: 3_000_000,
      condition: "项目开工且设备投资不低于1亿元",
      dueOn: addDays(today, rng.int(45, 75)),
      status: "conditions_met",
      committedBy: leader,
      committedOn,
    });
  }
  // proposed by the owner, not yet committed
  commit("falkenried-new", {
    clauseId: bigProjectClause,
    item: "招大引强项目奖励（示例）",
    amountCny: 5_000_000,
    condition: "项目投产且当年实到外资不低于5000万美元",
    dueOn: addDays(today, rng.int(180, 240)),
    status: "proposed",
  });
}

/** 实到外资 for verified signings that reached 注册 or later, in one to three instalments. */
function writeDemoArrivals(tx: Tx, today: string, rng: Random, plans: PlannedProject[], projectIds: Map<string, number>, staffId: number): void {
  const tranchesByStage: Partial<Record<Stage, [count: number, minShare: number, maxShare: number]>> = {
    registered: [1, 0.15, 0.3],
    construction: [2, 0.35, 0.6],
    production: [3, 0.6, 0.8],
  };
  for (const plan of plans) {
    if (plan.verifiedAt === null || !plan.signedOn) continue;
    const tranches = tranchesByStage[plan.spec.stage];
    const registration = plan.transitions.find((t) => t.from !== null && stageIndex(t.to) >= stageIndex("registered"));
    if (!tranches || !registration) continue;
    const [count, minShare, maxShare] = tranches;
    const earliest = addDays(maxDate(registration.on, addDays(plan.signedOn, 1)), 10);
    if (earliest > today) continue;
    const span = daysBetween(earliest, today);
    const contractedWan = plan.contractedFdiUsd / 10_000;
    const shareWan = contractedWan * rng.float(minShare, maxShare);
    let previous = "";
    for (let i = 0; i < count; i++) {
      let arrivedOn = addDays(earliest, Math.floor((span * (i + rng.float(0, 0.8))) / count));
      if (arrivedOn <= previous) arrivedOn = addDays(previous, 1);
      if (arrivedOn > today) break;
      previous = arrivedOn;
      const at = instantOn(arrivedOn, 15, rng.int(0, 59));
      tx.insert(fdiArrivals)
        .values({
          projectId: projectIds.get(plan.spec.key)!,
          arrivedOn,
          amountUsd: wan(Math.max(10, (shareWan / count) * rng.float(0.8, 1.2))),
          reference: `资本金账户入账（演示，第${i + 1}笔）`,
          createdBy: staffId,
          createdAt: at,
          updatedAt: at,
        })
        .run();
    }
  }
}

/** County-wide annual targets (DESIGN.md §4 indicators) for this year and last. */
function writeDemoTargets(tx: Tx, today: string): void {
  const year = Number(today.slice(0, 4));
  const byYear: Array<[number, Record<string, number>]> = [
    [
      year - 1,
      {
        signed_projects: 28,
        contracted_fdi_usd: 550_000_000,
        actual_fdi_usd: 400_000_000,
        total_investment_usd: 1_400_000_000,
        big_projects: 4,
        fortune500_projects: 2,
      },
    ],
    [
      year,
      {
        signed_projects: 30,
        contracted_fdi_usd: 600_000_000,
        actual_fdi_usd: 400_000_000,
        total_investment_usd: 1_500_000_000,
        big_projects: 5,
        fortune500_projects: 3,
      },
    ],
  ];
  for (const [targetYear, values] of byYear) {
    for (const [indicator, value] of Object.entries(values)) {
      tx.insert(targets).values({ year: targetYear, indicator, unitId: null, value }).run();
    }
  }
}

/**
 * Writes the fictional demo data unless the database already has users. Needs the reference
 * data (units, channels, parks, chains, policies) to be present.
 */
export async function seedDemo(db: Db, options: { today?: string } = {}): Promise<void> {
  const hasUsers = () => (db.select({ n: count() }).from(users).get()?.n ?? 0) > 0;
  if (hasUsers()) return;
  const today = options.today ?? businessToday();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  db.transaction((tx) => {
    if ((tx.select({ n: count() }).from(users).get()?.n ?? 0) > 0) return;
    writeDemo(tx, today, passwordHash);
  });
}

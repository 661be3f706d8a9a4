/**
 * The four import kinds of DESIGN.md §10 and their columns: the header a template writes, the
 * synonyms ledgers use for it, whether a row needs it, and the hint of the instructions sheet.
 * Shared by the browser (the preview's column mapping) and the server.
 */
import { ACTIVITY_TYPE_LABELS, ACTIVITY_TYPES } from "../activities/activity";
import { PRIORITIES, PRIORITY_LABELS, PROJECT_TYPE_LABELS, PROJECT_TYPES, STAGE_LABELS, STAGES } from "../projects/stages";
import type { Currency } from "./values";

export const IMPORT_KINDS = ["companies", "projects", "activities", "arrivals"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
  companies: "企业",
  projects: "招商项目",
  activities: "活动记录",
  arrivals: "实到外资",
};

/** What to do with a row that matches a record already in the system (or an earlier row). */
export const DUPLICATE_MODES = ["skip", "update", "refuse"] as const;
export type DuplicateMode = (typeof DUPLICATE_MODES)[number];
export const DUPLICATE_MODE_LABELS: Record<DuplicateMode, string> = {
  skip: "跳过",
  update: "更新已有记录",
  refuse: "拒绝",
};

export interface ImportField {
  key: string;
  /** the template's header; its unit in brackets is the unit numbers are read in by default */
  label: string;
  synonyms: readonly string[];
  required?: boolean;
  /** the instructions sheet's line for this column */
  hint: string;
  /** coded values offered as a drop-down in the template (database lists are added by the server) */
  choices?: readonly string[];
  /** an amount: its currency (a header naming the other currency is refused) */
  currency?: Currency;
  /** the template's example value */
  example: string | number;
}

const YES_NO = ["是", "否"] as const;

const COMPANY_FIELDS: ImportField[] = [
  {
    key: "name",
    label: "企业名称",
    synonyms: ["公司名称", "企业全称", "单位名称", "企业（单位）名称", "名称", "外资企业名称", "投资方企业", "企业中文名称"],
    required: true,
    hint: "必填，企业中文全称",
    example: "【示例】樱野精密机械株式会社",
  },
  {
    key: "foreignName",
    label: "外文名称",
    synonyms: ["英文名称", "外文名", "英文名", "企业外文名称", "企业英文名称", "原文名称"],
    hint: "选填，日文、德文、英文等原文名称",
    example: "Sakurano Precision Co., Ltd.",
  },
  {
    key: "uscc",
    label: "统一社会信用代码",
    synonyms: ["信用代码", "社会信用代码", "统一代码", "USCC", "统一社会信用代码（注册号）"],
    hint: "选填，18位；填写后按它识别重复企业",
    example: "",
  },
  {
    key: "country",
    label: "国别/地区",
    synonyms: ["国别", "国家", "地区", "国家/地区", "国家和地区", "国别和地区", "国别（地区）", "外方国别", "外方国别和地区", "投资方国别", "来源地"],
    required: true,
    hint: "必填，如 日本、德国、中国香港；也可写 Japan、JP、香港",
    choices: [],
    example: "日本",
  },
  { key: "city", label: "所在城市", synonyms: ["城市", "所在地", "总部所在地", "总部城市"], hint: "选填", example: "名古屋" },
  { key: "industry", label: "所属行业", synonyms: ["行业", "产业", "行业类别", "所属产业", "行业分类"], hint: "选填", example: "精密机械" },
  {
    key: "isFortune500",
    label: "世界500强",
    synonyms: ["是否世界500强", "500强", "世界五百强"],
    hint: "是/否（也可写 √、×、Y、N），空白为否",
    choices: YES_NO,
    example: "否",
  },
  { key: "isChainLeader", label: "链主企业", synonyms: ["是否链主企业", "链主"], hint: "是/否，空白为否", choices: YES_NO, example: "否" },
  {
    key: "isExistingInvestor",
    label: "存量外资企业",
    synonyms: ["是否存量外资企业", "存量外资", "已在平湖投资"],
    hint: "是/否，空白为否",
    choices: YES_NO,
    example: "是",
  },
  { key: "description", label: "企业简介", synonyms: ["简介", "企业介绍", "公司简介", "主营业务", "经营范围"], hint: "选填", example: "汽车零部件精密加工" },
  { key: "contactName", label: "联系人", synonyms: ["联系人姓名", "对接人", "企业联系人"], hint: "选填，填写后为企业添加联系人", example: "佐藤一郎" },
  { key: "contactTitle", label: "联系人职务", synonyms: ["职务", "职位"], hint: "选填", example: "中国区总经理" },
  { key: "contactPhone", label: "联系电话", synonyms: ["电话", "手机", "手机号码", "联系方式", "联系人电话"], hint: "选填", example: "+81 52 000 0000" },
  { key: "contactEmail", label: "电子邮箱", synonyms: ["邮箱", "Email", "E-mail", "联系人邮箱"], hint: "选填", example: "" },
  { key: "contactLanguage", label: "沟通语言", synonyms: ["语言", "联系人语言"], hint: "选填", example: "日语" },
];

const PROJECT_FIELDS: ImportField[] = [
  {
    key: "name",
    label: "项目名称",
    synonyms: ["项目", "项目全称"],
    required: true,
    hint: "必填；同一企业的同名项目视为重复",
    example: "【示例】樱野精密新能源汽车零部件项目",
  },
  {
    key: "companyName",
    label: "投资方企业",
    synonyms: ["企业名称", "投资方", "外方投资者", "投资主体", "投资企业", "公司名称", "外方投资方", "投资方名称"],
    required: true,
    hint: "必填；按统一社会信用代码或企业名称找企业库中的企业，找不到时用本行的国别/地区新建企业",
    example: "【示例】樱野精密机械株式会社",
  },
  {
    key: "companyUscc",
    label: "统一社会信用代码",
    synonyms: ["信用代码", "社会信用代码", "企业统一社会信用代码"],
    hint: "选填；填写后优先按它找企业",
    example: "",
  },
  {
    key: "country",
    label: "国别/地区",
    synonyms: ["国别", "国家", "地区", "外方国别", "外方国别和地区", "国别和地区", "外方国别（地区）"],
    hint: "投资方企业不在企业库时必填",
    example: "日本",
  },
  {
    key: "projectType",
    label: "项目类型",
    synonyms: ["类型", "投资类型", "项目性质"],
    hint: "新设、增资、利润再投资、并购；空白为新设",
    choices: PROJECT_TYPES.map((code) => PROJECT_TYPE_LABELS[code]),
    example: "新设",
  },
  {
    key: "channel",
    label: "线索来源",
    synonyms: ["来源", "招商方式", "信息来源", "线索渠道", "招商渠道"],
    hint: "选填，系统中的线索来源名称",
    choices: [],
    example: "以商招商",
  },
  {
    key: "owner",
    label: "负责人",
    synonyms: ["项目负责人", "招商员", "责任人", "跟进人", "经办人"],
    required: true,
    hint: "必填，系统用户的姓名",
    choices: [],
    example: "",
  },
  {
    key: "unit",
    label: "负责单位",
    synonyms: ["责任单位", "招商单位", "所属单位", "单位", "牵头单位"],
    hint: "空白为负责人所在单位",
    choices: [],
    example: "",
  },
  {
    key: "park",
    label: "落地载体",
    synonyms: ["载体", "落户载体", "拟落户载体", "落地平台", "所在园区", "园区"],
    hint: "选填，系统中的载体名称",
    choices: [],
    example: "中日（平湖）产业合作园",
  },
  {
    key: "totalInvestmentUsd",
    label: "总投资（万美元）",
    synonyms: ["总投资", "投资总额", "项目总投资"],
    required: true,
    currency: "USD",
    hint: "必填；按表头单位换算（万美元、美元、亿美元），单元格内可写 1.2亿、1,200万",
    example: 12000,
  },
  {
    key: "contractedFdiUsd",
    label: "合同外资（万美元）",
    synonyms: ["合同外资", "合同利用外资", "外资金额", "注册资本中外资", "合同外资额"],
    required: true,
    currency: "USD",
    hint: "必填，不大于总投资",
    example: 5000,
  },
  { key: "fixedAssetInvestmentCny", label: "固定资产投资（万元）", synonyms: ["固定资产投资", "固投"], currency: "CNY", hint: "选填，人民币", example: 30000 },
  { key: "landMu", label: "用地（亩）", synonyms: ["用地", "用地面积", "用地面积（亩）", "土地（亩）", "供地（亩）"], hint: "选填", example: 80 },
  { key: "expectedJobs", label: "预计就业人数", synonyms: ["就业人数", "预计用工", "用工人数"], hint: "选填，整数", example: 300 },
  {
    key: "priority",
    label: "优先级",
    synonyms: ["重要程度", "项目级别"],
    hint: "重点、一般、较低；空白为一般",
    choices: PRIORITIES.map((code) => PRIORITY_LABELS[code]),
    example: "重点",
  },
  {
    key: "enteredOn",
    label: "线索日期",
    synonyms: ["登记日期", "录入日期", "线索登记日期", "获取线索日期", "首次接触日期", "信息获取时间"],
    hint: "空白为当前阶段日期（或今天）；不能晚于今天",
    example: "2026-01-15",
  },
  {
    key: "stage",
    label: "当前阶段",
    synonyms: ["阶段", "项目阶段", "进展阶段", "项目进度", "推进阶段"],
    hint: "线索、接洽、洽谈、签约、注册、开工、投产；空白为线索。签约及以后的阶段导入后为待甄别",
    choices: STAGES.map((code) => STAGE_LABELS[code]),
    example: "洽谈",
  },
  {
    key: "stageOn",
    label: "阶段日期",
    synonyms: ["阶段发生日期", "当前阶段日期", "进入阶段日期", "发生日期"],
    hint: "当前阶段不是线索时必填，不早于线索日期",
    example: "2026-03-05",
  },
  { key: "nextFollowUpOn", label: "下次跟进日期", synonyms: ["下次跟进", "跟进日期"], hint: "选填", example: "" },
  { key: "nextFollowUpItem", label: "下次跟进事项", synonyms: ["跟进事项", "下一步工作"], hint: "选填", example: "" },
  {
    key: "description",
    label: "项目简介",
    synonyms: ["项目概况", "项目内容", "建设内容", "项目进展情况", "进展情况"],
    hint: "选填",
    example: "年产50万套新能源汽车电驱零部件",
  },
];

const ACTIVITY_FIELDS: ImportField[] = [
  {
    key: "projectName",
    label: "项目名称",
    synonyms: ["项目", "所属项目"],
    hint: "项目名称与企业名称至少填一项；按项目名称找项目",
    example: "【示例】樱野精密新能源汽车零部件项目",
  },
  { key: "companyName", label: "企业名称", synonyms: ["投资方企业", "公司名称", "企业"], hint: "没有项目时按企业记录活动", example: "" },
  { key: "companyUscc", label: "统一社会信用代码", synonyms: ["信用代码", "社会信用代码"], hint: "选填；填写后按它找企业", example: "" },
  {
    key: "type",
    label: "活动类型",
    synonyms: ["类型", "方式", "活动方式", "对接方式"],
    hint: `${ACTIVITY_TYPES.map((code) => ACTIVITY_TYPE_LABELS[code]).join("、")}；空白为其他`,
    choices: ACTIVITY_TYPES.map((code) => ACTIVITY_TYPE_LABELS[code]),
    example: "拜访",
  },
  {
    key: "occurredOn",
    label: "活动日期",
    synonyms: ["日期", "时间", "对接日期", "拜访日期", "活动时间"],
    required: true,
    hint: "必填，不能晚于今天",
    example: "2026-03-05",
  },
  { key: "participants", label: "参与人员", synonyms: ["参加人员", "参会人员", "人员"], hint: "选填", example: "李招商、王主任" },
  { key: "place", label: "地点", synonyms: ["活动地点", "城市"], hint: "选填", example: "名古屋" },
  {
    key: "summary",
    label: "纪要",
    synonyms: ["活动纪要", "内容", "活动内容", "情况说明", "对接情况", "洽谈内容", "主要内容"],
    required: true,
    hint: "必填",
    example: "介绍中日产业合作园用地条件，企业表示有意向",
  },
  { key: "nextStep", label: "下一步", synonyms: ["下步工作", "下一步工作", "后续安排"], hint: "选填", example: "安排来访考察" },
];

const ARRIVAL_FIELDS: ImportField[] = [
  { key: "projectName", label: "项目名称", synonyms: ["项目"], hint: "项目名称与统一社会信用代码至少填一项", example: "【示例】樱野精密新能源汽车零部件项目" },
  {
    key: "companyUscc",
    label: "统一社会信用代码",
    synonyms: ["信用代码", "社会信用代码", "企业统一社会信用代码"],
    hint: "企业只有一个已甄别签约项目时，可只填它",
    example: "",
  },
  { key: "companyName", label: "企业名称", synonyms: ["外资企业名称", "投资方企业", "公司名称"], hint: "选填，项目同名时用于区分", example: "" },
  {
    key: "arrivedOn",
    label: "到账日期",
    synonyms: ["日期", "到资日期", "入账日期", "到账时间"],
    required: true,
    hint: "必填，不早于签约日期，不晚于今天",
    example: "2026-04-20",
  },
  {
    key: "amountUsd",
    label: "到账金额（万美元）",
    synonyms: ["到账金额", "实到外资", "实到外资（万美元）", "到资金额", "金额", "实际到资"],
    required: true,
    currency: "USD",
    hint: "必填，大于0；按表头单位换算（万美元、美元、亿美元）",
    example: 800,
  },
  { key: "reference", label: "凭证说明", synonyms: ["凭证", "凭证号", "备注", "外汇登记号", "业务编号"], hint: "选填", example: "外汇登记凭证" },
];

export const IMPORT_FIELDS: Record<ImportKind, readonly ImportField[]> = {
  companies: COMPANY_FIELDS,
  projects: PROJECT_FIELDS,
  activities: ACTIVITY_FIELDS,
  arrivals: ARRIVAL_FIELDS,
};

/** Headers that carry nothing to import (row numbers); recognised so they are not listed as unknown. */
const IGNORED_HEADERS = new Set(["序号", "编号", "行号", "no", "no.", "#", "原行号", "错误说明"]);

/** A header reduced for matching: half-width, no spaces or required-marks, bracketed units removed. */
export function headerKey(header: string): string {
  return header
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\s+/g, "")
    .replace(/[*※★]/g, "")
    .replace(/\([^)]*\)/g, "")
    .replace(/[:：]$/, "");
}

export interface ColumnMapping {
  /** 0-based column in the file */
  index: number;
  header: string;
  /** the field it is read as, or null when not understood / ignored */
  field: string | null;
  /** 序号 and the like: known, nothing to read */
  ignored?: boolean;
}

/** Matches each header to a field of the kind (first match wins; a field is taken once). */
export function matchHeaders(kind: ImportKind, headers: readonly string[]): ColumnMapping[] {
  const fields = IMPORT_FIELDS[kind];
  const byKey = new Map<string, string>();
  for (const field of fields) {
    byKey.set(headerKey(field.label), field.key);
    for (const synonym of field.synonyms) if (!byKey.has(headerKey(synonym))) byKey.set(headerKey(synonym), field.key);
  }
  const taken = new Set<string>();
  return headers.map((header, index) => {
    const key = headerKey(header);
    const field = byKey.get(key) ?? byKey.get(headerKey(header.normalize("NFKC").replace(/\(.*$/, ""))) ?? null;
    if (field && !taken.has(field)) {
      taken.add(field);
      return { index, header, field };
    }
    return { index, header, field: null, ignored: IGNORED_HEADERS.has(key) || header.trim() === "" };
  });
}

/** How many headers of a row name a field of the kind (to find the header row). */
export function headerScore(kind: ImportKind, cells: readonly string[]): number {
  return matchHeaders(kind, cells).filter((column) => column.field !== null).length;
}

export function fieldOf(kind: ImportKind, key: string): ImportField | undefined {
  return IMPORT_FIELDS[kind].find((field) => field.key === key);
}

/** Required fields no column maps to. */
export function missingRequired(kind: ImportKind, mapping: readonly ColumnMapping[]): ImportField[] {
  const mapped = new Set(mapping.map((column) => column.field));
  return IMPORT_FIELDS[kind].filter((field) => field.required && !mapped.has(field.key));
}

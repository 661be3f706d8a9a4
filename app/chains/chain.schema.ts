/** Forms of the industry-chain screens, shared by the browser and the server. */
import { z } from "zod";
import { optionalId, optionalText, requiredId, requiredText, versionField } from "../lib/form";
import { GAP_STATUSES, LINK_ROLES, NODE_LEVELS } from "./labels";

const choice = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.preprocess((value) => (value == null ? "" : value), z.enum(values, { message }));

const optionalGapStatus = z.preprocess((value) => (value == null || value === "" ? null : value), z.enum(GAP_STATUSES, { message: "链环状态无效" }).nullable());

/** 关联: a project serves a chain node as 补链/强链/延链. */
export const chainLinkSchema = z.object({
  nodeId: requiredId("请选择产业链环节"),
  role: choice(LINK_ROLES, "请选择作用"),
});
export type ChainLinkInput = z.infer<typeof chainLinkSchema>;

/** 取消关联 of a project and a chain node. */
export const chainUnlinkSchema = z.object({ linkId: requiredId("关联无效") });

/** A new node under a parent (or at the top of a system). */
export const newNodeSchema = z.object({
  systemId: requiredId("产业链体系无效"),
  parentId: optionalId("上级节点"),
  level: choice(NODE_LEVELS, "请选择节点层级"),
  name: requiredText("请输入节点名称", 50, "节点名称"),
  gapStatus: optionalGapStatus,
});
export type NewNodeInput = z.infer<typeof newNodeSchema>;

/** Rename, set the gap status and move (a new parent) in one versioned save. */
export const nodeSchema = z.object({
  name: requiredText("请输入节点名称", 50, "节点名称"),
  gapStatus: optionalGapStatus,
  parentId: optionalId("上级节点"),
  version: versionField,
});
export type NodeInput = z.infer<typeof nodeSchema>;

/** 停用 / 恢复 a node as the page showed it. */
export const nodeStepSchema = z.object({ version: versionField });

/** The "十个一" items kept as text (labels in PROFILE_FIELDS). */
export const profileSchema = z.object({
  chainChief: optionalText(200, "链长"),
  workingGroup: optionalText(500, "工作小组"),
  alliance: optionalText(500, "产业联盟"),
  plan: optionalText(500, "产业发展规划"),
  fund: optionalText(500, "产业基金"),
  workRules: optionalText(500, "工作制度"),
  version: versionField,
});
export type ProfileInput = z.infer<typeof profileSchema>;

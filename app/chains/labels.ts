/** Labels of the industry-chain enums (DESIGN.md §1, §6); the values are in app/domain/codes.ts. */
import type { GapStatus, LinkRole, NodeLevel } from "../domain/codes";

export {
  CHAIN_COMPANY_ROLES,
  GAP_STATUSES,
  LINK_ROLES,
  NODE_LEVELS,
  type ChainCompanyRole,
  type GapStatus,
  type LinkRole,
  type NodeLevel,
} from "../domain/codes";

export const GAP_STATUS_LABELS: Record<GapStatus, string> = { strong: "优势", weak: "薄弱", gap: "空白" };

export const LINK_ROLE_LABELS: Record<LinkRole, string> = { fill: "补链", strengthen: "强链", extend: "延链" };

export const NODE_LEVEL_LABELS: Record<NodeLevel, string> = { group: "产业群", chain: "产业链", link: "环节" };

/**
 * The "十个一" items kept as text on a chain node. The others come from records: 链主企业 and
 * 重点招商对象清单 from the chain's companies, 产业链鱼骨图 from its link nodes, 重点企业（项目）清单 from
 * the projects linked to it.
 */
export const PROFILE_FIELDS = [
  ["chainChief", "链长"],
  ["workingGroup", "工作小组"],
  ["alliance", "产业联盟"],
  ["plan", "产业发展规划"],
  ["fund", "产业基金"],
  ["workRules", "工作制度"],
] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number][0];

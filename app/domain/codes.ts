/**
 * The code lists of the domain (DESIGN.md §1): the values stored in the enum columns of
 * db/schema.ts, each defined once here. The schema takes its `enum:` options from these arrays and
 * the app modules re-export them beside their Chinese labels.
 *
 * Plain data with no imports, so the schema, the server and the browser bundle can all use it.
 * The order of each list is the order the screens show (and STAGES the order of the funnel and the
 * figures): change it only on purpose. Adding or removing a value changes what the column accepts.
 */

// ── organisation and access ───────────────────────────────────────────────

/** units.kind: 机关/中心, 开发区/园区, 镇/街道, 其他 */
export const UNIT_KINDS = ["center", "zone", "town", "other"] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** users.role (DESIGN.md §3) */
export const ROLES = ["officer", "leader", "staff", "admin"] as const;
export type Role = (typeof ROLES)[number];

// ── industry chains ───────────────────────────────────────────────────────

/** chain_nodes.level: 产业群, 产业链, 环节 */
export const NODE_LEVELS = ["group", "chain", "link"] as const;
export type NodeLevel = (typeof NODE_LEVELS)[number];

/** chain_nodes.gap_status of a link node: 优势, 薄弱, 空白 */
export const GAP_STATUSES = ["strong", "weak", "gap"] as const;
export type GapStatus = (typeof GAP_STATUSES)[number];

/** chain_node_companies.role: 链主企业, 重点招商对象 */
export const CHAIN_COMPANY_ROLES = ["chain_leader", "target"] as const;
export type ChainCompanyRole = (typeof CHAIN_COMPANY_ROLES)[number];

/** project_chain_links.role: 补链, 强链, 延链 */
export const LINK_ROLES = ["fill", "strengthen", "extend"] as const;
export type LinkRole = (typeof LINK_ROLES)[number];

// ── parks ─────────────────────────────────────────────────────────────────

/** parks.kind: 开发区, 国别产业园, 科技城, 镇街 */
export const PARK_KINDS = ["development_zone", "country_park", "science_city", "town"] as const;
export type ParkKind = (typeof PARK_KINDS)[number];

// ── projects ──────────────────────────────────────────────────────────────

/** projects.stage, project_stage_history.from_stage/to_stage (DESIGN.md §2), in funnel order */
export const STAGES = ["lead", "contacted", "negotiating", "signed", "registered", "construction", "production"] as const;
export type Stage = (typeof STAGES)[number];

/** projects.status, project_status_history.from_status/to_status (DESIGN.md §2) */
export const STATUSES = ["active", "on_hold", "dormant", "lost", "abandoned"] as const;
export type Status = (typeof STATUSES)[number];

/** projects.project_type: 新设, 增资, 利润再投资, 并购 */
export const PROJECT_TYPES = ["new", "capital_increase", "profit_reinvestment", "merger"] as const;
export type ProjectType = (typeof PROJECT_TYPES)[number];

/** projects.priority: 重点, 一般, 较低 */
export const PRIORITIES = ["high", "normal", "low"] as const;
export type Priority = (typeof PRIORITIES)[number];

/** activities.type */
export const ACTIVITY_TYPES = ["call", "visit", "inbound_visit", "outbound_trip", "video", "promotion", "signing_ceremony", "other"] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

// ── policies and commitments ──────────────────────────────────────────────

/** policies.level: 国家, 省, 市, 县 */
export const POLICY_LEVELS = ["national", "provincial", "municipal", "county"] as const;
export type PolicyLevel = (typeof POLICY_LEVELS)[number];

/** commitments.status (DESIGN.md §1, §3), in the order of the flow */
export const COMMITMENT_STATUSES = ["proposed", "committed", "conditions_met", "fulfilled", "cancelled"] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

// ── imports ───────────────────────────────────────────────────────────────

/** import_batch_records.action: what an import did to the record (撤销导入 undoes it) */
export const IMPORT_RECORD_ACTIONS = ["create", "update"] as const;
export type ImportRecordAction = (typeof IMPORT_RECORD_ACTIONS)[number];

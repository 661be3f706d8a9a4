/**
 * The whole domain model of DESIGN.md §1.
 *
 * Conventions: money is integer (US dollars for FDI figures, yuan for RMB); business dates are
 * `YYYY-MM-DD` text; instants are epoch milliseconds; deletes are soft (`deleted_at`); rows that
 * users edit carry `version` for optimistic concurrency.
 */
import { sql } from "drizzle-orm";
import { sqliteTable, integer, text, real, index, uniqueIndex, primaryKey, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import {
  ACTIVITY_TYPES,
  CHAIN_COMPANY_ROLES,
  COMMITMENT_STATUSES,
  GAP_STATUSES,
  IMPORT_RECORD_ACTIONS,
  LINK_ROLES,
  NODE_LEVELS,
  PARK_KINDS,
  POLICY_LEVELS,
  PRIORITIES,
  PROJECT_TYPES,
  ROLES,
  STAGES,
  STATUSES,
  UNIT_KINDS,
} from "../app/domain/codes";

const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;

const timestamps = {
  createdAt: integer("created_at").notNull().default(now),
  updatedAt: integer("updated_at").notNull().default(now),
};
const softDelete = { deletedAt: integer("deleted_at") };
const versioned = { version: integer("version").notNull().default(1) };

// ── organisation and access ───────────────────────────────────────────────

export const units = sqliteTable("units", {
  id: integer("id").primaryKey(),
  name: text("name").notNull().unique(),
  kind: text("kind", { enum: UNIT_KINDS }).notNull().default("other"),
  sortOrder: integer("sort_order").notNull().default(0),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  ...timestamps,
  ...versioned,
});

export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey(),
    username: text("username").notNull().unique(),
    displayName: text("display_name").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    passwordHash: text("password_hash").notNull(),
    /** a one-time password was given (new user, 重置密码): it must be changed at the next sign-in */
    mustChangePassword: integer("must_change_password", { mode: "boolean" }).notNull().default(false),
    lastSignInAt: integer("last_sign_in_at"),
    ...timestamps,
    ...versioned,
  },
  (t) => [index("users_unit_idx").on(t.unitId)],
);

export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    expiresAt: integer("expires_at").notNull(),
    /** last request seen; a session idle for 8 hours ends (DESIGN.md §9) */
    lastSeenAt: integer("last_seen_at").notNull(),
    createdAt: integer("created_at").notNull().default(now),
  },
  (t) => [index("sessions_user_idx").on(t.userId), index("sessions_expires_idx").on(t.expiresAt)],
);

export const loginAttempts = sqliteTable(
  "login_attempts",
  {
    id: integer("id").primaryKey(),
    username: text("username").notNull(),
    address: text("address").notNull(),
    succeeded: integer("succeeded", { mode: "boolean" }).notNull(),
    /** an administrator's 解锁 clears earlier failures from the count (they stay in the log) */
    cleared: integer("cleared", { mode: "boolean" }).notNull().default(false),
    at: integer("at").notNull().default(now),
  },
  (t) => [
    index("login_attempts_username_idx").on(t.username, t.at),
    index("login_attempts_username_address_idx").on(t.username, t.address, t.at),
    index("login_attempts_address_idx").on(t.address, t.at),
  ],
);

// ── reference data ───────────────────────────────────────────────────────

/** 线索来源 (DESIGN.md §5), editable by the admin. */
export const channels = sqliteTable("channels", {
  id: integer("id").primaryKey(),
  name: text("name").notNull().unique(),
  sortOrder: integer("sort_order").notNull().default(0),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  ...timestamps,
  ...versioned,
});

// ── companies ─────────────────────────────────────────────────────────────

export const companies = sqliteTable(
  "companies",
  {
    id: integer("id").primaryKey(),
    name: text("name").notNull(),
    foreignName: text("foreign_name"),
    /** normalized name for the duplicate guard (see app/companies/company-name.ts) */
    nameKey: text("name_key").notNull(),
    foreignNameKey: text("foreign_name_key"),
    /** folded names, pinyin and initials, one per line, for search (app/companies/name-folding.ts); '' until computed */
    searchText: text("search_text").notNull().default(""),
    uscc: text("uscc"),
    /** ISO 3166-1 alpha-2; HK, MO and TW are separate regions */
    country: text("country").notNull(),
    city: text("city"),
    industry: text("industry"),
    isFortune500: integer("is_fortune500", { mode: "boolean" }).notNull().default(false),
    isChainLeader: integer("is_chain_leader", { mode: "boolean" }).notNull().default(false),
    isExistingInvestor: integer("is_existing_investor", { mode: "boolean" }).notNull().default(false),
    description: text("description"),
    isDemo: integer("is_demo", { mode: "boolean" }).notNull().default(false),
    createdBy: integer("created_by").references(() => users.id),
    ...timestamps,
    ...softDelete,
    ...versioned,
  },
  (t) => [
    uniqueIndex("companies_uscc_unique")
      .on(t.uscc)
      .where(sql`${t.uscc} is not null and ${t.deletedAt} is null`),
    index("companies_name_key_idx").on(t.nameKey),
    index("companies_foreign_name_key_idx").on(t.foreignNameKey),
    index("companies_country_idx").on(t.country, t.updatedAt),
    index("companies_updated_idx").on(t.updatedAt),
    index("companies_name_idx").on(t.name),
    // rows whose search text is still to be computed (app/companies/search-backfill.server.ts)
    index("companies_search_pending_idx")
      .on(t.id)
      .where(sql`${t.searchText} = ''`),
  ],
);

export const contacts = sqliteTable(
  "contacts",
  {
    id: integer("id").primaryKey(),
    companyId: integer("company_id")
      .notNull()
      .references(() => companies.id),
    name: text("name").notNull(),
    title: text("title"),
    phone: text("phone"),
    email: text("email"),
    language: text("language"),
    note: text("note"),
    ...timestamps,
    ...softDelete,
    ...versioned,
  },
  (t) => [index("contacts_company_idx").on(t.companyId)],
);

// ── industry chains ───────────────────────────────────────────────────────

export const chainSystems = sqliteTable("chain_systems", {
  id: integer("id").primaryKey(),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  description: text("description"),
  sortOrder: integer("sort_order").notNull().default(0),
  ...timestamps,
  ...versioned,
});

export const chainNodes = sqliteTable(
  "chain_nodes",
  {
    id: integer("id").primaryKey(),
    systemId: integer("system_id")
      .notNull()
      .references(() => chainSystems.id),
    parentId: integer("parent_id").references((): AnySQLiteColumn => chainNodes.id),
    /** group 群/类, chain 链, link 环节 */
    level: text("level", { enum: NODE_LEVELS }).notNull(),
    name: text("name").notNull(),
    /** materialized path of ids, e.g. `/3/12/40/`, for subtree queries */
    path: text("path").notNull(),
    sortOrder: integer("sort_order").notNull().default(0),
    /** link nodes: 优势 strong / 薄弱 weak / 空白 gap */
    gapStatus: text("gap_status", { enum: GAP_STATUSES }),
    /** chain nodes: the "十个一" profile as JSON (链长, 产业联盟, 产业基金 …) */
    profile: text("profile", { mode: "json" }).$type<Record<string, string>>(),
    retiredAt: integer("retired_at"),
    ...timestamps,
    ...versioned,
  },
  (t) => [
    index("chain_nodes_system_idx").on(t.systemId, t.sortOrder),
    index("chain_nodes_parent_idx").on(t.parentId, t.sortOrder),
    index("chain_nodes_path_idx").on(t.path),
  ],
);

/** 链主企业 and 重点招商对象清单 of a chain node. */
export const chainNodeCompanies = sqliteTable(
  "chain_node_companies",
  {
    nodeId: integer("node_id")
      .notNull()
      .references(() => chainNodes.id),
    companyId: integer("company_id")
      .notNull()
      .references(() => companies.id),
    role: text("role", { enum: CHAIN_COMPANY_ROLES }).notNull(),
    createdAt: integer("created_at").notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.nodeId, t.companyId, t.role] }), index("chain_node_companies_company_idx").on(t.companyId)],
);

// ── parks ─────────────────────────────────────────────────────────────────

export const parks = sqliteTable(
  "parks",
  {
    id: integer("id").primaryKey(),
    name: text("name").notNull().unique(),
    kind: text("kind", { enum: PARK_KINDS }).notNull(),
    parentId: integer("parent_id").references((): AnySQLiteColumn => parks.id),
    /** ISO codes of the countries the park courts, JSON array */
    focusCountries: text("focus_countries", { mode: "json" })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    availableLandMu: real("available_land_mu"),
    standardFactorySqm: integer("standard_factory_sqm"),
    customFactorySqm: integer("custom_factory_sqm"),
    description: text("description"),
    sortOrder: integer("sort_order").notNull().default(0),
    ...timestamps,
    ...softDelete,
    ...versioned,
  },
  (t) => [index("parks_parent_idx").on(t.parentId)],
);

export const parkFocusChains = sqliteTable(
  "park_focus_chains",
  {
    parkId: integer("park_id")
      .notNull()
      .references(() => parks.id),
    nodeId: integer("node_id")
      .notNull()
      .references(() => chainNodes.id),
  },
  (t) => [primaryKey({ columns: [t.parkId, t.nodeId] })],
);

// ── projects ──────────────────────────────────────────────────────────────

export const projects = sqliteTable(
  "projects",
  {
    id: integer("id").primaryKey(),
    name: text("name").notNull(),
    /** folded name, pinyin and initials, as companies.search_text */
    searchText: text("search_text").notNull().default(""),
    companyId: integer("company_id")
      .notNull()
      .references(() => companies.id),
    projectType: text("project_type", { enum: PROJECT_TYPES }).notNull(),
    channelId: integer("channel_id").references(() => channels.id),
    ownerId: integer("owner_id")
      .notNull()
      .references(() => users.id),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    parkId: integer("park_id").references(() => parks.id),
    /** expected figures, US dollars / yuan; actual FDI comes only from fdi_arrivals */
    totalInvestmentUsd: integer("total_investment_usd").notNull().default(0),
    contractedFdiUsd: integer("contracted_fdi_usd").notNull().default(0),
    fixedAssetInvestmentCny: integer("fixed_asset_investment_cny"),
    landMu: real("land_mu"),
    expectedJobs: integer("expected_jobs"),
    expectedAnnualTaxCny: integer("expected_annual_tax_cny"),
    priority: text("priority", { enum: PRIORITIES }).notNull().default("normal"),
    nextFollowUpOn: text("next_follow_up_on"),
    nextFollowUpItem: text("next_follow_up_item"),
    description: text("description"),
    stage: text("stage", { enum: STAGES }).notNull().default("lead"),
    status: text("status", { enum: STATUSES }).notNull().default("active"),
    statusReason: text("status_reason"),
    lostTo: text("lost_to"),
    /** 发生日期 of the first transition reaching or passing 签约 */
    signedOn: text("signed_on"),
    signingVerifiedAt: integer("signing_verified_at"),
    /** business date of 甄别通过: before it, the signing stands as 签约（待甄别） in a snapshot */
    signingVerifiedOn: text("signing_verified_on"),
    signingVerifiedBy: integer("signing_verified_by").references(() => users.id),
    /** 甄别退回: the signing was sent back with a reason; cleared when it is verified */
    signingReturnedAt: integer("signing_returned_at"),
    signingReturnedBy: integer("signing_returned_by").references(() => users.id),
    signingReturnReason: text("signing_return_reason"),
    /** date of the latest activity (or creation), kept for 久未跟进 */
    lastActivityOn: text("last_activity_on").notNull(),
    isDemo: integer("is_demo", { mode: "boolean" }).notNull().default(false),
    createdBy: integer("created_by").references(() => users.id),
    ...timestamps,
    ...softDelete,
    ...versioned,
  },
  (t) => [
    index("projects_updated_idx").on(t.deletedAt, t.updatedAt),
    index("projects_unit_idx").on(t.unitId, t.updatedAt),
    index("projects_owner_idx").on(t.ownerId, t.updatedAt),
    index("projects_company_idx").on(t.companyId),
    index("projects_stage_idx").on(t.stage, t.updatedAt),
    index("projects_unit_stage_idx").on(t.unitId, t.stage),
    index("projects_stage_status_idx").on(t.stage, t.status),
    index("projects_status_idx").on(t.status, t.updatedAt),
    index("projects_park_idx").on(t.parkId),
    index("projects_channel_idx").on(t.channelId),
    index("projects_follow_up_idx").on(t.nextFollowUpOn),
    index("projects_search_pending_idx")
      .on(t.id)
      .where(sql`${t.searchText} = ''`),
    index("projects_investment_idx").on(t.totalInvestmentUsd),
    // the 看板: each column's count and total, and its largest cards, read from this index alone
    index("projects_board_idx").on(t.stage, t.totalInvestmentUsd, t.deletedAt, t.status, t.unitId, t.ownerId),
    // the 储备 snapshot (pipelineAt): the pursued projects' snapshot row, 总投资 and what the breakdowns
    // group by, read from this index alone instead of the projects' whole rows
    index("projects_snapshot_idx").on(
      t.status,
      t.deletedAt,
      t.stage,
      t.signingVerifiedOn,
      t.totalInvestmentUsd,
      t.companyId,
      t.parkId,
      t.unitId,
      t.ownerId,
      t.channelId,
      t.projectType,
    ),
    index("projects_signed_idx").on(t.signedOn),
    index("projects_last_activity_idx").on(t.ownerId, t.lastActivityOn),
  ],
);

export const projectMembers = sqliteTable(
  "project_members",
  {
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: integer("created_at").notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.userId] }), index("project_members_user_idx").on(t.userId)],
);

/** 阶段变更记录: the log every funnel and period figure is computed from. */
export const stageChanges = sqliteTable(
  "stage_changes",
  {
    id: integer("id").primaryKey(),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id),
    /** null for the entry as 线索 */
    fromStage: text("from_stage", { enum: STAGES }),
    toStage: text("to_stage", { enum: STAGES }).notNull(),
    /** 发生日期 (business date, may be back-dated) */
    occurredOn: text("occurred_on").notNull(),
    userId: integer("user_id").references(() => users.id),
    recordedAt: integer("recorded_at").notNull().default(now),
    note: text("note"),
  },
  (t) => [
    /** covers "furthest stage reached by a date" per project */
    index("stage_changes_project_idx").on(t.projectId, t.occurredOn, t.toStage),
    /** entries as 线索: the funnel's cohorts */
    index("stage_changes_entry_idx")
      .on(t.occurredOn, t.projectId)
      .where(sql`${t.fromStage} is null`),
    index("stage_changes_to_idx").on(t.toStage, t.occurredOn),
    index("stage_changes_occurred_idx").on(t.occurredOn),
  ],
);

export const activities = sqliteTable(
  "activities",
  {
    id: integer("id").primaryKey(),
    projectId: integer("project_id").references(() => projects.id),
    companyId: integer("company_id")
      .notNull()
      .references(() => companies.id),
    type: text("type", { enum: ACTIVITY_TYPES }).notNull(),
    occurredOn: text("occurred_on").notNull(),
    participants: text("participants"),
    place: text("place"),
    summary: text("summary").notNull(),
    nextStep: text("next_step"),
    createdBy: integer("created_by").references(() => users.id),
    ...timestamps,
    ...softDelete,
    ...versioned,
  },
  (t) => [
    index("activities_project_idx").on(t.projectId, t.occurredOn),
    index("activities_company_idx").on(t.companyId, t.occurredOn),
    index("activities_creator_idx").on(t.createdBy, t.occurredOn),
  ],
);

/** which chain node a project serves: 补链 fill, 强链 strengthen, 延链 extend */
export const projectChainLinks = sqliteTable(
  "project_chain_links",
  {
    id: integer("id").primaryKey(),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id),
    nodeId: integer("node_id")
      .notNull()
      .references(() => chainNodes.id),
    role: text("role", { enum: LINK_ROLES }).notNull(),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: integer("created_at").notNull().default(now),
    ...softDelete,
  },
  (t) => [
    uniqueIndex("project_chain_links_unique")
      .on(t.projectId, t.nodeId)
      .where(sql`${t.deletedAt} is null`),
    index("project_chain_links_node_idx").on(t.nodeId),
  ],
);

// ── policies ──────────────────────────────────────────────────────────────

export const policies = sqliteTable(
  "policies",
  {
    id: integer("id").primaryKey(),
    title: text("title").notNull(),
    /** 文号, e.g. 浙政办发〔2023〕22号 */
    docNumber: text("doc_number"),
    issuer: text("issuer"),
    level: text("level", { enum: POLICY_LEVELS }).notNull(),
    issuedOn: text("issued_on"),
    effectiveFrom: text("effective_from"),
    /** 失效 is derived: a policy past this date is expired */
    effectiveTo: text("effective_to"),
    /** set when a policy is repealed before its end date */
    repealedOn: text("repealed_on"),
    url: text("url"),
    summary: text("summary"),
    /** 示例: clause texts made up for the demo */
    isSample: integer("is_sample", { mode: "boolean" }).notNull().default(false),
    ...timestamps,
    ...softDelete,
    ...versioned,
  },
  (t) => [index("policies_effective_to_idx").on(t.effectiveTo)],
);

export const policyClauses = sqliteTable(
  "policy_clauses",
  {
    id: integer("id").primaryKey(),
    policyId: integer("policy_id")
      .notNull()
      .references(() => policies.id),
    /** 第X条 */
    number: text("number").notNull(),
    text: text("text").notNull(),
    incentiveType: text("incentive_type"),
    formula: text("formula"),
    capCny: integer("cap_cny"),
    sortOrder: integer("sort_order").notNull().default(0),
    ...timestamps,
    ...softDelete,
    ...versioned,
  },
  (t) => [index("policy_clauses_policy_idx").on(t.policyId, t.sortOrder)],
);

/** 政策依据: the clauses a project rests on */
export const projectPolicyBases = sqliteTable(
  "project_policy_bases",
  {
    id: integer("id").primaryKey(),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id),
    clauseId: integer("clause_id")
      .notNull()
      .references(() => policyClauses.id),
    note: text("note"),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: integer("created_at").notNull().default(now),
    ...softDelete,
  },
  (t) => [index("project_policy_bases_project_idx").on(t.projectId), index("project_policy_bases_clause_idx").on(t.clauseId)],
);

// ── commitments, arrivals, targets ────────────────────────────────────────

/**
 * 状态变更记录: every status change with its business date, like the stage log, so the 储备 snapshot
 * at a past date is exact. The entry row (from_status null, 进行中) is dated with the 线索日期.
 */
export const statusChanges = sqliteTable(
  "status_changes",
  {
    id: integer("id").primaryKey(),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id),
    fromStatus: text("from_status", { enum: STATUSES }),
    toStatus: text("to_status", { enum: STATUSES }).notNull(),
    /** 发生日期 (business date, may be back-dated) */
    occurredOn: text("occurred_on").notNull(),
    userId: integer("user_id").references(() => users.id),
    recordedAt: integer("recorded_at").notNull().default(now),
    /** 原因 (and 流失去向 for 流失) */
    reason: text("reason"),
    lostTo: text("lost_to"),
  },
  (t) => [index("status_changes_project_idx").on(t.projectId, t.occurredOn, t.toStatus), index("status_changes_occurred_idx").on(t.occurredOn)],
);

export const commitments = sqliteTable(
  "commitments",
  {
    id: integer("id").primaryKey(),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id),
    clauseId: integer("clause_id")
      .notNull()
      .references(() => policyClauses.id),
    item: text("item").notNull(),
    amountCny: integer("amount_cny").notNull(),
    condition: text("condition"),
    dueOn: text("due_on").notNull(),
    status: text("status", { enum: COMMITMENT_STATUSES }).notNull().default("proposed"),
    cancelReason: text("cancel_reason"),
    proposedBy: integer("proposed_by").references(() => users.id),
    committedBy: integer("committed_by").references(() => users.id),
    committedOn: text("committed_on"),
    fulfilledOn: text("fulfilled_on"),
    /** business date of 取消: the commitment is no longer open from that day */
    cancelledOn: text("cancelled_on"),
    ...timestamps,
    ...softDelete,
    ...versioned,
  },
  (t) => [
    index("commitments_status_due_idx").on(t.status, t.dueOn),
    index("commitments_project_idx").on(t.projectId),
    index("commitments_clause_idx").on(t.clauseId),
  ],
);

export const payouts = sqliteTable(
  "payouts",
  {
    id: integer("id").primaryKey(),
    commitmentId: integer("commitment_id")
      .notNull()
      .references(() => commitments.id),
    amountCny: integer("amount_cny").notNull(),
    paidOn: text("paid_on").notNull(),
    reference: text("reference"),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: integer("created_at").notNull().default(now),
    ...softDelete,
  },
  (t) => [index("payouts_commitment_idx").on(t.commitmentId), index("payouts_paid_idx").on(t.paidOn)],
);

/** 实到外资到账: the only source of actual FDI */
export const fdiArrivals = sqliteTable(
  "fdi_arrivals",
  {
    id: integer("id").primaryKey(),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id),
    arrivedOn: text("arrived_on").notNull(),
    amountUsd: integer("amount_usd").notNull(),
    reference: text("reference"),
    createdBy: integer("created_by").references(() => users.id),
    ...timestamps,
    ...softDelete,
    ...versioned,
  },
  (t) => [index("fdi_arrivals_date_idx").on(t.arrivedOn), index("fdi_arrivals_project_idx").on(t.projectId)],
);

export const targets = sqliteTable(
  "targets",
  {
    id: integer("id").primaryKey(),
    year: integer("year").notNull(),
    /** indicator code of DESIGN.md §4, see app/figures/indicators.ts */
    indicator: text("indicator").notNull(),
    /** null: the whole county */
    unitId: integer("unit_id").references(() => units.id),
    value: integer("value").notNull(),
    ...timestamps,
    ...versioned,
  },
  (t) => [
    uniqueIndex("targets_county_unique")
      .on(t.year, t.indicator)
      .where(sql`${t.unitId} is null`),
    uniqueIndex("targets_unit_unique")
      .on(t.year, t.indicator, t.unitId)
      .where(sql`${t.unitId} is not null`),
  ],
);

// ── monthly report ────────────────────────────────────────────────────────

export const reports = sqliteTable(
  "reports",
  {
    id: integer("id").primaryKey(),
    /** YYYY-MM */
    month: text("month").notNull(),
    /** 1, 2, … per month: regenerating makes a new edition */
    edition: integer("edition").notNull(),
    snapshot: text("snapshot", { mode: "json" }).notNull(),
    problems: text("problems"),
    nextMonthPlan: text("next_month_plan"),
    /** 主送 and 落款 (unit, date) of the Word file, editable per edition */
    addressedTo: text("addressed_to"),
    issuedBy: text("issued_by"),
    issuedOn: text("issued_on"),
    generatedBy: integer("generated_by").references(() => users.id),
    generatedAt: integer("generated_at").notNull().default(now),
    editedBy: integer("edited_by").references(() => users.id),
    editedAt: integer("edited_at"),
    ...softDelete,
    ...versioned,
  },
  (t) => [
    uniqueIndex("reports_month_edition_unique").on(t.month, t.edition),
    // the 月度报告 list reads only these: from the index, never through the rows' snapshots of megabytes each
    index("reports_list").on(t.month, t.edition, t.deletedAt, t.generatedAt, t.generatedBy, t.editedAt),
  ],
);

// ── audit ─────────────────────────────────────────────────────────────────

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey(),
    entityType: text("entity_type").notNull(),
    entityId: integer("entity_id").notNull(),
    action: text("action").notNull(),
    userId: integer("user_id").references(() => users.id),
    at: integer("at").notNull().default(now),
    /** { field: [old, new] } */
    changes: text("changes", { mode: "json" }).$type<Record<string, [unknown, unknown]>>(),
  },
  (t) => [index("audit_log_entity_idx").on(t.entityType, t.entityId, t.at)],
);

// ── imports ───────────────────────────────────────────────────────────────

/** 导入记录: one confirmed import of a spreadsheet (DESIGN.md §10). */
export const importBatches = sqliteTable(
  "import_batches",
  {
    id: integer("id").primaryKey(),
    /** companies | projects | activities | arrivals (app/imports/kinds.ts) */
    kind: text("kind").notNull(),
    fileName: text("file_name").notNull(),
    sha256: text("sha256").notNull(),
    /** skip | update | refuse: what was done with rows matching existing records */
    duplicateMode: text("duplicate_mode").notNull(),
    createdCount: integer("created_count").notNull().default(0),
    updatedCount: integer("updated_count").notNull().default(0),
    skippedCount: integer("skipped_count").notNull().default(0),
    refusedCount: integer("refused_count").notNull().default(0),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: integer("created_at").notNull().default(now),
    undoneAt: integer("undone_at"),
    undoneBy: integer("undone_by").references(() => users.id),
  },
  (t) => [index("import_batches_created_idx").on(t.createdAt)],
);

/**
 * Every record an import wrote: created ones are soft-deleted by 撤销导入, updated ones get their
 * `before` values back, as long as the record still has the version the import left it at.
 */
export const importBatchRecords = sqliteTable(
  "import_batch_records",
  {
    id: integer("id").primaryKey(),
    batchId: integer("batch_id")
      .notNull()
      .references(() => importBatches.id),
    entityType: text("entity_type").notNull(),
    entityId: integer("entity_id").notNull(),
    action: text("action", { enum: IMPORT_RECORD_ACTIONS }).notNull(),
    /** the updated fields' values before the import, { field: value } */
    before: text("before", { mode: "json" }).$type<Record<string, unknown>>(),
    versionAfter: integer("version_after").notNull(),
  },
  (t) => [index("import_batch_records_batch_idx").on(t.batchId), index("import_batch_records_entity_idx").on(t.entityType, t.entityId)],
);

// ── operations ────────────────────────────────────────────────────────────

/**
 * 操作日志 (DESIGN.md §11): sign-ins, user and permission changes, imports, exports, backups,
 * restores and verifications — what an administrator reviews, apart from each record's 变更记录.
 */
export const operationLog = sqliteTable(
  "operation_log",
  {
    id: integer("id").primaryKey(),
    at: integer("at").notNull().default(now),
    /** null for a failed sign-in or a command run on the server (backup, restore) */
    userId: integer("user_id").references(() => users.id),
    /** the username as typed at sign-in, or the acting user's */
    username: text("username"),
    /** app/operations/operation-kinds.ts */
    kind: text("kind").notNull(),
    summary: text("summary").notNull(),
    address: text("address"),
    entityType: text("entity_type"),
    entityId: integer("entity_id"),
  },
  (t) => [index("operation_log_at_idx").on(t.at), index("operation_log_kind_idx").on(t.kind, t.at), index("operation_log_user_idx").on(t.userId, t.at)],
);

/**
 * 附件 (DESIGN.md §11): evidence files on projects, commitments, payouts and arrivals. The bytes
 * live under the data folder by SHA-256; a row names one use of them.
 */
export const attachments = sqliteTable(
  "attachments",
  {
    id: integer("id").primaryKey(),
    /** project | commitment | payout | fdi_arrival */
    entityType: text("entity_type").notNull(),
    entityId: integer("entity_id").notNull(),
    /** app/attachments/attachment-kinds.ts */
    category: text("category").notNull(),
    fileName: text("file_name").notNull(),
    mediaType: text("media_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    uploadedBy: integer("uploaded_by")
      .notNull()
      .references(() => users.id),
    ...timestamps,
    ...softDelete,
    deletedBy: integer("deleted_by").references(() => users.id),
    ...versioned,
  },
  (t) => [index("attachments_entity_idx").on(t.entityType, t.entityId), index("attachments_sha_idx").on(t.sha256)],
);

/**
 * One row per submitted form token: a second identical submission (a double click, a resent form)
 * finds its token and goes where the first one went instead of writing again.
 */
export const formSubmissions = sqliteTable(
  "form_submissions",
  {
    token: text("token").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    /** where the first submission led */
    location: text("location").notNull(),
    at: integer("at").notNull().default(now),
  },
  (t) => [index("form_submissions_at_idx").on(t.at)],
);

/**
 * 变更记录 as a person reads it (DESIGN.md §6): one entry per save, Chinese labels for every
 * field and code, names instead of ids, and only the fields that changed. Names are read at
 * display time, one query per kind of record, so a renamed unit shows its current name.
 */
import { eq, inArray } from "drizzle-orm";
import { ACTIVITY_AUDIT } from "../activities/labels";
import { ARRIVAL_AUDIT } from "../arrivals/labels";
import { ATTACHMENT_AUDIT } from "../attachments/labels";
import { COMMITMENT_AUDIT } from "../commitments/labels";
import { COMPANY_AUDIT, CONTACT_AUDIT } from "../companies/labels";
import { db, t } from "../db.server";
import { formatDateTime } from "../lib/dates";
import { shownInSteps } from "../lib/params";
import { PARK_AUDIT } from "../parks/labels";
import { POLICY_AUDIT } from "../policies/labels";
import { clauseLabel } from "../policies/policy-status";
import { PROJECT_AUDIT } from "../projects/labels";
import type { AuditChangeView, AuditRowView } from "./audit-list";
import type { AuditEntry, EntityType } from "./audit.server";
import type { AuditChanges, AuditVocabulary, FieldSpec, RefKind } from "./vocabulary";

/** The record types whose 变更记录 is shown, on their own page or inside another's. */
export const AUDIT_VOCABULARIES: Partial<Record<EntityType, AuditVocabulary>> = {
  project: PROJECT_AUDIT,
  activity: ACTIVITY_AUDIT,
  fdi_arrival: ARRIVAL_AUDIT,
  commitment: COMMITMENT_AUDIT,
  attachment: ATTACHMENT_AUDIT,
  company: COMPANY_AUDIT,
  contact: CONTACT_AUDIT,
  policy: POLICY_AUDIT,
  park: PARK_AUDIT,
};

/** Fields any record's log may carry: 撤销导入 marks what it deleted with its batch. */
const COMMON_FIELDS: Record<string, FieldSpec> = {
  importBatch: { label: "所属导入", ref: "importBatch" },
};

const ACTION_LABELS: Record<string, string> = {
  create: "新增",
  update: "修改",
  delete: "删除",
  restore: "恢复",
  stage: "阶段变更",
  status: "状态变更",
  verify: "甄别通过",
  return: "甄别退回",
  member: "成员变更",
  import: "导入",
  undo: "撤销导入",
};

/**
 * Actions that bring values in (shown as the new value alone) or take them out (the old one alone).
 * 撤销导入 reads like an update: imported → restored.
 */
const BRINGS_IN = new Set(["create", "import", "restore"]);
const TAKES_OUT = new Set(["delete"]);

const EMPTY = "（空）";
const MISSING = "（已不存在）";

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0);
}

function same(before: unknown, after: unknown): boolean {
  if (isEmpty(before) && isEmpty(after)) return true;
  return JSON.stringify(before) === JSON.stringify(after);
}

function itemsOf(spec: FieldSpec, value: unknown): unknown[] {
  if (!spec.list) return [value];
  if (Array.isArray(value)) return value;
  return String(value)
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

type Names = Map<RefKind, Map<number, string>>;

function plain(value: unknown): string {
  if (typeof value === "boolean") return value ? "是" : "否";
  if (Array.isArray(value)) return value.map(plain).join("、");
  if (typeof value === "object" && value !== null) return EMPTY;
  return String(value);
}

function show(spec: FieldSpec, value: unknown, names: Names): string {
  if (isEmpty(value)) return EMPTY;
  return itemsOf(spec, value)
    .map((item) => {
      if (spec.ref) return names.get(spec.ref)?.get(Number(item)) ?? MISSING;
      return spec.format?.(item) ?? plain(item);
    })
    .join("、");
}

interface Kept {
  spec: FieldSpec;
  before: unknown;
  after: unknown;
}

interface Planned {
  entry: AuditEntry;
  vocabulary: AuditVocabulary | undefined;
  isPart: boolean;
  kept: Kept[];
}

/** The fields of one audit row worth showing: labelled, not hidden, not the parent link, changed. */
function keptChanges(entry: AuditEntry, vocabulary: AuditVocabulary | undefined, isPart: boolean): Kept[] {
  if (!vocabulary || !entry.changes) return [];
  const kept: Kept[] = [];
  for (const [field, pair] of Object.entries(entry.changes)) {
    if (!Array.isArray(pair)) continue;
    const [before, after] = pair;
    const spec = vocabulary.fields[field] ?? COMMON_FIELDS[field];
    // an unlabelled field is an internal one: never shown under its code name
    if (!spec || spec.hidden) continue;
    if (isPart && field === vocabulary.parentField) continue;
    if (BRINGS_IN.has(entry.action) && isEmpty(after)) continue;
    if (TAKES_OUT.has(entry.action) && isEmpty(before)) continue;
    if (!BRINGS_IN.has(entry.action) && !TAKES_OUT.has(entry.action) && same(before, after)) continue;
    kept.push({ spec, before, after });
  }
  return kept;
}

/** Every referenced id, by kind, read in one query per kind. */
function readNames(plans: readonly Planned[]): Names {
  const ids = new Map<RefKind, Set<number>>();
  for (const plan of plans) {
    for (const { spec, before, after } of plan.kept) {
      if (!spec.ref) continue;
      const set = ids.get(spec.ref) ?? new Set<number>();
      for (const value of [before, after]) {
        if (isEmpty(value)) continue;
        for (const item of itemsOf(spec, value)) {
          const id = Number(item);
          if (Number.isSafeInteger(id)) set.add(id);
        }
      }
      ids.set(spec.ref, set);
    }
  }
  for (const plan of plans) {
    const kind = plan.isPart ? plan.vocabulary?.partName : undefined;
    if (kind) ids.set(kind, (ids.get(kind) ?? new Set<number>()).add(plan.entry.entityId));
  }
  const names: Names = new Map();
  for (const [kind, set] of ids) {
    if (set.size > 0) names.set(kind, new Map(readNamesOf(kind, [...set]).map((row) => [row.id, row.name])));
  }
  return names;
}

function readNamesOf(kind: RefKind, ids: number[]): Array<{ id: number; name: string }> {
  switch (kind) {
    case "user":
      return db().select({ id: t.users.id, name: t.users.displayName }).from(t.users).where(inArray(t.users.id, ids)).all();
    case "unit":
      return db().select({ id: t.units.id, name: t.units.name }).from(t.units).where(inArray(t.units.id, ids)).all();
    case "company":
      return db().select({ id: t.companies.id, name: t.companies.name }).from(t.companies).where(inArray(t.companies.id, ids)).all();
    case "channel":
      return db().select({ id: t.channels.id, name: t.channels.name }).from(t.channels).where(inArray(t.channels.id, ids)).all();
    case "park":
      return db().select({ id: t.parks.id, name: t.parks.name }).from(t.parks).where(inArray(t.parks.id, ids)).all();
    case "project":
      return db().select({ id: t.projects.id, name: t.projects.name }).from(t.projects).where(inArray(t.projects.id, ids)).all();
    case "importBatch":
      return db().select({ id: t.importBatches.id, name: t.importBatches.fileName }).from(t.importBatches).where(inArray(t.importBatches.id, ids)).all();
    case "clause":
      return db()
        .select({ id: t.policyClauses.id, policyTitle: t.policies.title, number: t.policyClauses.number, incentiveType: t.policyClauses.incentiveType })
        .from(t.policyClauses)
        .innerJoin(t.policies, eq(t.policies.id, t.policyClauses.policyId))
        .where(inArray(t.policyClauses.id, ids))
        .all()
        .map((row) => ({ id: row.id, name: clauseLabel(row) }));
    case "commitment":
      return db().select({ id: t.commitments.id, name: t.commitments.item }).from(t.commitments).where(inArray(t.commitments.id, ids)).all();
    case "contact":
      return db().select({ id: t.contacts.id, name: t.contacts.name }).from(t.contacts).where(inArray(t.contacts.id, ids)).all();
    case "attachment":
      return db().select({ id: t.attachments.id, name: t.attachments.fileName }).from(t.attachments).where(inArray(t.attachments.id, ids)).all();
    case "chainNode":
      return db()
        .select({ id: t.chainNodes.id, name: t.chainNodes.name, systemName: t.chainSystems.name })
        .from(t.chainNodes)
        .innerJoin(t.chainSystems, eq(t.chainSystems.id, t.chainNodes.systemId))
        .where(inArray(t.chainNodes.id, ids))
        .all()
        .map((row) => ({ id: row.id, name: `${row.systemName} · ${row.name}` }));
  }
}

function changeView(action: string, { spec, before, after }: Kept, names: Names): AuditChangeView {
  if (BRINGS_IN.has(action)) return { label: spec.label, before: null, after: show(spec, after, names) };
  if (TAKES_OUT.has(action)) return { label: spec.label, before: show(spec, before, names), after: null };
  if (spec.entry && isEmpty(before)) return { label: spec.entry.added, before: null, after: show(spec, after, names) };
  if (spec.entry && isEmpty(after)) return { label: spec.entry.removed, before: show(spec, before, names), after: null };
  if (spec.detail && isEmpty(before)) return { label: spec.label, before: null, after: show(spec, after, names) };
  return { label: spec.label, before: show(spec, before, names), after: show(spec, after, names) };
}

/** 联系人, or 政策承诺「研发补助」where a project has several. */
function partLabelOf(entry: AuditEntry, vocabulary: AuditVocabulary | undefined, names: Names): string | null {
  if (!vocabulary) return null;
  const name = vocabulary.partName ? names.get(vocabulary.partName)?.get(entry.entityId) : undefined;
  return name ? `${vocabulary.part}「${name}」` : vocabulary.part;
}

function actionLabelOf(entry: AuditEntry, vocabulary: AuditVocabulary | undefined, isPart: boolean): string {
  const changes: AuditChanges = entry.changes ?? {};
  if (entry.action === "delete" && "importBatch" in changes) return "撤销导入";
  const named = vocabulary?.actionLabel?.(entry.action, changes);
  if (named) return named;
  // the record itself is 创建d; a part of it (an activity, a contact) is 新增ed
  if (entry.action === "create" && !isPart) return "创建";
  return ACTION_LABELS[entry.action] ?? "修改";
}

/**
 * Audit rows of one save: written in one transaction, so they share the user and the moment
 * (app/audit/audit.server.ts auditStamp) and sit next to each other in the newest-first list.
 */
function groupBySave(plans: readonly Planned[]): Planned[][] {
  const groups: Planned[][] = [];
  for (const plan of plans) {
    const lead = groups.at(-1)?.[0]?.entry;
    if (lead && lead.at === plan.entry.at && lead.userId === plan.entry.userId) groups.at(-1)!.push(plan);
    else groups.push([plan]);
  }
  // within a save, the order it was written in: what the user did first, then what followed from it
  return groups.map((group) => group.sort((a, b) => a.entry.id - b.entry.id));
}

/** A record page's 变更记录 shows this many of its latest entries; 查看更早的变更记录 adds as many again. */
export const AUDIT_STEP = 20;

/**
 * 变更记录 as a record's page shows it: the latest entries, as many as its `?changes=` asks for and at
 * least AUDIT_STEP, and the link to more when older ones exist (it lands on the last row shown).
 * `read(limit)` reads the record's entries, newest first.
 */
export function auditOnPage(record: EntityType, url: URL, read: (limit: number) => readonly AuditEntry[]) {
  const { shown, moreHref } = shownInSteps(url.searchParams, "changes", AUDIT_STEP);
  const entries = read(shown + 1);
  const rows = presentAudit(record, entries.slice(0, shown));
  const last = rows.at(-1);
  return { rows, olderHref: moreHref(entries.length > shown, last && `change-${last.id}`) };
}

/**
 * The display rows of a record's 变更记录, one per save. `record` is the type of the record the page
 * shows; entries of other types (its contacts, activities, commitments…) are shown as its parts.
 */
export function presentAudit(record: EntityType, entries: readonly AuditEntry[]): AuditRowView[] {
  const plans: Planned[] = entries.map((entry) => {
    const vocabulary = AUDIT_VOCABULARIES[entry.entityType as EntityType];
    const isPart = entry.entityType !== record;
    return { entry, vocabulary, isPart, kept: keptChanges(entry, vocabulary, isPart) };
  });
  const names = readNames(plans);
  const rows: AuditRowView[] = [];
  for (const group of groupBySave(plans)) {
    const steps = group
      // an update that changed nothing a person reads says nothing
      .filter((plan) => plan.entry.action !== "update" || plan.kept.length > 0)
      .map(({ entry, vocabulary, isPart, kept }) => ({
        entry,
        actionLabel: actionLabelOf(entry, vocabulary, isPart),
        partLabel: isPart ? partLabelOf(entry, vocabulary, names) : null,
        changes: kept.map((change) => changeView(entry.action, change, names)),
      }));
    if (steps.length === 0) continue;
    const [{ entry, ...lead }, ...rest] = steps;
    rows.push({
      id: entry.id,
      at: entry.at,
      when: formatDateTime(entry.at),
      who: entry.userName ?? "系统",
      ...lead,
      more: rest.map(({ entry: _entry, ...step }) => step),
    });
  }
  return rows;
}

/**
 * 企业库: listing, reading and changing companies and their contacts.
 */
import { and, asc, desc, eq, inArray, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import { chunksOf, type ExportColumn, type ListExport } from "../exports/list-workbook.server";
import { regionLabel } from "./regions";
import { assertCan, type Actor } from "../auth/permissions";
import { diffRecords, listAudit, writeAudit } from "../audit/audit.server";
import { db, t } from "../db.server";
import { InvalidError, NotFoundError } from "../lib/errors";
import { COUNT_CAP, pageOf, pageWindow, type Page } from "../lib/paging";
import { visibleProjects } from "../projects/scope.server";
import type { CompanyInput, ContactInput } from "./company.schema";
import { companyNameColumns, normalizeCompanyName } from "./company-name";
import { COMPANY_SEARCH, searchTextMatches } from "./search-index.server";
import { updateVersioned } from "../lib/versioned-update.server";

import { DEFAULT_COMPANY_SORT, describeCompanyFilters, type CompanySort } from "./listing";

export interface CompanyFilters {
  q?: string;
  country?: string;
  fortune500?: boolean;
  chainLeader?: boolean;
  existingInvestor?: boolean;
  sort?: CompanySort;
  page: number;
  /** 20, 50 or 100 (20 when not given) */
  pageSize?: number;
}

export interface CompanyListRow {
  id: number;
  name: string;
  foreignName: string | null;
  country: string;
  city: string | null;
  industry: string | null;
  isFortune500: boolean;
  isChainLeader: boolean;
  isExistingInvestor: boolean;
  updatedAt: number;
}

/**
 * Companies found by what was typed: their Chinese or foreign name contains it, regardless of width,
 * case and traditional or Japanese forms, or their pinyin or initials do (search-index.server.ts).
 */
export function nameContains(typed: string): SQL {
  return searchTextMatches(COMPANY_SEARCH, typed);
}

function companyConditions(filters: CompanyFilters): SQL {
  const conditions: (SQL | undefined)[] = [isNull(t.companies.deletedAt)];
  const q = filters.q?.trim();
  if (q) conditions.push(nameContains(q));
  if (filters.country) conditions.push(eq(t.companies.country, filters.country));
  if (filters.fortune500) conditions.push(eq(t.companies.isFortune500, true));
  if (filters.chainLeader) conditions.push(eq(t.companies.isChainLeader, true));
  if (filters.existingInvestor) conditions.push(eq(t.companies.isExistingInvestor, true));
  return and(...conditions) as SQL;
}

/** ORDER BY of the company list; each order is an index walk (name, country + updated, updated, id). */
function companyOrder(sort: CompanySort = DEFAULT_COMPANY_SORT) {
  const by = sort.dir === "asc" ? asc : desc;
  switch (sort.key) {
    case "name":
      return [by(t.companies.name), by(t.companies.id)];
    case "country":
      return [by(t.companies.country), by(t.companies.updatedAt), by(t.companies.id)];
    case "created":
      return [by(t.companies.id)];
    default:
      return [by(t.companies.updatedAt), by(t.companies.id)];
  }
}

export function listCompanies(filters: CompanyFilters): Page<CompanyListRow> {
  const where = companyConditions(filters);
  const order = companyOrder(filters.sort);
  const rows = db()
    .select({
      id: t.companies.id,
      name: t.companies.name,
      foreignName: t.companies.foreignName,
      country: t.companies.country,
      city: t.companies.city,
      industry: t.companies.industry,
      isFortune500: t.companies.isFortune500,
      isChainLeader: t.companies.isChainLeader,
      isExistingInvestor: t.companies.isExistingInvestor,
      updatedAt: t.companies.updatedAt,
    })
    .from(t.companies)
    .where(where)
    .orderBy(...order)
    .limit(pageWindow(filters).limit)
    .offset(pageWindow(filters).offset)
    .all();
  const capped = db()
    .select({ n: sql<number>`count(*)` })
    .from(sql`(select 1 from ${t.companies} where ${where} limit ${COUNT_CAP + 1})`)
    .get();
  return pageOf(rows, filters, capped?.n ?? 0);
}

/** 导出Excel of the company list: every company the filters select, in the list's order. */
export function exportCompanies(filters: CompanyFilters): ListExport<typeof t.companies.$inferSelect> {
  const ids = db()
    .select({ id: t.companies.id })
    .from(t.companies)
    .where(companyConditions(filters))
    .orderBy(...companyOrder(filters.sort))
    .all()
    .map((row) => row.id);
  return {
    title: "企业库",
    filters: describeCompanyFilters(filters),
    columns: COMPANY_EXPORT_COLUMNS,
    chunks: chunksOf(ids, (chunk) => db().select().from(t.companies).where(inArray(t.companies.id, chunk)).all()),
  };
}

/** The screen's columns plus the key fields, headed as the 企业 import reads them (round trip). */
const COMPANY_EXPORT_COLUMNS: ExportColumn<typeof t.companies.$inferSelect>[] = [
  { header: "企业名称", value: (row) => row.name, width: 36 },
  { header: "外文名称", value: (row) => row.foreignName, width: 30 },
  { header: "统一社会信用代码", value: (row) => row.uscc, width: 22 },
  { header: "国别/地区", value: (row) => regionLabel(row.country) },
  { header: "所在城市", value: (row) => row.city },
  { header: "所属行业", value: (row) => row.industry },
  { header: "世界500强", value: (row) => row.isFortune500 },
  { header: "链主企业", value: (row) => row.isChainLeader },
  { header: "存量外资企业", value: (row) => row.isExistingInvestor },
  { header: "企业简介", value: (row) => row.description, width: 40 },
];

export function getCompany(id: number) {
  const company = db()
    .select()
    .from(t.companies)
    .where(and(eq(t.companies.id, id), isNull(t.companies.deletedAt)))
    .get();
  if (!company) throw new NotFoundError();
  const contacts = db()
    .select()
    .from(t.contacts)
    .where(and(eq(t.contacts.companyId, id), isNull(t.contacts.deletedAt)))
    .orderBy(asc(t.contacts.id))
    .all();
  return { ...company, contacts };
}

/** The projects of a company that the actor may see. */
/** 变更记录 of a company, its contacts included. */
export function listCompanyAudit(companyId: number, limit?: number) {
  return listAudit("company", companyId, {
    limit,
    including: [{ entityType: "contact", ids: sql`select ${t.contacts.id} from ${t.contacts} where ${t.contacts.companyId} = ${companyId}` }],
  });
}

export function listCompanyProjects(actor: Actor, companyId: number) {
  return db()
    .select({
      id: t.projects.id,
      name: t.projects.name,
      stage: t.projects.stage,
      status: t.projects.status,
      totalInvestmentUsd: t.projects.totalInvestmentUsd,
      ownerName: t.users.displayName,
      updatedAt: t.projects.updatedAt,
    })
    .from(t.projects)
    .innerJoin(t.users, eq(t.users.id, t.projects.ownerId))
    .where(and(eq(t.projects.companyId, companyId), visibleProjects(actor)))
    .orderBy(desc(t.projects.updatedAt))
    .all();
}

export interface DuplicateCompany {
  id: number;
  name: string;
  foreignName: string | null;
  uscc: string | null;
  reason: "uscc" | "name";
}

/** Companies that look like the same firm: same USCC, or the same normalized (Chinese or foreign) name. */
export function findDuplicateCompanies(input: { name: string; foreignName: string | null; uscc: string | null }, excludeId?: number): DuplicateCompany[] {
  const keys = [normalizeCompanyName(input.name)];
  if (input.foreignName) keys.push(normalizeCompanyName(input.foreignName));
  const nameKeys = keys.filter((key) => key.length > 0);
  const matches = new Map<number, DuplicateCompany>();
  const live = and(isNull(t.companies.deletedAt), excludeId ? ne(t.companies.id, excludeId) : undefined);
  const columns = { id: t.companies.id, name: t.companies.name, foreignName: t.companies.foreignName, uscc: t.companies.uscc };
  if (input.uscc) {
    for (const row of db()
      .select(columns)
      .from(t.companies)
      .where(and(live, eq(t.companies.uscc, input.uscc)))
      .all()) {
      matches.set(row.id, { ...row, reason: "uscc" });
    }
  }
  for (const key of nameKeys) {
    const rows = db()
      .select(columns)
      .from(t.companies)
      .where(and(live, or(eq(t.companies.nameKey, key), eq(t.companies.foreignNameKey, key))))
      .limit(10)
      .all();
    for (const row of rows) if (!matches.has(row.id)) matches.set(row.id, { ...row, reason: "name" });
  }
  return [...matches.values()];
}

export class DuplicateCompanyWarning extends Error {
  constructor(public readonly duplicates: DuplicateCompany[]) {
    super("可能与已有企业重复");
  }
}

/** A company's stored values: the form's fields with their name keys and search text. */
export function companyValues(data: CompanyInput) {
  return { ...data, ...companyNameColumns(data.name, data.foreignName) };
}

function refuseTakenUscc(duplicates: DuplicateCompany[]) {
  const taken = duplicates.find((duplicate) => duplicate.reason === "uscc");
  if (taken) throw new InvalidError({ uscc: `该统一社会信用代码已被「${taken.name}」使用` });
}

/**
 * Creates a company. The same USCC is refused; a similar name is a warning the user must confirm
 * (`confirmDuplicate`).
 */
export function createCompany({ actor, data, confirmDuplicate = false }: { actor: Actor; data: CompanyInput; confirmDuplicate?: boolean }): number {
  assertCan(actor, "create:company");
  const duplicates = findDuplicateCompanies(data);
  refuseTakenUscc(duplicates);
  if (duplicates.length > 0 && !confirmDuplicate) throw new DuplicateCompanyWarning(duplicates);
  return db().transaction((tx) => {
    const values = companyValues(data);
    const row = tx
      .insert(t.companies)
      .values({ ...values, createdBy: actor.id })
      .returning({ id: t.companies.id })
      .get();
    writeAudit(tx, { entityType: "company", entityId: row.id, action: "create", userId: actor.id, changes: diffRecords(null, data) });
    return row.id;
  });
}

/**
 * Saves a company's edit. A USCC held by another company is refused; a new name like another
 * company's is a warning the user must confirm (`confirmDuplicate`), as on creation. An edit that
 * keeps the names does not ask again about a likeness confirmed before.
 */
export function updateCompany({
  actor,
  id,
  data,
  version,
  confirmDuplicate = false,
}: {
  actor: Actor;
  id: number;
  data: CompanyInput;
  version: number;
  confirmDuplicate?: boolean;
}): void {
  assertCan(actor, "update:company");
  const duplicates = findDuplicateCompanies(data, id);
  refuseTakenUscc(duplicates);
  if (duplicates.length > 0 && !confirmDuplicate && namesChange(id, data)) throw new DuplicateCompanyWarning(duplicates);
  db().transaction((tx) => {
    const before = tx
      .select()
      .from(t.companies)
      .where(and(eq(t.companies.id, id), isNull(t.companies.deletedAt)))
      .get();
    if (!before) throw new NotFoundError();
    updateVersioned(tx, {
      table: t.companies,
      entityType: "company",
      id,
      version,
      values: companyValues(data),
      before,
      userId: actor.id,
      changes: diffRecords(before, data),
    });
  });
}

function namesChange(id: number, data: CompanyInput): boolean {
  const stored = db().select({ name: t.companies.name, foreignName: t.companies.foreignName }).from(t.companies).where(eq(t.companies.id, id)).get();
  return !stored || stored.name !== data.name || (stored.foreignName ?? null) !== (data.foreignName ?? null);
}

/** Soft delete, by leaders and administrators (DESIGN.md §3); refused while the company still has live projects. */
export function deleteCompany({ actor, id, version }: { actor: Actor; id: number; version: number }): void {
  assertCan(actor, "delete:company");
  db().transaction((tx) => {
    const company = tx
      .select({ id: t.companies.id })
      .from(t.companies)
      .where(and(eq(t.companies.id, id), isNull(t.companies.deletedAt)))
      .get();
    if (!company) throw new NotFoundError();
    const live = tx
      .select({ n: sql<number>`count(*)` })
      .from(t.projects)
      .where(and(eq(t.projects.companyId, id), isNull(t.projects.deletedAt)))
      .get();
    if ((live?.n ?? 0) > 0) throw new InvalidError({}, "该企业下还有招商项目，不能删除");
    updateVersioned(tx, { table: t.companies, entityType: "company", id, version, values: {}, before: company, userId: actor.id, softDelete: true });
  });
}

export function addContact({ actor, companyId, data }: { actor: Actor; companyId: number; data: ContactInput }): number {
  assertCan(actor, "update:company");
  return db().transaction((tx) => {
    const company = tx
      .select({ id: t.companies.id })
      .from(t.companies)
      .where(and(eq(t.companies.id, companyId), isNull(t.companies.deletedAt)))
      .get();
    if (!company) throw new NotFoundError();
    const row = tx
      .insert(t.contacts)
      .values({ ...data, companyId })
      .returning({ id: t.contacts.id })
      .get();
    writeAudit(tx, { entityType: "contact", entityId: row.id, action: "create", userId: actor.id, changes: diffRecords(null, { companyId, ...data }) });
    return row.id;
  });
}

export function updateContact({
  actor,
  companyId,
  contactId,
  data,
  version,
}: {
  actor: Actor;
  companyId: number;
  contactId: number;
  data: ContactInput;
  version: number;
}): void {
  assertCan(actor, "update:company");
  db().transaction((tx) => {
    const before = tx
      .select()
      .from(t.contacts)
      .where(and(eq(t.contacts.id, contactId), eq(t.contacts.companyId, companyId), isNull(t.contacts.deletedAt)))
      .get();
    if (!before) throw new NotFoundError();
    updateVersioned(tx, { table: t.contacts, entityType: "contact", id: contactId, version, values: data, before, userId: actor.id });
  });
}

/** One live contact of a live company, for the 移除联系人 confirmation page. */
export function getContact({ companyId, contactId }: { companyId: number; contactId: number }) {
  const contact = db()
    .select({
      id: t.contacts.id,
      name: t.contacts.name,
      title: t.contacts.title,
      version: t.contacts.version,
      companyId: t.companies.id,
      companyName: t.companies.name,
    })
    .from(t.contacts)
    .innerJoin(t.companies, eq(t.companies.id, t.contacts.companyId))
    .where(and(eq(t.contacts.id, contactId), eq(t.contacts.companyId, companyId), isNull(t.contacts.deletedAt), isNull(t.companies.deletedAt)))
    .get();
  if (!contact) throw new NotFoundError();
  return contact;
}

/** 移除联系人: a soft delete by anyone who may edit the company, versioned and audited. */
export function removeContact({ actor, companyId, contactId, version }: { actor: Actor; companyId: number; contactId: number; version: number }): void {
  assertCan(actor, "update:company");
  db().transaction((tx) => {
    const before = tx
      .select()
      .from(t.contacts)
      .where(and(eq(t.contacts.id, contactId), eq(t.contacts.companyId, companyId), isNull(t.contacts.deletedAt)))
      .get();
    if (!before) throw new NotFoundError();
    updateVersioned(tx, {
      table: t.contacts,
      entityType: "contact",
      id: contactId,
      version,
      values: { deletedAt: Date.now() },
      before,
      userId: actor.id,
      action: "delete",
      // what was removed, as the contact's 变更记录 reads it (not the deletedAt stamp)
      changes: { name: [before.name, null], ...(before.title ? { title: [before.title, null] } : {}) },
    });
  });
}

/** Companies whose name starts with or contains the text, for the 投资方企业 picker. */
export function suggestCompanies(text: string, limit = 10) {
  const q = text.trim();
  if (!q) return [];
  return db()
    .select({ id: t.companies.id, name: t.companies.name, foreignName: t.companies.foreignName, country: t.companies.country })
    .from(t.companies)
    .where(and(isNull(t.companies.deletedAt), nameContains(q)))
    .orderBy(asc(sql`length(${t.companies.name})`), asc(t.companies.id))
    .limit(limit)
    .all();
}

/** Resolves the 投资方企业 field: the chosen id if its name matches, else a unique exact name. */
export function resolveCompany(input: { companyId: number | null; companyName: string }): number {
  const name = input.companyName.trim();
  if (input.companyId) {
    const chosen = db()
      .select({ id: t.companies.id, name: t.companies.name })
      .from(t.companies)
      .where(and(eq(t.companies.id, input.companyId), isNull(t.companies.deletedAt)))
      .get();
    if (chosen && (name === "" || chosen.name === name)) return chosen.id;
  }
  const rows = db()
    .select({ id: t.companies.id })
    .from(t.companies)
    .where(and(isNull(t.companies.deletedAt), eq(t.companies.name, name)))
    .limit(2)
    .all();
  if (rows.length === 1) return rows[0].id;
  if (rows.length > 1) throw new InvalidError({ companyName: "有多家同名企业，请从企业详情页新建项目" });
  throw new InvalidError({ companyName: "企业库中没有该企业，请先在企业库中创建" });
}

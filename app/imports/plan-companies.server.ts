/**
 * Importing 企业 (with a 联系人 per row): checked as the company form checks, matched against the
 * database and the rows above by USCC or normalized name — the duplicate guard's rule — and
 * created, updated (only the cells the file fills) or skipped as the chosen mode says.
 */
import { and, eq, isNull, or, sql } from "drizzle-orm";
import { preparedOnce } from "../lib/prepared.server";
import { diffRecords, writeAudit } from "../audit/audit.server";
import { companyValues } from "../companies/companies.server";
import { companyNameColumns, normalizeCompanyName } from "../companies/company-name";
import { normalizeUscc, usccProblem, usccProblemMessages } from "../companies/uscc";
import { db, t } from "../db.server";
import { changedFields, refusal, updateImported, type RowCheck, type RowError, type RowPlanner, type Writer } from "./plan.server";

export const COMPANY_COLUMNS = [
  "name",
  "foreignName",
  "uscc",
  "country",
  "city",
  "industry",
  "isFortune500",
  "isChainLeader",
  "isExistingInvestor",
  "description",
] as const;
const CONTACT_COLUMNS = ["title", "phone", "email", "language"] as const;

interface KnownCompany {
  id: number;
  name: string;
  uscc: string | null;
}

const companyColumns = { id: t.companies.id, name: t.companies.name, uscc: t.companies.uscc };
const live = isNull(t.companies.deletedAt);

/** Lookups through the USCC and name-key indexes, prepared once: a 50,000-row file asks them 100,000 times. */
const byUsccStatement = preparedOnce(() =>
  db()
    .select(companyColumns)
    .from(t.companies)
    .where(and(live, eq(t.companies.uscc, sql.placeholder("uscc"))))
    .prepare(),
);
const byNameKeyStatement = preparedOnce(() =>
  db()
    .select(companyColumns)
    .from(t.companies)
    .where(and(live, or(eq(t.companies.nameKey, sql.placeholder("key")), eq(t.companies.foreignNameKey, sql.placeholder("key")))))
    .limit(10)
    .prepare(),
);

/**
 * The live companies a row may mean — by USCC, or by normalized (Chinese or foreign) name, the
 * duplicate guard's rule — asked of the database's indexes row by row (nothing is preloaded), and
 * the companies rows above in the file create or match.
 */
export class CompanyIndex {
  /** companies earlier rows of this file create or match: key → row number and a holder filled at write time */
  readonly inFile = new Map<string, { rowNumber: number; holder: { id: number | null } }>();

  static load(): CompanyIndex {
    return new CompanyIndex();
  }

  /** The company holding a USCC, if any. */
  byUscc(uscc: string): KnownCompany | undefined {
    return byUsccStatement().get({ uscc });
  }

  /** The existing company a (name, uscc) pair means: by USCC first, then a unique normalized name. */
  match(name: string, foreignName: string | null, uscc: string | null): { company?: KnownCompany; reason?: string; error?: string } {
    if (uscc) {
      const byCode = this.byUscc(uscc);
      if (byCode) return { company: byCode, reason: "统一社会信用代码相同" };
    }
    const keys = [normalizeCompanyName(name), foreignName ? normalizeCompanyName(foreignName) : ""].filter(Boolean);
    const found = new Map<number, KnownCompany>();
    for (const key of new Set(keys)) for (const company of byNameKeyStatement().all({ key })) found.set(company.id, company);
    if (found.size === 0) return {};
    if (found.size > 1) {
      const names = [...found.values()].slice(0, 3).map((company) => company.name);
      return { error: `企业库中有 ${found.size} 家名称相同的企业（${names.join("、")}），请填写统一社会信用代码区分` };
    }
    const company = [...found.values()][0];
    if (uscc && company.uscc && company.uscc !== uscc) {
      return { error: `企业库中的「${company.name}」名称相同但统一社会信用代码不同（${company.uscc}），请核对` };
    }
    return { company, reason: "名称相同" };
  }

  fileKeys(name: string, uscc: string | null): string[] {
    return [uscc ? `uscc:${uscc}` : "", `name:${normalizeCompanyName(name)}`].filter(Boolean);
  }
}

/** A USCC cell checked as the form checks it; null when blank. */
export function readUscc(check: RowCheck, field: string): string | null | undefined {
  const raw = check.text(field, 40);
  if (raw == null) return raw;
  const code = normalizeUscc(raw);
  const problem = usccProblem(code);
  return problem ? check.fail(field, usccProblemMessages[problem]) : code;
}

/** The company fields of a row, checked; undefined fields were refused (errors are in `check`). */
export function readCompanyFields(check: RowCheck) {
  const name = check.text("name", 200);
  return {
    name,
    foreignName: check.text("foreignName", 200),
    uscc: readUscc(check, "uscc"),
    country: check.country("country"),
    city: check.text("city", 100),
    industry: check.text("industry", 100),
    isFortune500: check.bool("isFortune500"),
    isChainLeader: check.bool("isChainLeader"),
    isExistingInvestor: check.bool("isExistingInvestor"),
    description: check.text("description", 4000),
  };
}

type CompanyFields = ReturnType<typeof readCompanyFields>;

const COMPANY_INSERT_COLUMNS = [...COMPANY_COLUMNS, "nameKey", "foreignNameKey", "searchText", "createdBy"] as const;

/** One insert per imported company, prepared once (values bound by name; booleans as 1/0). */
const insertCompanyStatement = preparedOnce(() =>
  db()
    .insert(t.companies)
    .values(Object.fromEntries(COMPANY_INSERT_COLUMNS.map((column) => [column, sql.placeholder(column)])) as unknown as typeof t.companies.$inferInsert)
    .returning({ id: t.companies.id })
    .prepare(),
);

const insertContactStatement = preparedOnce(() =>
  db()
    .insert(t.contacts)
    .values(
      Object.fromEntries(
        ["companyId", "name", "title", "phone", "email", "language"].map((column) => [column, sql.placeholder(column)]),
      ) as unknown as typeof t.contacts.$inferInsert,
    )
    .returning({ id: t.contacts.id })
    .prepare(),
);

/** Creates a company from checked fields (blank flags are 否); returns its id. */
export function writeNewCompany(writer: Writer, fields: CompanyFields): number {
  // the fields were checked cell by cell as the company form checks them
  const data = {
    name: fields.name!,
    foreignName: fields.foreignName ?? null,
    uscc: fields.uscc ?? null,
    country: fields.country!,
    city: fields.city ?? null,
    industry: fields.industry ?? null,
    isFortune500: fields.isFortune500 ?? false,
    isChainLeader: fields.isChainLeader ?? false,
    isExistingInvestor: fields.isExistingInvestor ?? false,
    description: fields.description ?? null,
  };
  const values = { ...companyValues(data), createdBy: writer.actor.id };
  const bound = Object.fromEntries(
    COMPANY_INSERT_COLUMNS.map((column) => [column, typeof values[column] === "boolean" ? Number(values[column]) : (values[column] ?? null)]),
  );
  const { id } = insertCompanyStatement().get(bound)!;
  writeAudit(writer.tx, { entityType: "company", entityId: id, action: "create", userId: writer.actor.id, changes: diffRecords(null, data) });
  writer.record({ entityType: "company", entityId: id, action: "create", versionAfter: 1 });
  return id;
}

function readContact(check: RowCheck) {
  const name = check.text("contactName", 100);
  const phone = check.text("contactPhone", 40);
  if (phone && !/^[+\d][\d\s\-()]{4,30}$/.test(phone)) check.fail("contactPhone", "电话格式不正确");
  const email = check.text("contactEmail", 200);
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) check.fail("contactEmail", "邮箱格式不正确");
  const contact = { title: check.text("contactTitle", 100), phone, email, language: check.text("contactLanguage", 50) };
  if (!name) {
    const orphan = Object.entries(contact).find(([, value]) => value);
    if (orphan) check.fail("contactName", "填写了联系人信息，请同时填写联系人姓名");
    return null;
  }
  return { name, ...contact };
}

type ContactFields = NonNullable<ReturnType<typeof readContact>>;

function findContact(companyId: number, name: string) {
  return db()
    .select()
    .from(t.contacts)
    .where(and(eq(t.contacts.companyId, companyId), eq(t.contacts.name, name), isNull(t.contacts.deletedAt)))
    .get();
}

/** Adds the row's contact to a company, or updates the same-named one with the cells filled. */
function writeContact(writer: Writer, companyId: number, contact: ContactFields, { newCompany = false } = {}): void {
  const existing = newCompany ? undefined : findContact(companyId, contact.name);
  if (!existing) {
    const values = {
      companyId,
      name: contact.name,
      title: contact.title ?? null,
      phone: contact.phone ?? null,
      email: contact.email ?? null,
      language: contact.language ?? null,
    };
    const { id } = insertContactStatement().get(values)!;
    writeAudit(writer.tx, { entityType: "contact", entityId: id, action: "create", userId: writer.actor.id, changes: diffRecords(null, values) });
    writer.record({ entityType: "contact", entityId: id, action: "create", versionAfter: 1 });
    return;
  }
  const changed = changedFields(existing, pickContact(contact));
  if (Object.keys(changed).length > 0) updateImported(writer, { table: t.contacts, entityType: "contact", id: existing.id, values: changed });
}

function pickContact(contact: ContactFields): Record<string, unknown> {
  return Object.fromEntries(CONTACT_COLUMNS.map((key) => [key, contact[key] ?? null]));
}

function contactChanges(companyId: number, contact: ContactFields | null): boolean {
  if (!contact) return false;
  const existing = findContact(companyId, contact.name);
  return !existing || Object.keys(changedFields(existing, pickContact(contact))).length > 0;
}

function companyRow(id: number) {
  return db().select().from(t.companies).where(eq(t.companies.id, id)).get()!;
}

export function companyPlanner(index: CompanyIndex): RowPlanner {
  return ({ check, rowNumber, mode }) => {
    const fields = readCompanyFields(check);
    const contact = readContact(check);
    const label = fields.name ?? "";
    if (check.errors.length > 0 || !fields.name || !fields.country) return { outcome: "refuse", label };
    const name = fields.name;
    const errors: RowError[] = [];

    const earlier = index
      .fileKeys(name, fields.uscc ?? null)
      .map((key) => index.inFile.get(key))
      .find(Boolean);
    if (earlier) {
      const note = `与第 ${earlier.rowNumber} 行是同一企业`;
      if (mode === "skip") return { outcome: "skip", label, note, duplicate: true };
      return { outcome: "refuse", label, duplicate: true, errors: [refusal(check, "name", `${note}（文件内重复）`)] };
    }

    const { company, reason, error } = index.match(name, fields.foreignName ?? null, fields.uscc ?? null);
    if (error) return { outcome: "refuse", label, errors: [refusal(check, "name", error)] };
    const holder = { id: company?.id ?? null };
    for (const key of index.fileKeys(name, fields.uscc ?? null)) index.inFile.set(key, { rowNumber, holder });

    if (!company) {
      return {
        outcome: "create",
        label,
        write: (writer) => {
          holder.id = writeNewCompany(writer, fields);
          if (contact) writeContact(writer, holder.id, contact, { newCompany: true });
        },
      };
    }

    const note = `企业库中已有「${company.name}」（${reason}）`;
    if (mode === "refuse") return { outcome: "refuse", label, duplicate: true, errors: [refusal(check, "name", note)] };
    if (mode === "skip") return { outcome: "skip", label, note, duplicate: true };

    const before = companyRow(company.id);
    const wanted: Record<string, unknown> = {};
    for (const key of [
      "name",
      "foreignName",
      "uscc",
      "country",
      "city",
      "industry",
      "isFortune500",
      "isChainLeader",
      "isExistingInvestor",
      "description",
    ] as const) {
      if (fields[key] !== null && fields[key] !== undefined) wanted[key] = fields[key];
    }
    // matched by name, the 企业库's spelling stays; matched by USCC, the file may carry a new name
    if (reason === "名称相同") delete wanted.name;
    const changed = changedFields(before, wanted);
    if (changed.uscc) {
      const holderOfCode = index.byUscc(changed.uscc as string);
      if (holderOfCode && holderOfCode.id !== company.id) errors.push(refusal(check, "uscc", `该统一社会信用代码已被「${holderOfCode.name}」使用`));
    }
    if (errors.length > 0) return { outcome: "refuse", label, errors };
    const contactChanged = contactChanges(company.id, contact);
    if (Object.keys(changed).length === 0 && !contactChanged) return { outcome: "skip", label, note: `${note}，内容相同`, duplicate: true };
    return {
      outcome: "update",
      label,
      note,
      duplicate: true,
      write: (writer) => {
        if (Object.keys(changed).length > 0) {
          const values: Record<string, unknown> = { ...changed };
          const renamed = "name" in changed || "foreignName" in changed;
          if (renamed) {
            const names = {
              name: (changed.name ?? before.name) as string,
              foreignName: ("foreignName" in changed ? changed.foreignName : before.foreignName) as string | null,
            };
            Object.assign(values, companyNameColumns(names.name, names.foreignName));
          }
          const current = updateImported(writer, { table: t.companies, entityType: "company", id: company.id, values, changes: diffRecords(before, changed) });
          // the search index is brought up to date at the end of the import (withCompanySearchPaused)
          if (renamed) writer.renamed.push({ id: company.id, searchText: current.searchText as string });
        }
        if (contact) writeContact(writer, company.id, contact);
      },
    };
  };
}

/**
 * Data builders for integration tests: small, explicit records written through the real schema.
 * Units and users are inserted directly (there is no UI for them yet); companies and projects go
 * through the domain functions so their rules apply.
 */
import { eq } from "drizzle-orm";
import type { Actor, Role } from "../../app/auth/permissions";
import { createCompany } from "../../app/companies/companies.server";
import { companySchema } from "../../app/companies/company.schema";
import { db, t } from "../../app/db.server";
import { newProjectSchema } from "../../app/projects/project.schema";
import { createProject } from "../../app/projects/projects.server";

let sequence = 0;
const next = () => ++sequence;

export function makeUnit(name = `单位${next()}`): number {
  return db().insert(t.units).values({ name }).returning({ id: t.units.id }).get().id;
}

export function makeUser(role: Role, unitId: number, username = `${role}${next()}`): Actor & { username: string } {
  const row = db()
    .insert(t.users)
    .values({ username, displayName: username, role, unitId, passwordHash: "not-a-real-hash" })
    .returning({ id: t.users.id })
    .get();
  return { id: row.id, role, unitId, username };
}

export function makeCompany(actor: Actor, fields: Partial<Record<string, string | boolean>> = {}): number {
  const data = companySchema.parse({ name: `测试企业${next()}`, country: "JP", ...fields });
  return createCompany({ actor, data, confirmDuplicate: true });
}

export function makeProject(actor: Actor, fields: Partial<Record<string, string | number>> & { companyId: number }): number {
  const company = db().select({ name: t.companies.name }).from(t.companies).where(eq(t.companies.id, fields.companyId)).get()!;
  const data = newProjectSchema.parse({
    name: `测试项目${next()}`,
    companyName: company.name,
    projectType: "new",
    ownerId: actor.id,
    unitId: actor.unitId,
    priority: "normal",
    totalInvestmentUsd: "1000",
    contractedFdiUsd: "500",
    enteredOn: "2026-01-10",
    ...fields,
  });
  return createProject({ actor, data });
}

export function projectRow(id: number) {
  return db().select().from(t.projects).where(eq(t.projects.id, id)).get()!;
}

/**
 * Runs `action` as if the business day were `date` (the clock of app/lib/dates.ts today()), then
 * restores the day the tests run on: for records whose own dates are set from today, such as
 * 甄别通过, 取消 and 承诺.
 */
export function onDay<T>(date: string, action: () => T): T {
  const saved = process.env.FDI_TODAY;
  process.env.FDI_TODAY = date;
  try {
    return action();
  } finally {
    if (saved === undefined) delete process.env.FDI_TODAY;
    else process.env.FDI_TODAY = saved;
  }
}

/**
 * 回收站: soft deletes keep the record; only an administrator restores it, and a restore is audited.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { listDeletedRecords, restoreRecord } from "../app/admin/recycle-bin.server";
import { createCompany, deleteCompany } from "../app/companies/companies.server";
import { companySchema } from "../app/companies/company.schema";
import { db, t } from "../app/db.server";
import { ForbiddenError, InvalidError } from "../app/lib/errors";
import { deleteProject, getProject } from "../app/projects/projects.server";
import { makeCompany, makeProject, makeUnit, makeUser, projectRow } from "./support/builders";

describe("回收站", () => {
  it("restores a deleted project for an administrator only, with an audit row", () => {
    const unit = makeUnit();
    const officer = makeUser("officer", unit);
    const leader = makeUser("leader", unit);
    const admin = makeUser("admin", unit);
    const id = makeProject(officer, { companyId: makeCompany(officer) });
    deleteProject({ actor: leader, projectId: id, version: projectRow(id).version });
    expect(() => getProject(officer, id)).toThrow();
    expect(listDeletedRecords({ actor: admin }).projects.map((p) => p.id)).toContain(id);
    expect(() => restoreRecord({ actor: leader, entityType: "project", id, version: projectRow(id).version })).toThrow(ForbiddenError);
    restoreRecord({ actor: admin, entityType: "project", id, version: projectRow(id).version });
    expect(getProject(officer, id).deletedAt).toBeNull();
    const restores = db()
      .select()
      .from(t.auditLog)
      .where(and(eq(t.auditLog.entityType, "project"), eq(t.auditLog.entityId, id), eq(t.auditLog.action, "restore")))
      .all();
    expect(restores).toHaveLength(1);
  });

  it("refuses to restore a company whose USCC another live company now uses", () => {
    const admin = makeUser("admin", makeUnit());
    const input = (name: string) => companySchema.parse({ name, country: "CN", uscc: "91110108551385082Q" });
    const first = createCompany({ actor: admin, data: input("先建企业") });
    deleteCompany({ actor: admin, id: first, version: 1 });
    createCompany({ actor: admin, data: input("后建企业") });
    expect(() => restoreRecord({ actor: admin, entityType: "company", id: first, version: 2 })).toThrow(InvalidError);
    expect(() => restoreRecord({ actor: admin, entityType: "company", id: first, version: 2 })).toThrow("统一社会信用代码已被「后建企业」使用，无法恢复");
  });
});

/**
 * 回收站: soft-deleted records, restored by an administrator. Nothing is hard-deleted by the UI.
 */
import { and, desc, eq, isNotNull, isNull, ne } from "drizzle-orm";
import { listDeletedAttachments, restoreAttachment } from "../attachments/attachments.server";
import { assertCan, type Actor } from "../auth/permissions";
import { db, t } from "../db.server";
import { InvalidError, NotFoundError } from "../lib/errors";
import { updateVersioned } from "../lib/versioned-update.server";

export type RestorableType = "project" | "company" | "attachment";

export function listDeletedRecords({ actor, limit = 100 }: { actor: Actor; limit?: number }) {
  assertCan(actor, "admin:system");
  const projects = db()
    .select({ id: t.projects.id, name: t.projects.name, deletedAt: t.projects.deletedAt, companyName: t.companies.name, version: t.projects.version })
    .from(t.projects)
    .innerJoin(t.companies, eq(t.companies.id, t.projects.companyId))
    .where(isNotNull(t.projects.deletedAt))
    .orderBy(desc(t.projects.deletedAt))
    .limit(limit)
    .all();
  const companies = db()
    .select({ id: t.companies.id, name: t.companies.name, deletedAt: t.companies.deletedAt, country: t.companies.country, version: t.companies.version })
    .from(t.companies)
    .where(isNotNull(t.companies.deletedAt))
    .orderBy(desc(t.companies.deletedAt))
    .limit(limit)
    .all();
  return { projects, companies, attachments: listDeletedAttachments({ actor, limit }) };
}

export function restoreRecord({ actor, entityType, id, version }: { actor: Actor; entityType: RestorableType; id: number; version: number }): void {
  assertCan(actor, "admin:system");
  if (entityType === "attachment") return restoreAttachment({ actor, attachmentId: id, version });
  db().transaction((tx) => {
    if (entityType === "project") {
      const project = tx
        .select()
        .from(t.projects)
        .where(and(eq(t.projects.id, id), isNotNull(t.projects.deletedAt)))
        .get();
      if (!project) throw new NotFoundError();
      const company = tx
        .select({ deletedAt: t.companies.deletedAt, name: t.companies.name })
        .from(t.companies)
        .where(eq(t.companies.id, project.companyId))
        .get();
      if (company?.deletedAt) throw new InvalidError({}, `请先恢复其投资方企业「${company.name}」`);
      updateVersioned(tx, { table: t.projects, entityType: "project", id, version, values: {}, before: project, userId: actor.id, restore: true });
    } else {
      const company = tx
        .select()
        .from(t.companies)
        .where(and(eq(t.companies.id, id), isNotNull(t.companies.deletedAt)))
        .get();
      if (!company) throw new NotFoundError();
      if (company.uscc) {
        const taken = tx
          .select({ name: t.companies.name })
          .from(t.companies)
          .where(and(eq(t.companies.uscc, company.uscc), isNull(t.companies.deletedAt), ne(t.companies.id, id)))
          .get();
        if (taken) throw new InvalidError({}, `统一社会信用代码已被「${taken.name}」使用，无法恢复`);
      }
      updateVersioned(tx, { table: t.companies, entityType: "company", id, version, values: {}, before: company, userId: actor.id, restore: true });
    }
  });
}

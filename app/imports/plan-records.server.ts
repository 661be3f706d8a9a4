/**
 * Importing 活动记录 and 实到外资: each row is matched to a project (by project name, narrowed by the
 * company, or by the company's USCC), checked by the same rules as the single form, and refused
 * when the same record is already there or appears twice in the file.
 */
import { and, eq, isNull } from "drizzle-orm";
import { ACTIVITY_TYPE_LABELS, ACTIVITY_TYPES } from "../activities/activity";
import { arrivalDateProblem, arrivalRefusal } from "../arrivals/arrival-rules";
import { diffRecords, writeAudit } from "../audit/audit.server";
import { db, t } from "../db.server";
import { today } from "../lib/dates";
import { CompanyIndex, readUscc } from "./plan-companies.server";
import { ProjectIndex, TODAY_BOUND, type KnownProject } from "./plan-projects.server";
import { refusal, updateImported, type RowPlanner, type Writer } from "./plan.server";

const TYPE_CHOICES = ACTIVITY_TYPES.map((code) => ({
  code,
  label: ACTIVITY_TYPE_LABELS[code],
  synonyms: (
    {
      call: ["电话沟通", "电话联系", "电话洽谈"],
      visit: ["走访", "上门拜访", "登门拜访", "企业走访"],
      inbound_visit: ["来访", "考察", "来平考察", "实地考察"],
      outbound_trip: ["外出", "出访", "赴外招商", "外出拜访"],
      video: ["视频会议", "视频", "线上洽谈", "云洽谈"],
      promotion: ["推介", "招商推介会", "投资推介会"],
      signing_ceremony: ["签约", "签约活动"],
      other: [],
    } as Record<string, string[]>
  )[code],
}));

function activityExists(target: { projectId: number | null; companyId: number }, occurredOn: string, type: string, summary: string): boolean {
  const found = db()
    .select({ id: t.activities.id })
    .from(t.activities)
    .where(
      and(
        target.projectId ? eq(t.activities.projectId, target.projectId) : and(eq(t.activities.companyId, target.companyId), isNull(t.activities.projectId)),
        eq(t.activities.occurredOn, occurredOn),
        eq(t.activities.type, type as (typeof ACTIVITY_TYPES)[number]),
        eq(t.activities.summary, summary),
        isNull(t.activities.deletedAt),
      ),
    )
    .get();
  return Boolean(found);
}

export function activityPlanner(companies: CompanyIndex, projects: ProjectIndex): RowPlanner {
  const seen = new Map<string, number>();
  return ({ check, mode, rowNumber }) => {
    const projectName = check.text("projectName", 200);
    const companyName = check.text("companyName", 200);
    const uscc = readUscc(check, "companyUscc");
    const type = check.choice("type", TYPE_CHOICES) ?? "other";
    const occurredOn = check.date("occurredOn", TODAY_BOUND("活动日期"));
    const participants = check.text("participants", 500);
    const place = check.text("place", 200);
    const summary = check.text("summary", 4000);
    const nextStep = check.text("nextStep", 1000);
    const label = projectName ?? companyName ?? "";
    if (check.errors.length > 0 || !occurredOn || !summary) return { outcome: "refuse", label };

    let target: { projectId: number | null; companyId: number; project?: KnownProject };
    if (projectName) {
      const found = projects.find(check, { name: projectName, uscc: uscc ?? null, companyName: companyName ?? null });
      if ("message" in found) return { outcome: "refuse", label, errors: [found] };
      target = { projectId: found.id, companyId: found.companyId, project: found };
    } else {
      if (!companyName && !uscc) return { outcome: "refuse", label, errors: [refusal(check, "projectName", "请填写项目名称或企业名称")] };
      const match = companies.match(companyName ?? "", null, uscc ?? null);
      if (match.error) return { outcome: "refuse", label, errors: [refusal(check, "companyName", match.error)] };
      if (!match.company)
        return { outcome: "refuse", label, errors: [refusal(check, companyName ? "companyName" : "companyUscc", `企业库中没有「${companyName ?? uscc}」`)] };
      target = { projectId: null, companyId: match.company.id };
    }

    const key = `${target.projectId ?? `c${target.companyId}`}|${occurredOn}|${type}|${summary}`;
    const earlier = seen.get(key);
    const duplicateNote = earlier ? `与第 ${earlier} 行相同` : activityExists(target, occurredOn, type, summary) ? "系统中已有相同的活动记录" : null;
    if (!earlier) seen.set(key, rowNumber);
    if (duplicateNote) {
      if (mode === "refuse") return { outcome: "refuse", label, duplicate: true, errors: [refusal(check, "summary", duplicateNote)] };
      return { outcome: "skip", label, note: duplicateNote, duplicate: true };
    }
    return {
      outcome: "create",
      label,
      write: (writer) => {
        const values = { type, occurredOn, participants, place, summary, nextStep };
        const { id } = writer.tx
          .insert(t.activities)
          .values({ ...values, projectId: target.projectId, companyId: target.companyId, createdBy: writer.actor.id })
          .returning({ id: t.activities.id })
          .get();
        if (target.projectId) writer.activityProjects.add(target.projectId);
        writeAudit(writer.tx, {
          entityType: "activity",
          entityId: id,
          action: "create",
          userId: writer.actor.id,
          changes: diffRecords(null, { projectId: target.projectId, ...values }),
        });
        writer.record({ entityType: "activity", entityId: id, action: "create", versionAfter: 1 });
      },
    };
  };
}

function existingArrival(projectId: number, arrivedOn: string, amountUsd: number) {
  return db()
    .select()
    .from(t.fdiArrivals)
    .where(
      and(
        eq(t.fdiArrivals.projectId, projectId),
        eq(t.fdiArrivals.arrivedOn, arrivedOn),
        eq(t.fdiArrivals.amountUsd, amountUsd),
        isNull(t.fdiArrivals.deletedAt),
      ),
    )
    .get();
}

export function arrivalPlanner(projects: ProjectIndex): RowPlanner {
  const seen = new Map<string, number>();
  return ({ check, mode, rowNumber }) => {
    const projectName = check.text("projectName", 200);
    const companyName = check.text("companyName", 200);
    const uscc = readUscc(check, "companyUscc");
    const arrivedOn = check.date("arrivedOn", TODAY_BOUND("到账日期"));
    const amountUsd = check.amount("amountUsd");
    const reference = check.text("reference", 200);
    const label = projectName ?? companyName ?? uscc ?? "";
    if (check.errors.length > 0 || !arrivedOn || amountUsd == null) return { outcome: "refuse", label };
    if (amountUsd <= 0) return { outcome: "refuse", label, errors: [refusal(check, "amountUsd", "到账金额应大于0")] };
    const project = projects.find(
      check,
      { name: projectName ?? null, uscc: uscc ?? null, companyName: companyName ?? null },
      (candidate) => arrivalRefusal(candidate) === null,
    );
    if ("message" in project) return { outcome: "refuse", label, errors: [project] };
    const refused = arrivalRefusal(project);
    if (refused) return { outcome: "refuse", label: project.name, errors: [refusal(check, "projectName", refused)] };
    const problem = arrivalDateProblem(arrivedOn, { signedOn: project.signedOn, today: today() });
    if (problem) return { outcome: "refuse", label: project.name, errors: [refusal(check, "arrivedOn", `${problem}（签约日期 ${project.signedOn}）`)] };

    const key = `${project.id}|${arrivedOn}|${amountUsd}`;
    const earlier = seen.get(key);
    if (!earlier) seen.set(key, rowNumber);
    const existing = earlier ? undefined : existingArrival(project.id, arrivedOn, amountUsd);
    if (earlier || existing) {
      const note = earlier ? `与第 ${earlier} 行相同` : "系统中已有同日同金额的到账记录";
      if (mode === "refuse") return { outcome: "refuse", label: project.name, duplicate: true, errors: [refusal(check, "arrivedOn", note)] };
      if (mode === "update" && existing && reference && reference !== existing.reference) {
        return {
          outcome: "update",
          label: project.name,
          note,
          duplicate: true,
          write: (writer: Writer) => {
            updateImported(writer, { table: t.fdiArrivals, entityType: "fdi_arrival", id: existing.id, values: { reference } });
          },
        };
      }
      return { outcome: "skip", label: project.name, note, duplicate: true };
    }
    return {
      outcome: "create",
      label: project.name,
      write: (writer) => {
        const values = { arrivedOn, amountUsd, reference };
        const { id } = writer.tx
          .insert(t.fdiArrivals)
          .values({ projectId: project.id, ...values, createdBy: writer.actor.id })
          .returning({ id: t.fdiArrivals.id })
          .get();
        writeAudit(writer.tx, {
          entityType: "fdi_arrival",
          entityId: id,
          action: "create",
          userId: writer.actor.id,
          changes: diffRecords(null, { projectId: project.id, ...values }),
        });
        writer.record({ entityType: "fdi_arrival", entityId: id, action: "create", versionAfter: 1 });
      },
    };
  };
}

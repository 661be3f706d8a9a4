/**
 * Importing 招商项目: the company by USCC or name (created from the row's company columns when the
 * 企业库 has none), 负责人/负责单位/线索来源/落地载体 by name, and the current stage with its date
 * written as back-dated stage-log entries. Stages from 签约 on arrive 待甄别 (DESIGN.md §2).
 */
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { diffRecords, writeAudit } from "../audit/audit.server";
import { projectSearchText } from "../companies/search-index.server";
import { db, t } from "../db.server";
import { today, type DateRule } from "../lib/dates";
import {
  isAtOrPastSigning,
  PRIORITIES,
  PRIORITY_LABELS,
  PROJECT_TYPE_LABELS,
  PROJECT_TYPES,
  STAGE_LABELS,
  STAGES,
  stageIndex,
  type Stage,
} from "../projects/stages";
import { recordProjectEntry } from "../projects/project-log.server";
import { CompanyIndex, readUscc, writeNewCompany } from "./plan-companies.server";
import { changedFields, refusal, updateImported, type RowCheck, type RowError, type RowPlanner, type Writer } from "./plan.server";

const STAGE_CHOICES = STAGES.map((code) => ({
  code,
  label: STAGE_LABELS[code],
  synonyms:
    code === "signed"
      ? ["已签约", "签约（待甄别）"]
      : code === "production"
        ? ["已投产"]
        : code === "construction"
          ? ["已开工", "在建"]
          : code === "registered"
            ? ["已注册"]
            : code === "negotiating"
              ? ["在谈", "洽谈中"]
              : code === "contacted"
                ? ["初步接洽", "接触"]
                : ["新线索"],
}));
const TYPE_CHOICES = PROJECT_TYPES.map((code) => ({
  code,
  label: PROJECT_TYPE_LABELS[code],
  synonyms:
    code === "new" ? ["新设立", "新建", "新项目"] : code === "capital_increase" ? ["增资扩股", "增资项目"] : code === "merger" ? ["并购重组", "收购"] : [],
}));
const PRIORITY_CHOICES = PRIORITIES.map((code) => ({
  code,
  label: PRIORITY_LABELS[code],
  synonyms: code === "high" ? ["高", "重大", "重点项目"] : code === "low" ? ["低"] : ["普通", "中"],
}));

/** Dates of what happened (线索/阶段/活动/到账): not after today. */
export const TODAY_BOUND = (label: string): DateRule => ({ label, notAfterToday: true });
/** Planned dates: up to ten years ahead. */
export const FUTURE_BOUND = (label: string): DateRule => ({ label });

/** Project names compared as the duplicate guard compares company names: width, case and spaces folded. */
export function projectNameKey(name: string): string {
  return name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s·・()（）【】[\]"“”'‘’\-_]/g, "");
}

/** Names → ids of a reference list; a name used twice is ambiguous. */
class NameLookup {
  private readonly byName = new Map<string, number[]>();
  constructor(rows: { id: number; name: string }[]) {
    for (const row of rows) {
      const key = projectNameKey(row.name);
      const ids = this.byName.get(key);
      if (ids) ids.push(row.id);
      else this.byName.set(key, [row.id]);
    }
  }
  find(name: string): number[] {
    return this.byName.get(projectNameKey(name)) ?? [];
  }
}

export interface KnownProject {
  id: number;
  name: string;
  companyId: number;
  companyName: string;
  uscc: string | null;
  signedOn: string | null;
  signingVerifiedAt: number | null;
  stage: Stage;
}

/** Live projects by name and by company, for projects, activities and arrivals. */
export class ProjectIndex {
  readonly byName = new Map<string, KnownProject[]>();
  readonly byCompany = new Map<number, KnownProject[]>();
  readonly byUscc = new Map<string, KnownProject[]>();

  static load(): ProjectIndex {
    const index = new ProjectIndex();
    const rows = db()
      .select({
        id: t.projects.id,
        name: t.projects.name,
        companyId: t.projects.companyId,
        companyName: t.companies.name,
        uscc: t.companies.uscc,
        signedOn: t.projects.signedOn,
        signingVerifiedAt: t.projects.signingVerifiedAt,
        stage: t.projects.stage,
      })
      .from(t.projects)
      .innerJoin(t.companies, eq(t.companies.id, t.projects.companyId))
      .where(isNull(t.projects.deletedAt))
      .all();
    for (const row of rows) index.add(row);
    return index;
  }

  add(project: KnownProject): void {
    const push = <K>(map: Map<K, KnownProject[]>, key: K) => {
      const list = map.get(key);
      if (list) list.push(project);
      else map.set(key, [project]);
    };
    push(this.byName, projectNameKey(project.name));
    push(this.byCompany, project.companyId);
    if (project.uscc) push(this.byUscc, project.uscc);
  }

  /**
   * The project a row means: by name (narrowed by the company's USCC or name when given), or by the
   * company alone when `companyOnly` allows it and `accept` leaves exactly one.
   */
  find(
    check: RowCheck,
    { name, uscc, companyName }: { name: string | null; uscc: string | null; companyName: string | null },
    accept: (project: KnownProject) => boolean = () => true,
  ): KnownProject | RowError {
    let candidates = name ? (this.byName.get(projectNameKey(name)) ?? []) : [];
    const companyKey = companyName ? projectNameKey(companyName) : null;
    const ofCompany = (project: KnownProject) => (!uscc || project.uscc === uscc) && (!companyKey || projectNameKey(project.companyName) === companyKey);
    if (name) {
      candidates = candidates.filter(ofCompany);
      if (candidates.length === 0) return refusal(check, "projectName", `找不到项目「${name}」${uscc || companyName ? "（与所填企业不符）" : ""}`);
      if (candidates.length > 1) return refusal(check, "projectName", `有 ${candidates.length} 个名为「${name}」的项目，请填写企业名称或统一社会信用代码区分`);
      return candidates[0];
    }
    if (!uscc) return refusal(check, "projectName", "请填写项目名称或统一社会信用代码");
    const ofCode = this.byUscc.get(uscc) ?? [];
    const accepted = ofCode.filter(accept);
    if (ofCode.length === 0) return refusal(check, "companyUscc", "没有该统一社会信用代码企业的项目");
    if (accepted.length !== 1) {
      return refusal(check, "projectName", accepted.length === 0 ? "该企业没有已甄别的签约项目" : `该企业有 ${accepted.length} 个已签约项目，请填写项目名称`);
    }
    return accepted[0];
  }
}

interface References {
  owners: NameLookup;
  ownerUnits: Map<number, number>;
  units: NameLookup;
  channels: NameLookup;
  parks: NameLookup;
}

function loadReferences(): References {
  const owners = db()
    .select({ id: t.users.id, name: t.users.displayName, unitId: t.users.unitId })
    .from(t.users)
    .where(and(eq(t.users.active, true), inArray(t.users.role, ["officer", "leader", "admin"])))
    .all();
  return {
    owners: new NameLookup(owners),
    ownerUnits: new Map(owners.map((owner) => [owner.id, owner.unitId])),
    units: new NameLookup(db().select({ id: t.units.id, name: t.units.name }).from(t.units).where(eq(t.units.active, true)).all()),
    channels: new NameLookup(db().select({ id: t.channels.id, name: t.channels.name }).from(t.channels).where(eq(t.channels.active, true)).all()),
    parks: new NameLookup(db().select({ id: t.parks.id, name: t.parks.name }).from(t.parks).where(isNull(t.parks.deletedAt)).orderBy(asc(t.parks.id)).all()),
  };
}

function byName(check: RowCheck, field: string, lookup: NameLookup, what: string): number | null | undefined {
  const name = check.text(field, 200);
  if (name === undefined) return undefined;
  if (name === null) return null;
  const ids = lookup.find(name);
  if (ids.length === 1) return ids[0];
  return check.fail(field, ids.length === 0 ? `系统中没有${what}“${name}”` : `系统中有多个名为“${name}”的${what}`);
}

/** The fields a project update may change (stage and dates go through the project page). */
const UPDATABLE = [
  "projectType",
  "channelId",
  "ownerId",
  "unitId",
  "parkId",
  "totalInvestmentUsd",
  "contractedFdiUsd",
  "fixedAssetInvestmentCny",
  "landMu",
  "expectedJobs",
  "priority",
  "nextFollowUpOn",
  "nextFollowUpItem",
  "description",
] as const;

/**
 * `mayReassign`: whether the importing user may change an existing project's 负责人/负责单位
 * (DESIGN.md §3: leaders and administrators; staff import but do not move projects).
 */
export function projectPlanner(companies: CompanyIndex, projects: ProjectIndex, { mayReassign }: { mayReassign: boolean }): RowPlanner {
  const references = loadReferences();
  const seen = new Map<string, number>();
  return ({ check, rowNumber, mode }) => {
    const name = check.text("name", 200);
    const companyName = check.text("companyName", 200);
    const uscc = readUscc(check, "companyUscc");
    const country = check.country("country");
    const ownerId = byName(check, "owner", references.owners, "用户");
    const unitFromFile = byName(check, "unit", references.units, "单位");
    const fields = {
      projectType: check.choice("projectType", TYPE_CHOICES),
      channelId: byName(check, "channel", references.channels, "线索来源"),
      ownerId,
      unitId: unitFromFile ?? (ownerId ? references.ownerUnits.get(ownerId) : undefined),
      parkId: byName(check, "park", references.parks, "载体"),
      totalInvestmentUsd: check.amount("totalInvestmentUsd"),
      contractedFdiUsd: check.amount("contractedFdiUsd"),
      fixedAssetInvestmentCny: check.amount("fixedAssetInvestmentCny"),
      landMu: check.decimal("landMu"),
      expectedJobs: check.count("expectedJobs"),
      priority: check.choice("priority", PRIORITY_CHOICES),
      nextFollowUpOn: check.date("nextFollowUpOn", FUTURE_BOUND("下次跟进日期")),
      nextFollowUpItem: check.text("nextFollowUpItem", 500),
      description: check.text("description", 4000),
    };
    const stage = check.choice("stage", STAGE_CHOICES) ?? (check.errors.length === 0 ? "lead" : undefined);
    const stageOn = check.date("stageOn", TODAY_BOUND("阶段日期"));
    const enteredOnCell = check.date("enteredOn", TODAY_BOUND("线索日期"));
    const label = name ?? "";
    if (
      check.errors.length > 0 ||
      !name ||
      !companyName ||
      !stage ||
      fields.ownerId == null ||
      fields.totalInvestmentUsd == null ||
      fields.contractedFdiUsd == null
    ) {
      return { outcome: "refuse", label };
    }
    const errors: RowError[] = [];
    if (fields.contractedFdiUsd > fields.totalInvestmentUsd) errors.push(refusal(check, "contractedFdiUsd", "合同外资不能大于总投资"));
    if (stage !== "lead" && !stageOn) errors.push(refusal(check, "stageOn", `当前阶段为${STAGE_LABELS[stage]}时请填写阶段日期`));
    const enteredOn = enteredOnCell ?? (stage === "lead" ? null : stageOn) ?? today();
    if (stageOn && stageOn < enteredOn) errors.push(refusal(check, "stageOn", `阶段日期不能早于线索日期（${enteredOn}）`));
    if (errors.length > 0) return { outcome: "refuse", label, errors };

    // the company: the 企业库's, one an earlier row creates, or a new one from this row
    const match = companies.match(companyName, null, uscc ?? null);
    if (match.error) return { outcome: "refuse", label, errors: [refusal(check, "companyName", match.error)] };
    const companyKeys = companies.fileKeys(companyName, uscc ?? null);
    const fromFile = companyKeys.map((key) => companies.inFile.get(key)).find(Boolean);
    const companyHolder = match.company ? { id: match.company.id } : (fromFile?.holder ?? { id: null as number | null });
    if (!match.company && !fromFile) {
      if (!country) return { outcome: "refuse", label, errors: [refusal(check, "country", `企业库中没有「${companyName}」，请填写国别/地区以新建企业`)] };
      for (const key of companyKeys) companies.inFile.set(key, { rowNumber, holder: companyHolder });
    }
    const createsCompany = !match.company && !fromFile;

    const key = `${match.company?.id ?? companyKeys[0]}|${projectNameKey(name)}`;
    const earlierRow = seen.get(key);
    if (earlierRow) {
      const note = `与第 ${earlierRow} 行是同一项目`;
      if (mode === "skip") return { outcome: "skip", label, note, duplicate: true };
      return { outcome: "refuse", label, duplicate: true, errors: [refusal(check, "name", `${note}（文件内重复）`)] };
    }
    seen.set(key, rowNumber);
    const existing = match.company
      ? (projects.byCompany.get(match.company.id) ?? []).find((project) => projectNameKey(project.name) === projectNameKey(name))
      : undefined;

    if (!existing) {
      return {
        outcome: "create",
        label,
        note: createsCompany ? `同时新建企业「${companyName}」` : undefined,
        write: (writer) => {
          if (companyHolder.id === null) {
            companyHolder.id = writeNewCompany(writer, {
              name: companyName,
              foreignName: null,
              uscc: uscc ?? null,
              country: country!,
              city: null,
              industry: null,
              isFortune500: null,
              isChainLeader: null,
              isExistingInvestor: null,
              description: null,
            });
          }
          writeNewProject(
            writer,
            {
              ...fields,
              name,
              companyId: companyHolder.id,
              ownerId: fields.ownerId!,
              unitId: fields.unitId!,
              projectType: fields.projectType ?? "new",
              priority: fields.priority ?? "normal",
              totalInvestmentUsd: fields.totalInvestmentUsd!,
              contractedFdiUsd: fields.contractedFdiUsd!,
            },
            { stage, stageOn: stageOn ?? enteredOn, enteredOn },
          );
        },
      };
    }

    const note = `系统中已有项目「${existing.name}」`;
    if (mode === "refuse") return { outcome: "refuse", label, duplicate: true, errors: [refusal(check, "name", note)] };
    if (mode === "skip") return { outcome: "skip", label, note, duplicate: true };
    if (check.has("stage") && stage !== existing.stage) {
      return {
        outcome: "refuse",
        label,
        duplicate: true,
        errors: [refusal(check, "stage", `系统中该项目为${STAGE_LABELS[existing.stage]}，阶段请在项目页变更`)],
      };
    }
    const before = db().select().from(t.projects).where(eq(t.projects.id, existing.id)).get()!;
    const wanted = Object.fromEntries(UPDATABLE.map((field) => [field, check.has(fieldColumn(field)) ? fields[field] : null]));
    const changed = changedFields(before, wanted);
    if (!mayReassign && ("ownerId" in changed || "unitId" in changed)) {
      const field = "ownerId" in changed ? "owner" : "unit";
      return { outcome: "refuse", label, duplicate: true, errors: [refusal(check, field, "已有项目的负责人/负责单位只能由领导或系统管理员在项目页变更")] };
    }
    const merged = { ...before, ...changed } as typeof before;
    if (merged.contractedFdiUsd > merged.totalInvestmentUsd)
      return { outcome: "refuse", label, errors: [refusal(check, "contractedFdiUsd", "合同外资不能大于总投资")] };
    if (Object.keys(changed).length === 0) return { outcome: "skip", label, note: `${note}，内容相同`, duplicate: true };
    return {
      outcome: "update",
      label,
      note,
      duplicate: true,
      write: (writer) => {
        updateImported(writer, { table: t.projects, entityType: "project", id: existing.id, values: changed });
      },
    };
  };
}

/** The import column a project field is read from. */
function fieldColumn(field: (typeof UPDATABLE)[number]): string {
  return ({ channelId: "channel", ownerId: "owner", unitId: "unit", parkId: "park" } as Record<string, string>)[field] ?? field;
}

interface NewProject {
  name: string;
  companyId: number;
  projectType: (typeof PROJECT_TYPES)[number];
  channelId: number | null | undefined;
  ownerId: number;
  unitId: number;
  parkId: number | null | undefined;
  totalInvestmentUsd: number;
  contractedFdiUsd: number;
  fixedAssetInvestmentCny: number | null | undefined;
  landMu: number | null | undefined;
  expectedJobs: number | null | undefined;
  priority: (typeof PRIORITIES)[number];
  nextFollowUpOn: string | null | undefined;
  nextFollowUpItem: string | null | undefined;
  description: string | null | undefined;
}

/** Inserts the project with its stage log: 线索 on `enteredOn`, then the current stage on `stageOn`. */
function writeNewProject(writer: Writer, project: NewProject, { stage, stageOn, enteredOn }: { stage: Stage; stageOn: string; enteredOn: string }): void {
  const { tx, actor } = writer;
  const values = {
    ...project,
    channelId: project.channelId ?? null,
    parkId: project.parkId ?? null,
    fixedAssetInvestmentCny: project.fixedAssetInvestmentCny ?? null,
    landMu: project.landMu ?? null,
    expectedJobs: project.expectedJobs ?? null,
    nextFollowUpOn: project.nextFollowUpOn ?? null,
    nextFollowUpItem: project.nextFollowUpItem ?? null,
    description: project.description ?? null,
  };
  const signedOn = isAtOrPastSigning(stage) ? stageOn : null;
  const { id } = tx
    .insert(t.projects)
    .values({
      ...values,
      searchText: projectSearchText(values.name, values.companyId, tx),
      stage,
      status: "active",
      signedOn,
      lastActivityOn: enteredOn,
      createdBy: actor.id,
    })
    .returning({ id: t.projects.id })
    .get();
  recordProjectEntry(tx, { projectId: id, enteredOn, userId: actor.id, note: "导入" });
  if (stage !== "lead") {
    tx.insert(t.stageChanges).values({ projectId: id, fromStage: "lead", toStage: stage, occurredOn: stageOn, userId: actor.id, note: "导入" }).run();
  }
  const changes = diffRecords(null, { ...values, enteredOn, stage, ...(signedOn ? { signedOn } : {}) });
  if (stageIndex(stage) > 1) changes.skipped = [null, STAGES.slice(1, stageIndex(stage)).join(",")];
  writeAudit(tx, { entityType: "project", entityId: id, action: "create", userId: actor.id, changes });
  writer.record({ entityType: "project", entityId: id, action: "create", versionAfter: 1 });
}

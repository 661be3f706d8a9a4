/**
 * 负责人/负责单位 (DESIGN.md §3): an officer changes them only on their own unit's projects, leaders and
 * administrators on any; a member from another unit edits the project's other fields but can neither
 * move it to their unit nor take it over — the owner would lose it. Checked in the use case, so a
 * hand-made post meets the same refusal as the form.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { canReassignProject, type Actor } from "../app/auth/permissions";
import { InvalidError } from "../app/lib/errors";
import { projectSchema } from "../app/projects/project.schema";
import { addProjectMember, getProject, updateProject } from "../app/projects/projects.server";
import { action as editAction, loader as editLoader } from "../app/routes/projects.$id_.edit";
import { startSession } from "../app/auth/session.server";
import { makeCompany, makeProject, makeUnit, makeUser, projectRow } from "./support/builders";

let owner: Actor;
let colleague: Actor;
let outsider: Actor;
let leader: Actor;
let companyName: string;
let companyId: number;

beforeAll(() => {
  const center = makeUnit("投资促进中心（负责人测试）");
  const zone = makeUnit("开发区（负责人测试）");
  owner = makeUser("officer", center);
  colleague = makeUser("officer", center);
  outsider = makeUser("officer", zone);
  leader = makeUser("leader", center);
  companyName = "负责人测试企业";
  companyId = makeCompany(owner, { name: companyName });
});

/** A project of the center owned by `owner`, with the zone's officer as a member. */
function sharedProject(): number {
  const id = makeProject(owner, { companyId });
  addProjectMember({ actor: owner, projectId: id, userId: outsider.id });
  return id;
}

function formOf(id: number, changes: Record<string, string> = {}) {
  const row = projectRow(id);
  return projectSchema.parse({
    name: row.name,
    companyName,
    projectType: row.projectType,
    ownerId: String(row.ownerId),
    unitId: String(row.unitId),
    priority: row.priority,
    totalInvestmentUsd: "1000",
    contractedFdiUsd: "500",
    ...changes,
  });
}

function fieldErrorsOf(fn: () => unknown): Record<string, string> {
  try {
    fn();
  } catch (error) {
    if (error instanceof InvalidError) return error.fieldErrors;
    throw error;
  }
  throw new Error("expected InvalidError");
}

describe("a member from another unit", () => {
  it("cannot make themselves 负责人 or move the project to their unit, and the owner keeps it", () => {
    const id = sharedProject();
    const before = projectRow(id);
    expect(
      fieldErrorsOf(() =>
        updateProject({ actor: outsider, id, data: formOf(id, { ownerId: String(outsider.id), unitId: String(outsider.unitId) }), version: before.version }),
      ),
    ).toEqual({
      ownerId: "只有本单位招商员或领导可以变更负责人",
      unitId: "只有本单位招商员或领导可以变更负责单位",
    });
    expect(fieldErrorsOf(() => updateProject({ actor: outsider, id, data: formOf(id, { ownerId: String(outsider.id) }), version: before.version }))).toEqual({
      ownerId: "只有本单位招商员或领导可以变更负责人",
    });
    expect(fieldErrorsOf(() => updateProject({ actor: outsider, id, data: formOf(id, { unitId: String(outsider.unitId) }), version: before.version }))).toEqual(
      {
        unitId: "只有本单位招商员或领导可以变更负责单位",
      },
    );
    const after = projectRow(id);
    expect({ ownerId: after.ownerId, unitId: after.unitId, version: after.version }).toEqual({
      ownerId: owner.id,
      unitId: owner.unitId,
      version: before.version,
    });
    expect(getProject(owner, id).canEdit).toBe(true);
  });

  it("still edits the other fields", () => {
    const id = sharedProject();
    updateProject({ actor: outsider, id, data: formOf(id, { name: "成员改名的项目" }), version: projectRow(id).version });
    expect(projectRow(id)).toMatchObject({ name: "成员改名的项目", ownerId: owner.id, unitId: owner.unitId });
  });
});

describe("who may change 负责人/负责单位", () => {
  it("lets the owner hand the project to a colleague of the unit, and a leader move it anywhere", () => {
    const id = sharedProject();
    updateProject({ actor: owner, id, data: formOf(id, { ownerId: String(colleague.id) }), version: projectRow(id).version });
    expect(projectRow(id).ownerId).toBe(colleague.id);
    updateProject({ actor: leader, id, data: formOf(id, { ownerId: String(outsider.id), unitId: String(outsider.unitId) }), version: projectRow(id).version });
    expect(projectRow(id)).toMatchObject({ ownerId: outsider.id, unitId: outsider.unitId });
  });

  it("reads as DESIGN.md §3 says", () => {
    const project = { ownerId: owner.id, unitId: owner.unitId, memberIds: [outsider.id] };
    expect(canReassignProject(owner, project)).toBe(true);
    expect(canReassignProject(outsider, project)).toBe(false);
    expect(canReassignProject(leader, { ...project, unitId: outsider.unitId })).toBe(true);
    // a colleague of the unit who is not on the project cannot edit it at all
    expect(canReassignProject(colleague, project)).toBe(false);
  });
});

describe("the edit page", () => {
  async function cookieOf(actor: Actor): Promise<string> {
    const response = await startSession(actor.id, "/", new Request("http://localhost/login"));
    return response.headers.get("Set-Cookie")!.split(";")[0]!;
  }

  it("tells the form whether 负责人/负责单位 may be changed", async () => {
    const id = sharedProject();
    const loaded = async (actor: Actor) => {
      const request = new Request(`http://localhost/projects/${id}/edit`, { headers: { Cookie: await cookieOf(actor) } });
      return (await ((await editLoader({ request, params: { id: String(id) }, context: {} })) as Response).json()) as { canReassign: boolean };
    };
    expect((await loaded(outsider)).canReassign).toBe(false);
    expect((await loaded(owner)).canReassign).toBe(true);
  });

  it("answers a hand-made post that takes the project over with 400 and the field errors", async () => {
    const id = sharedProject();
    const row = projectRow(id);
    const body = new URLSearchParams({
      name: row.name,
      companyName,
      projectType: "new",
      ownerId: String(outsider.id),
      unitId: String(outsider.unitId),
      priority: "normal",
      totalInvestmentUsd: "1000",
      contractedFdiUsd: "500",
      version: String(row.version),
    });
    const request = new Request(`http://localhost/projects/${id}/edit`, { method: "POST", headers: { Cookie: await cookieOf(outsider) }, body });
    const response = (await editAction({ request, params: { id: String(id) }, context: {} })) as Response;
    expect(response.status).toBe(400);
    expect(((await response.json()) as { fieldErrors: Record<string, string> }).fieldErrors.ownerId).toBe("只有本单位招商员或领导可以变更负责人");
    expect(projectRow(id).ownerId).toBe(owner.id);
  });
});

/**
 * The project page's visit loop (DESIGN.md §2, §6) on a real migrated SQLite file, today 2026-06-30:
 * 添加活动记录 plans the next follow-up, 最近活动 is the latest activity's date, the 线索日期 can be
 * corrected until the first transition, transitions stay chronological, an author corrects an
 * activity within 7 days — through the sub-resource routes the page posts to, with session cookies.
 */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { newActivitySchema } from "../app/activities/activity";
import type { Actor } from "../app/auth/permissions";
import { db, t } from "../app/db.server";
import { ConflictError, ForbiddenError, InvalidError } from "../app/lib/errors";
import {
  addActivity,
  addProjectMember,
  changeLeadDate,
  correctActivity,
  getProject,
  getProjectTimeline,
  moveProjectToStage,
} from "../app/projects/projects.server";
import { loader as projectLoader } from "../app/routes/projects.$id";
import { action as correctActivityAction } from "../app/routes/projects.$id_.activities_.$activityId";
import { action as addActivityAction } from "../app/routes/projects.$id_.activities";
import { action as deleteAction, loader as deleteLoader } from "../app/routes/projects.$id_.delete";
import { action as leadDateAction } from "../app/routes/projects.$id_.lead-date";
import { action as membersAction, loader as membersLoader } from "../app/routes/projects.$id_.members";
import { action as stageAction } from "../app/routes/projects.$id_.stage";
import { makeCompany, makeProject, makeUnit, makeUser, projectRow } from "./support/builders";
import { answer, getAs, loadAs, postAs, routeArgs } from "./support/requests";

let officer: Actor;
let colleague: Actor & { username: string };
let leader: Actor;
let companyId: number;

beforeAll(() => {
  const unit = makeUnit("项目页测试单位");
  officer = makeUser("officer", unit);
  colleague = makeUser("officer", unit);
  leader = makeUser("leader", unit);
  companyId = makeCompany(officer, { name: "项目页测试企业" });
});

const activity = (occurredOn: string, fields: Record<string, string> = {}) =>
  newActivitySchema.parse({ type: "visit", occurredOn, summary: `拜访 ${occurredOn}`, ...fields });
const timelineOf = (actor: Actor, projectId: number) => getProjectTimeline(actor, getProject(actor, projectId)).activities;
const activitiesOf = (projectId: number) => db().select().from(t.activities).where(eq(t.activities.projectId, projectId)).orderBy(t.activities.id).all();
const auditOf = (entityType: "project" | "activity", id: number) =>
  db()
    .select()
    .from(t.auditLog)
    .where(and(eq(t.auditLog.entityType, entityType), eq(t.auditLog.entityId, id)))
    .orderBy(t.auditLog.id)
    .all();
const entryOf = (projectId: number) => db().select().from(t.stageChanges).where(eq(t.stageChanges.projectId, projectId)).orderBy(t.stageChanges.id).all()[0]!;

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected an error");
}

async function post(
  actor: Actor,
  path: string,
  fields: Record<string, string>,
  params: Record<string, string>,
  action: (args: ReturnType<typeof routeArgs>) => Promise<unknown>,
) {
  return answer(async () => action(routeArgs(await postAs(actor, path, fields), params)));
}

describe("添加活动记录 plans the next follow-up", () => {
  it("sets 下次跟进日期 and 下次跟进事项 from the activity, in the same transaction, versioned and audited on the project", () => {
    const id = makeProject(officer, { companyId, enteredOn: "2026-06-01", nextFollowUpOn: "2026-06-15", nextFollowUpItem: "电话约访" });
    const version = projectRow(id).version;
    addActivity({ actor: officer, projectId: id, data: activity("2026-06-20", { nextStep: "发送园区资料", nextFollowUpOn: "2026-07-05" }) });
    expect(projectRow(id)).toMatchObject({ nextFollowUpOn: "2026-07-05", nextFollowUpItem: "发送园区资料", version: version + 1 });
    const update = auditOf("project", id).filter((row) => row.action === "update");
    expect(update.map((row) => [row.userId, row.changes])).toEqual([
      [officer.id, { nextFollowUpOn: ["2026-06-15", "2026-07-05"], nextFollowUpItem: ["电话约访", "发送园区资料"] }],
    ]);
    // neither field filled: the follow-up stays, the project's version too
    addActivity({ actor: officer, projectId: id, data: activity("2026-06-21") });
    expect(projectRow(id)).toMatchObject({ nextFollowUpOn: "2026-07-05", nextFollowUpItem: "发送园区资料", version: version + 1 });
    // only the date: the item stays
    addActivity({ actor: officer, projectId: id, data: activity("2026-06-22", { nextFollowUpOn: "2026-07-10" }) });
    expect(projectRow(id)).toMatchObject({ nextFollowUpOn: "2026-07-10", nextFollowUpItem: "发送园区资料" });
  });

  it("refuses a next follow-up before the activity, in the form's schema and in the use case, adding nothing", () => {
    const id = makeProject(officer, { companyId, enteredOn: "2026-06-01" });
    expect(
      newActivitySchema.safeParse({ type: "call", occurredOn: "2026-06-20", summary: "电话", nextFollowUpOn: "2026-06-19" }).error?.issues[0],
    ).toMatchObject({
      path: ["nextFollowUpOn"],
      message: "下次跟进日期不能早于活动日期",
    });
    const error = thrown(() => addActivity({ actor: officer, projectId: id, data: { ...activity("2026-06-20"), nextFollowUpOn: "2026-06-19" } }));
    expect(error).toBeInstanceOf(InvalidError);
    expect(activitiesOf(id)).toEqual([]);
  });

  it("is posted to /projects/:id/activities, which goes back to the timeline or returns the errors with the input", async () => {
    const id = makeProject(officer, { companyId, enteredOn: "2026-06-01" });
    const path = `/projects/${id}/activities`;
    const saved = await post(
      officer,
      path,
      { type: "visit", occurredOn: "2026-06-25", summary: "现场考察", nextStep: "报送选址方案", nextFollowUpOn: "2026-07-02" },
      { id: String(id) },
      addActivityAction,
    );
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toBe(`/projects/${id}#activities`);
    expect(projectRow(id)).toMatchObject({ nextFollowUpOn: "2026-07-02", nextFollowUpItem: "报送选址方案", lastActivityOn: "2026-06-25" });
    const refused = await post(
      officer,
      path,
      { type: "visit", occurredOn: "2026-06-25", summary: "", nextFollowUpOn: "2026-06-01" },
      { id: String(id) },
      addActivityAction,
    );
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      fieldErrors: { summary: "请填写纪要", nextFollowUpOn: "下次跟进日期不能早于活动日期" },
      values: { occurredOn: "2026-06-25", nextFollowUpOn: "2026-06-01" },
    });
    expect(activitiesOf(id)).toHaveLength(1);
  });
});

describe("最近活动", () => {
  it("is the latest activity's date: not the lead date, never moved back by a back-dated visit, right again after a correction", () => {
    const id = makeProject(officer, { companyId, enteredOn: "2026-06-01" });
    expect(projectRow(id).lastActivityOn).toBe("2026-06-01");
    // a visit before the lead was entered: 最近活动 is that visit, not the day the lead was entered
    const early = addActivity({ actor: officer, projectId: id, data: activity("2026-05-20") });
    expect(projectRow(id).lastActivityOn).toBe("2026-05-20");
    const latest = addActivity({ actor: officer, projectId: id, data: activity("2026-06-20") });
    addActivity({ actor: officer, projectId: id, data: activity("2026-06-10") });
    expect(projectRow(id).lastActivityOn).toBe("2026-06-20");
    const latestRow = activitiesOf(id).find((row) => row.id === latest)!;
    correctActivity({ actor: officer, projectId: id, activityId: latest, data: { ...activity("2026-06-05"), version: latestRow.version } });
    expect(projectRow(id).lastActivityOn).toBe("2026-06-10");
    expect(timelineOf(officer, id).map((row) => row.id)).toContain(early);
  });
});

describe("活动记录 on the project page", () => {
  const dayOf = (offset: number) => new Date(Date.UTC(2026, 3, 1 + offset)).toISOString().slice(0, 10);
  const page = async (id: number, query = "") => {
    const response = await loadAs(officer, projectLoader, `/projects/${id}${query}`, { id: String(id) });
    expect(response.status).toBe(200);
    return (await response.json()) as {
      activities: { id: number; occurredOn: string }[];
      activityCount: number;
      olderActivitiesHref: string | null;
      audit: { rows: { id: number; actionLabel: string; partLabel: string | null }[]; olderHref: string | null };
    };
  };

  it("shows the latest 50 and the count of all; ?activities=N shows more, never fewer than 50", async () => {
    const id = makeProject(officer, { companyId, enteredOn: "2026-03-01" });
    // 56 days, and two activities on the last one: 57 in all, the later-recorded first on that day
    const ids = Array.from({ length: 56 }, (_, day) => addActivity({ actor: officer, projectId: id, data: activity(dayOf(day)) }));
    const sameDay = addActivity({ actor: officer, projectId: id, data: activity(dayOf(55)) });
    const newestFirst = [sameDay, ...ids.slice().reverse()];

    const first = await page(id);
    expect(first.activityCount).toBe(57);
    expect(first.activities.map((row) => row.id)).toEqual(newestFirst.slice(0, 50));
    expect(first.activities.at(-1)?.occurredOn).toBe(dayOf(7));
    expect(first.olderActivitiesHref).toBe(`?activities=100#activity-${newestFirst[49]}`);

    const all = await page(id, "?activities=100&changes=40");
    expect(all.activities.map((row) => row.id)).toEqual(newestFirst);
    expect(all.olderActivitiesHref).toBeNull();
    expect((await page(id, "?activities=51")).activities).toHaveLength(51);
    for (const query of ["?activities=3", "?activities=abc", "?activities=-5"]) expect((await page(id, query)).activities, query).toHaveLength(50);

    addActivity({ actor: officer, projectId: id, data: activity("2026-06-29") });
    const after = await page(id, "?activities=100");
    expect(after.activityCount).toBe(58);
    expect(after.activities[0].occurredOn).toBe("2026-06-29");
    expect(after.olderActivitiesHref).toBeNull();
  });

  it("变更记录 shows the latest 20 saves, and 查看更早的变更记录 asks for 20 more, keeping the page's other parameters", async () => {
    const id = makeProject(officer, { companyId, enteredOn: "2026-03-01" });
    // the project's creation, then 30 saves of one activity each: 31 entries, newest first
    for (let day = 0; day < 30; day++) addActivity({ actor: officer, projectId: id, data: activity(dayOf(day)) });
    const first = await page(id);
    expect(first.audit.rows).toHaveLength(20);
    expect(first.audit.rows[0]).toMatchObject({ actionLabel: "新增", partLabel: expect.stringContaining("活动记录") });
    const lastShown = first.audit.rows[19].id;
    expect(first.audit.olderHref).toBe(`?changes=40#change-${lastShown}`);

    const more = await page(id, "?activities=100&changes=40");
    expect(more.audit.rows).toHaveLength(31);
    expect(more.audit.rows.slice(0, 20)).toEqual(first.audit.rows);
    expect(more.audit.rows.at(-1)?.actionLabel).toBe("创建");
    expect(more.audit.olderHref).toBeNull();
    expect(more.activities).toHaveLength(30);

    const kept = await page(id, "?activities=50&changes=20");
    expect(kept.audit.olderHref).toBe(`?activities=50&changes=40#change-${lastShown}`);
  });
});

describe("线索日期", () => {
  it("is corrected until the first transition, audited, with the stage log's entry and 最近活动 following", () => {
    const id = makeProject(officer, { companyId, enteredOn: "2026-06-10" });
    const version = projectRow(id).version;
    expect(getProject(officer, id)).toMatchObject({ enteredOn: "2026-06-10", canChangeLeadDate: true });
    changeLeadDate({ actor: officer, projectId: id, enteredOn: "2026-04-02", version });
    expect(entryOf(id)).toMatchObject({ fromStage: null, toStage: "lead", occurredOn: "2026-04-02" });
    expect(projectRow(id)).toMatchObject({ version: version + 1, lastActivityOn: "2026-04-02" });
    expect(auditOf("project", id).at(-1)).toMatchObject({ action: "update", userId: officer.id, changes: { enteredOn: ["2026-06-10", "2026-04-02"] } });
    // a stale page, a future date
    expect(thrown(() => changeLeadDate({ actor: officer, projectId: id, enteredOn: "2026-04-01", version }))).toBeInstanceOf(ConflictError);
    expect(
      (thrown(() => changeLeadDate({ actor: officer, projectId: id, enteredOn: "2026-07-01", version: version + 1 })) as InvalidError).fieldErrors,
    ).toEqual({
      enteredOn: "线索日期不能晚于今天",
    });
    // after the first transition it holds the later dates: no longer editable
    moveProjectToStage({ actor: officer, projectId: id, toStage: "contacted", occurredOn: "2026-05-01", note: null, version: version + 1 });
    expect(getProject(officer, id).canChangeLeadDate).toBe(false);
    expect(
      (thrown(() => changeLeadDate({ actor: officer, projectId: id, enteredOn: "2026-03-01", version: version + 2 })) as InvalidError).fieldErrors,
    ).toEqual({
      enteredOn: "项目已有阶段变更，线索日期不能再修改",
    });
    expect(entryOf(id).occurredOn).toBe("2026-04-02");
  });

  it("is posted to /projects/:id/lead-date; staff and other units cannot", async () => {
    const id = makeProject(officer, { companyId, enteredOn: "2026-06-10" });
    const path = `/projects/${id}/lead-date`;
    const saved = await post(officer, path, { enteredOn: "2026-05-30", version: String(projectRow(id).version) }, { id: String(id) }, leadDateAction);
    expect(saved.headers.get("Location")).toBe(`/projects/${id}#stages`);
    expect(entryOf(id).occurredOn).toBe("2026-05-30");
    const outsider = makeUser("officer", makeUnit());
    expect((await post(outsider, path, { enteredOn: "2026-05-01", version: String(projectRow(id).version) }, { id: String(id) }, leadDateAction)).status).toBe(
      404,
    );
    expect(entryOf(id).occurredOn).toBe("2026-05-30");
  });
});

describe("the stage log stays chronological", () => {
  it("refuses a transition dated before the previous one, forward or back, on /projects/:id/stage", async () => {
    const id = makeProject(officer, { companyId, enteredOn: "2026-03-01" });
    moveProjectToStage({ actor: officer, projectId: id, toStage: "negotiating", occurredOn: "2026-03-10", note: null, version: projectRow(id).version });
    const version = String(projectRow(id).version);
    const path = `/projects/${id}/stage`;
    const early = await post(officer, path, { toStage: "signed", occurredOn: "2026-03-09", note: "", version }, { id: String(id) }, stageAction);
    expect(early.status).toBe(400);
    expect(await early.json()).toMatchObject({ fieldErrors: { occurredOn: "发生日期不能早于上一次阶段变更的发生日期（2026-03-10）" } });
    const back = await post(officer, path, { toStage: "contacted", occurredOn: "2026-03-05", note: "重新接洽", version }, { id: String(id) }, stageAction);
    expect(back.status).toBe(400);
    const sameDay = await post(officer, path, { toStage: "signed", occurredOn: "2026-03-10", note: "", version }, { id: String(id) }, stageAction);
    expect(sameDay.status).toBe(302);
    expect(sameDay.headers.get("Location")).toBe(`/projects/${id}#stages`);
    expect(projectRow(id)).toMatchObject({ stage: "signed", signedOn: "2026-03-10" });
  });
});

describe("更正活动记录", () => {
  let projectId: number;
  beforeAll(() => {
    projectId = makeProject(officer, { companyId, enteredOn: "2026-06-01" });
    addProjectMember({ actor: officer, projectId, userId: colleague.id });
  });
  const correction = (activityId: number, fields: Record<string, string>) => ({
    type: "visit",
    occurredOn: "2026-06-18",
    summary: "更正后的纪要",
    version: String(activitiesOf(projectId).find((row) => row.id === activityId)!.version),
    ...fields,
  });
  const postCorrection = (actor: Actor, activityId: number, fields: Record<string, string>) =>
    post(
      actor,
      `/projects/${projectId}/activities/${activityId}`,
      correction(activityId, fields),
      { id: String(projectId), activityId: String(activityId) },
      correctActivityAction,
    );

  it("lets its author correct it within 7 days, versioned and audited", async () => {
    const id = addActivity({ actor: officer, projectId, data: activity("2026-06-19") });
    expect(timelineOf(officer, projectId).find((row) => row.id === id)?.canCorrect).toBe(true);
    const saved = await postCorrection(officer, id, { summary: "与总经理面谈，确认扩产意向" });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toBe(`/projects/${projectId}#activity-${id}`);
    expect(activitiesOf(projectId).find((row) => row.id === id)).toMatchObject({ occurredOn: "2026-06-18", summary: "与总经理面谈，确认扩产意向", version: 2 });
    expect(auditOf("activity", id).at(-1)).toMatchObject({
      action: "update",
      userId: officer.id,
      changes: { occurredOn: ["2026-06-19", "2026-06-18"], summary: ["拜访 2026-06-19", "与总经理面谈，确认扩产意向"] },
    });
    // the page read version 1: a second save of it is stale
    expect(
      (
        await post(
          officer,
          `/projects/${projectId}/activities/${id}`,
          { ...correction(id, {}), version: "1" },
          { id: String(projectId), activityId: String(id) },
          correctActivityAction,
        )
      ).status,
    ).toBe(409);
  });

  it("refuses anyone but its author, even one who may edit the project", async () => {
    const id = addActivity({ actor: officer, projectId, data: activity("2026-06-19") });
    expect(timelineOf(colleague, projectId).find((row) => row.id === id)?.canCorrect).toBe(false);
    expect((await postCorrection(colleague, id, {})).status).toBe(403);
    expect((await postCorrection(leader, id, {})).status).toBe(403);
    expect(thrown(() => correctActivity({ actor: leader, projectId, activityId: id, data: { ...activity("2026-06-18"), version: 1 } }))).toBeInstanceOf(
      ForbiddenError,
    );
    expect(activitiesOf(projectId).find((row) => row.id === id)).toMatchObject({ occurredOn: "2026-06-19", version: 1 });
  });

  it("refuses after 7 days, and allows up to then", async () => {
    const day = 24 * 3_600_000;
    const old = addActivity({ actor: officer, projectId, data: activity("2026-06-01") });
    const recent = addActivity({ actor: officer, projectId, data: activity("2026-06-02") });
    db()
      .update(t.activities)
      .set({ createdAt: Date.now() - 7 * day - 60_000 })
      .where(eq(t.activities.id, old))
      .run();
    db()
      .update(t.activities)
      .set({ createdAt: Date.now() - 7 * day + 60_000 })
      .where(eq(t.activities.id, recent))
      .run();
    const refused = await postCorrection(officer, old, {});
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ formError: "活动记录添加已超过7天，不能再更正" });
    expect(timelineOf(officer, projectId).find((row) => row.id === old)?.canCorrect).toBe(false);
    expect((await postCorrection(officer, recent, {})).status).toBe(302);
  });
});

describe("移除 and 删除 ask on a page of their own", () => {
  it("describes the member to remove, removes nothing until posted, then goes back to the members", async () => {
    const id = makeProject(officer, { companyId });
    addProjectMember({ actor: officer, projectId: id, userId: colleague.id });
    const params = { id: String(id) };
    const page = await answer(async () =>
      membersLoader(routeArgs(await getAs(officer, `/projects/${id}/members?intent=remove&userId=${colleague.id}`), params)),
    );
    const { confirmation } = (await page.json()) as { confirmation: { question: string; fields: Record<string, string>; action: string } };
    expect(confirmation).toMatchObject({
      question: `确定将「${colleague.username}」移出项目成员？`,
      action: `/projects/${id}/members`,
      fields: { intent: "remove", userId: String(colleague.id) },
    });
    expect(getProject(officer, id).members.map((member) => member.id)).toEqual([colleague.id]);
    const removed = await post(officer, confirmation.action, confirmation.fields, params, membersAction);
    expect(removed.headers.get("Location")).toBe(`/projects/${id}#members`);
    expect(getProject(officer, id).members).toEqual([]);
  });

  it("asks a leader before 删除, and deletes on the posted version", async () => {
    const id = makeProject(officer, { companyId });
    const params = { id: String(id) };
    const asked = (await (await answer(async () => deleteLoader(routeArgs(await getAs(leader, `/projects/${id}/delete`), params)))).json()) as {
      confirmation: { fields: Record<string, string> } | null;
    };
    expect(asked.confirmation?.fields).toEqual({ version: String(projectRow(id).version) });
    const officerPage = (await (await answer(async () => deleteLoader(routeArgs(await getAs(officer, `/projects/${id}/delete`), params)))).json()) as {
      confirmation: unknown;
    };
    expect(officerPage.confirmation).toBeNull();
    expect(projectRow(id).deletedAt).toBeNull();
    expect((await post(officer, `/projects/${id}/delete`, asked.confirmation!.fields, params, deleteAction)).status).toBe(403);
    const deleted = await post(leader, `/projects/${id}/delete`, asked.confirmation!.fields, params, deleteAction);
    expect(deleted.headers.get("Location")).toBe("/projects");
    expect(projectRow(id).deletedAt).not.toBeNull();
  });
});

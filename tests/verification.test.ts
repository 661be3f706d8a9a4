/**
 * 甄别 (DESIGN.md §2): 甄别通过 or 退回 with a reason; a returned signing counts nowhere, shows on its
 * owner's 工作台, and can be verified later. Both are in 操作日志.
 */
import { describe, expect, it } from "vitest";
import { getIndicators } from "../app/figures/figures.server";
import { ForbiddenError } from "../app/lib/errors";
import { monthPeriod } from "../app/lib/dates";
import { listOperations } from "../app/operations/operation-log.server";
import { getProject, getWorkbench, moveProjectToStage, returnSigning, verifySigning } from "../app/projects/projects.server";
import { verificationSchema } from "../app/projects/verification.schema";
import { makeCompany, makeProject, makeUnit, makeUser, projectRow } from "./support/builders";

describe("甄别", () => {
  it("退回 needs a reason, keeps the signing out of every figure, and shows on the owner's 工作台 until verified", () => {
    const unit = makeUnit();
    const officer = makeUser("officer", unit);
    const leader = makeUser("leader", unit);
    const admin = makeUser("admin", unit);
    const id = makeProject(officer, { companyId: makeCompany(officer), leadOn: "2026-01-05" });
    moveProjectToStage({ actor: officer, projectId: id, toStage: "signed", occurredOn: "2026-06-10", note: null, version: projectRow(id).version });
    const june = monthPeriod("2026-06");
    const before = getIndicators(june).signed_projects;

    expect(verificationSchema.safeParse({ intent: "return", version: "1", reason: "  \u200b " }).error?.issues[0]?.message).toBe("请填写退回原因");
    expect(() => returnSigning({ actor: officer, projectId: id, version: projectRow(id).version, reason: "缺材料" })).toThrow(ForbiddenError);
    returnSigning({ actor: leader, projectId: id, version: projectRow(id).version, reason: "缺少签约协议扫描件" });

    expect(getProject(officer, id)).toMatchObject({ signingReturnReason: "缺少签约协议扫描件", signingVerifiedAt: null, returnedByName: leader.username });
    expect(getIndicators(june).signed_projects).toBe(before);
    expect(getWorkbench(officer).returnedSignings.map((row) => row.id)).toEqual([id]);
    expect(getWorkbench(leader).pendingVerification.map((row) => row.id)).toContain(id);

    verifySigning({ actor: leader, projectId: id, version: projectRow(id).version });
    expect(getProject(officer, id)).toMatchObject({ signingReturnReason: null, signingReturnedAt: null, verifiedByName: leader.username });
    expect(getIndicators(june).signed_projects).toBe(before + 1);
    expect(getWorkbench(officer).returnedSignings).toHaveLength(0);
    expect(() => returnSigning({ actor: leader, projectId: id, version: projectRow(id).version, reason: "晚了" })).toThrow(/已甄别通过/);

    const entries = listOperations(admin, { kind: "verify", userId: leader.id }, 1).rows.map((row) => row.summary);
    expect(entries).toEqual([expect.stringMatching(/^甄别通过：/), expect.stringMatching(/^甄别退回：.*缺少签约协议扫描件/)]);
  });
});

import { describe, it, expect } from "vitest";
import {
  checkStageChange,
  countedStage,
  leadDateProblem,
  signingState,
  statusChangeProblems,
  type StatusChangeRequest,
  type StageChangeRequest,
} from "./stages";

function request(overrides: Partial<StageChangeRequest>): StageChangeRequest {
  return {
    from: "lead",
    to: "contacted",
    occurredOn: "2026-03-10",
    note: null,
    signedOn: null,
    enteredOn: "2026-01-15",
    today: "2026-06-30",
    ...overrides,
  };
}

describe("checkStageChange: refusals", () => {
  it("refuses the same stage on 目标阶段", () => {
    const outcome = checkStageChange(request({ from: "negotiating", to: "negotiating" }));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.field).toBe("toStage");
      expect(outcome.message).toBeTruthy();
    }
  });

  it("refuses a date after today on 发生日期", () => {
    const outcome = checkStageChange(request({ occurredOn: "2026-07-01" }));
    expect(outcome).toMatchObject({ ok: false, field: "occurredOn" });
  });

  it("accepts today itself", () => {
    expect(checkStageChange(request({ occurredOn: "2026-06-30" })).ok).toBe(true);
  });

  it("refuses a date before the lead was entered, naming that date", () => {
    const outcome = checkStageChange(request({ occurredOn: "2026-01-14" }));
    expect(outcome).toMatchObject({ ok: false, field: "occurredOn" });
    if (!outcome.ok) expect(outcome.message).toContain("2026-01-15");
  });

  it("accepts the lead date itself (back-dated changes are allowed)", () => {
    expect(checkStageChange(request({ occurredOn: "2026-01-15" })).ok).toBe(true);
  });

  it("refuses a date before the previous transition's, naming that date; the same day is allowed", () => {
    const outcome = checkStageChange(request({ from: "contacted", to: "negotiating", occurredOn: "2026-03-09", lastChangedOn: "2026-03-10" }));
    expect(outcome).toMatchObject({ ok: false, field: "occurredOn" });
    if (!outcome.ok) expect(outcome.message).toBe("发生日期不能早于上一次阶段变更的发生日期（2026-03-10）");
    expect(checkStageChange(request({ from: "contacted", to: "negotiating", occurredOn: "2026-03-10", lastChangedOn: "2026-03-10" })).ok).toBe(true);
    // going back is a transition too: its date is no earlier than the one before
    expect(
      checkStageChange(request({ from: "negotiating", to: "contacted", note: "重新接洽", occurredOn: "2026-03-01", lastChangedOn: "2026-03-10" })),
    ).toMatchObject({
      ok: false,
      field: "occurredOn",
    });
  });

  it("refuses going backwards without a note, on 说明", () => {
    expect(checkStageChange(request({ from: "negotiating", to: "contacted", note: null }))).toMatchObject({
      ok: false,
      field: "note",
    });
    expect(checkStageChange(request({ from: "negotiating", to: "contacted", note: "   " }))).toMatchObject({
      ok: false,
      field: "note",
    });
  });
});

describe("checkStageChange: allowed moves", () => {
  it("allows going backwards with a note, without skipped stages or a signing date", () => {
    const outcome = checkStageChange(request({ from: "registered", to: "negotiating", note: "外方董事会否决，重新洽谈", signedOn: "2026-03-01" }));
    expect(outcome).toEqual({ ok: true, direction: "backward", skipped: [], setsSignedOn: null });
  });

  it("allows a forward skip 洽谈 → 注册, reporting 签约 as skipped and setting the signing date", () => {
    const outcome = checkStageChange(request({ from: "negotiating", to: "registered", occurredOn: "2026-05-20" }));
    expect(outcome).toEqual({ ok: true, direction: "forward", skipped: ["signed"], setsSignedOn: "2026-05-20" });
  });

  it("reports every skipped stage on a long jump", () => {
    const outcome = checkStageChange(request({ from: "lead", to: "construction", occurredOn: "2026-04-01" }));
    expect(outcome).toMatchObject({
      ok: true,
      skipped: ["contacted", "negotiating", "signed", "registered"],
      setsSignedOn: "2026-04-01",
    });
  });

  it("sets the signing date when reaching 签约 for the first time", () => {
    const outcome = checkStageChange(request({ from: "negotiating", to: "signed", occurredOn: "2026-04-02" }));
    expect(outcome).toEqual({ ok: true, direction: "forward", skipped: [], setsSignedOn: "2026-04-02" });
  });

  it("does not set the signing date again on a second pass through 签约", () => {
    const outcome = checkStageChange(request({ from: "negotiating", to: "signed", occurredOn: "2026-06-01", signedOn: "2026-03-01" }));
    expect(outcome).toMatchObject({ ok: true, direction: "forward", setsSignedOn: null });
  });

  it("does not set the signing date when moving on after 签约", () => {
    const outcome = checkStageChange(request({ from: "signed", to: "registered", occurredOn: "2026-06-01", signedOn: "2026-03-01" }));
    expect(outcome).toEqual({ ok: true, direction: "forward", skipped: [], setsSignedOn: null });
  });

  it("does not set the signing date below 签约 (线索 → 接洽)", () => {
    expect(checkStageChange(request({ from: "lead", to: "contacted" }))).toEqual({
      ok: true,
      direction: "forward",
      skipped: [],
      setsSignedOn: null,
    });
    expect(checkStageChange(request({ from: "lead", to: "negotiating" }))).toMatchObject({
      ok: true,
      skipped: ["contacted"],
      setsSignedOn: null,
    });
  });

  it("needs no note to go forward", () => {
    expect(checkStageChange(request({ from: "contacted", to: "negotiating", note: null })).ok).toBe(true);
  });
});

describe("leadDateProblem", () => {
  it("allows any date up to today while the project has not moved", () => {
    expect(leadDateProblem({ enteredOn: "2025-12-01", transitions: 0, today: "2026-06-30" })).toBeNull();
    expect(leadDateProblem({ enteredOn: "2026-06-30", transitions: 0, today: "2026-06-30" })).toBeNull();
    expect(leadDateProblem({ enteredOn: "2026-07-01", transitions: 0, today: "2026-06-30" })).toBe("线索日期不能晚于今天");
  });

  it("refuses once the first transition is logged", () => {
    expect(leadDateProblem({ enteredOn: "2025-12-01", transitions: 1, today: "2026-06-30" })).toBe("项目已有阶段变更，线索日期不能再修改");
  });
});

describe("statusChangeProblems", () => {
  const request = (change: Pick<StatusChangeRequest, "to" | "reason" | "lostTo"> & Partial<StatusChangeRequest>): StatusChangeRequest => ({
    from: change.to === "active" ? "on_hold" : "active",
    occurredOn: "2026-06-01",
    enteredOn: "2026-01-01",
    lastChangedOn: null,
    today: "2026-06-30",
    ...change,
  });
  it("needs a reason and 流失去向 for 流失", () => {
    const problems = statusChangeProblems(request({ to: "lost", reason: null, lostTo: null }));
    expect(Object.keys(problems).sort()).toEqual(["lostTo", "reason"]);
    expect(Object.keys(statusChangeProblems(request({ to: "lost", reason: "  ", lostTo: "  " }))).sort()).toEqual(["lostTo", "reason"]);
    expect(statusChangeProblems(request({ to: "lost", reason: "土地指标不足", lostTo: null }))).toHaveProperty("lostTo");
    expect(statusChangeProblems(request({ to: "lost", reason: null, lostTo: "昆山" }))).toHaveProperty("reason");
    expect(statusChangeProblems(request({ to: "lost", reason: "土地指标不足", lostTo: "昆山" }))).toEqual({});
  });

  it("needs a reason for 放弃, but no 流失去向", () => {
    expect(Object.keys(statusChangeProblems(request({ to: "abandoned", reason: null, lostTo: null })))).toEqual(["reason"]);
    expect(statusChangeProblems(request({ to: "abandoned", reason: "企业战略调整", lostTo: null }))).toEqual({});
  });

  it("needs nothing for 暂缓, 休眠 or 进行中", () => {
    expect(statusChangeProblems(request({ to: "on_hold", reason: null, lostTo: null }))).toEqual({});
    expect(statusChangeProblems(request({ to: "dormant", reason: null, lostTo: null }))).toEqual({});
    expect(statusChangeProblems(request({ to: "active", reason: null, lostTo: null }))).toEqual({});
  });

  it("keeps the status log chronological, not before the lead nor after today", () => {
    expect(statusChangeProblems(request({ to: "on_hold", reason: null, lostTo: null, occurredOn: "2026-07-01" }))).toEqual({
      occurredOn: "发生日期不能晚于今天",
    });
    expect(statusChangeProblems(request({ to: "on_hold", reason: null, lostTo: null, occurredOn: "2025-12-31" }))).toEqual({
      occurredOn: "发生日期不能早于线索登记日期（2026-01-01）",
    });
    expect(statusChangeProblems(request({ to: "on_hold", reason: null, lostTo: null, lastChangedOn: "2026-06-02" }))).toEqual({
      occurredOn: "发生日期不能早于上一次状态变更的发生日期（2026-06-02）",
    });
    expect(statusChangeProblems(request({ to: "on_hold", reason: null, lostTo: null, lastChangedOn: "2026-06-01" }))).toEqual({});
    expect(statusChangeProblems(request({ to: "on_hold", reason: null, lostTo: null, from: "on_hold" }))).toEqual({ status: "项目已是该状态" });
  });
});

describe("signingState", () => {
  it("is none before any signing", () => {
    expect(signingState({ signedOn: null, signingVerifiedAt: null })).toBe("none");
  });

  it("is pending (待甄别) until a leader verifies", () => {
    expect(signingState({ signedOn: "2026-03-01", signingVerifiedAt: null })).toBe("pending");
  });

  it("is verified once verified", () => {
    expect(signingState({ signedOn: "2026-03-01", signingVerifiedAt: Date.UTC(2026, 2, 5) })).toBe("verified");
  });
});

describe("countedStage", () => {
  it("counts unverified 签约 and later stages as 洽谈", () => {
    expect(countedStage("signed", false)).toBe("negotiating");
    expect(countedStage("registered", false)).toBe("negotiating");
    expect(countedStage("production", false)).toBe("negotiating");
  });

  it("counts verified stages as themselves", () => {
    expect(countedStage("signed", true)).toBe("signed");
    expect(countedStage("registered", true)).toBe("registered");
    expect(countedStage("production", true)).toBe("production");
  });

  it("leaves stages before 签约 alone", () => {
    expect(countedStage("contacted", false)).toBe("contacted");
    expect(countedStage("contacted", true)).toBe("contacted");
    expect(countedStage("negotiating", false)).toBe("negotiating");
    expect(countedStage("lead", false)).toBe("lead");
  });
});

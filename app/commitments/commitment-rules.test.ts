import { describe, expect, it } from "vitest";
import {
  canTakeStep,
  clauseLabel,
  COMMITMENT_STATUSES,
  daysUntilDue,
  dueNote,
  dueWindowEnd,
  isInDueWindow,
  isOverdue,
  isPaidInFull,
  isPolicyExpired,
  mayTakeStep,
  outstandingOf,
  payoutProblem,
  type CommitmentStatus,
  type DueRow,
} from "./commitment-rules";

const row = (fields: Partial<DueRow> = {}): DueRow => ({ status: "committed", dueOn: "2026-06-30", amountCny: 1_000_000, paidCny: 0, ...fields });

describe("the flow", () => {
  it("commits only 拟承诺, marks conditions only on 已承诺, cancels any open commitment, pays 已承诺/条件已达成", () => {
    const allowed = (step: Parameters<typeof canTakeStep>[1]) => COMMITMENT_STATUSES.filter((status) => canTakeStep(status, step));
    expect(allowed("commit")).toEqual(["proposed"]);
    expect(allowed("meetConditions")).toEqual(["committed"]);
    expect(allowed("cancel")).toEqual(["proposed", "committed", "conditions_met"]);
    expect(allowed("pay")).toEqual(["committed", "conditions_met"]);
  });

  it("lets leaders, staff and admins commit and pay, never officers", () => {
    const roles = ["officer", "leader", "staff", "admin"] as const;
    expect(roles.filter((role) => mayTakeStep({ role }, "proposed", "commit"))).toEqual(["leader", "staff", "admin"]);
    expect(roles.filter((role) => mayTakeStep({ role }, "committed", "pay"))).toEqual(["leader", "staff", "admin"]);
    expect(roles.filter((role) => mayTakeStep({ role }, "fulfilled", "cancel"))).toEqual([]);
  });
});

describe("money", () => {
  it("computes what is left and refuses a payout beyond it, naming the rest in 万元", () => {
    expect(outstandingOf({ amountCny: 1_500_000, paidCny: 900_000 })).toBe(600_000);
    expect(payoutProblem({ amountCny: 1_500_000, paidCny: 900_000 }, 600_000)).toBeNull();
    expect(payoutProblem({ amountCny: 1_500_000, paidCny: 900_000 }, 600_100)).toBe("超出未兑现金额（剩余 60.00 万元）");
    expect(payoutProblem({ amountCny: 1_500_000, paidCny: 1_500_000 }, 100)).toBe("超出未兑现金额（剩余 0.00 万元）");
    expect(payoutProblem({ amountCny: 1_500_000, paidCny: 0 }, 0)).toBe("兑现金额应大于0");
    expect(isPaidInFull({ amountCny: 1_500_000, paidCny: 1_499_900 })).toBe(false);
    expect(isPaidInFull({ amountCny: 1_500_000, paidCny: 1_500_000 })).toBe(true);
  });
});

describe("overdue and due windows", () => {
  it("counts days across month and year ends", () => {
    expect(daysUntilDue({ dueOn: "2025-12-31" }, "2026-01-01")).toBe(-1);
    expect(daysUntilDue({ dueOn: "2026-02-28" }, "2026-03-01")).toBe(-1);
    expect(daysUntilDue({ dueOn: "2024-02-29" }, "2024-03-01")).toBe(-1);
    expect(daysUntilDue({ dueOn: "2026-03-01" }, "2026-02-28")).toBe(1);
    expect(daysUntilDue({ dueOn: "2027-01-01" }, "2026-12-31")).toBe(1);
    expect(daysUntilDue({ dueOn: "2026-06-30" }, "2026-06-30")).toBe(0);
  });

  it("is overdue the day after the agreed date, not on it", () => {
    expect(isOverdue(row({ dueOn: "2025-12-31" }), "2026-01-01")).toBe(true);
    expect(isOverdue(row({ dueOn: "2026-02-28" }), "2026-03-01")).toBe(true);
    expect(isOverdue(row({ dueOn: "2025-12-31" }), "2025-12-31")).toBe(false);
    expect(isOverdue(row({ dueOn: "2026-01-01" }), "2025-12-31")).toBe(false);
  });

  it("is overdue only while owed: 已承诺 or 条件已达成, not paid in full", () => {
    const past = { dueOn: "2026-01-15" };
    const statuses = COMMITMENT_STATUSES.filter((status: CommitmentStatus) => isOverdue(row({ ...past, status }), "2026-06-30"));
    expect(statuses).toEqual(["committed", "conditions_met"]);
    expect(isOverdue(row({ ...past, paidCny: 400_000 }), "2026-06-30")).toBe(true);
    expect(isOverdue(row({ ...past, paidCny: 1_000_000 }), "2026-06-30")).toBe(false);
  });

  it("puts owed commitments due from today to 30/90 days ahead in the windows, ends included", () => {
    const today = "2025-12-15";
    expect(dueWindowEnd("due30", today)).toBe("2026-01-14");
    expect(dueWindowEnd("due90", "2026-01-01")).toBe("2026-04-01");
    expect(isInDueWindow(row({ dueOn: "2025-12-15" }), "due30", today)).toBe(true);
    expect(isInDueWindow(row({ dueOn: "2026-01-14" }), "due30", today)).toBe(true);
    expect(isInDueWindow(row({ dueOn: "2026-01-15" }), "due30", today)).toBe(false);
    expect(isInDueWindow(row({ dueOn: "2026-01-15" }), "due90", today)).toBe(true);
    expect(isInDueWindow(row({ dueOn: "2025-12-14" }), "due30", today)).toBe(false);
    expect(isInDueWindow(row({ dueOn: "2025-12-14" }), "overdue", today)).toBe(true);
    expect(isInDueWindow(row({ dueOn: "2025-12-20", status: "proposed" }), "due30", today)).toBe(false);
    expect(isInDueWindow(row({ dueOn: "2025-12-20", status: "fulfilled" }), "due30", today)).toBe(false);
  });

  it("says how far the date is", () => {
    expect(dueNote(row({ dueOn: "2025-12-29" }), "2026-01-01")).toBe("逾期 3 天");
    expect(dueNote(row({ dueOn: "2026-01-01" }), "2026-01-01")).toBe("今天到期");
    expect(dueNote(row({ dueOn: "2026-03-01" }), "2026-02-27")).toBe("还有 2 天");
    expect(dueNote(row({ dueOn: "2026-03-01", status: "fulfilled" }), "2026-02-27")).toBeNull();
  });
});

describe("policies", () => {
  it("is 失效 after its end date and from the day it is repealed", () => {
    expect(isPolicyExpired({ effectiveTo: null, repealedOn: null }, "2026-06-30")).toBe(false);
    expect(isPolicyExpired({ effectiveTo: "2026-06-30", repealedOn: null }, "2026-06-30")).toBe(false);
    expect(isPolicyExpired({ effectiveTo: "2026-06-29", repealedOn: null }, "2026-06-30")).toBe(true);
    expect(isPolicyExpired({ effectiveTo: "2025-12-31", repealedOn: null }, "2026-01-01")).toBe(true);
    expect(isPolicyExpired({ effectiveTo: null, repealedOn: "2026-06-30" }, "2026-06-30")).toBe(true);
    expect(isPolicyExpired({ effectiveTo: null, repealedOn: "2026-07-01" }, "2026-06-30")).toBe(false);
  });

  it("labels a clause 《标题》第X条（奖励类型）", () => {
    expect(clauseLabel({ policyTitle: "关于更大力度吸引和利用外资工作的若干措施", number: "第3条", incentiveType: "增资奖励" })).toBe(
      "《关于更大力度吸引和利用外资工作的若干措施》第3条（增资奖励）",
    );
    expect(clauseLabel({ policyTitle: "示例政策", number: "第1条", incentiveType: null })).toBe("《示例政策》第1条");
  });
});

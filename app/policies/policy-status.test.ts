import { describe, expect, it } from "vitest";
import { clauseState, isPolicyExpired } from "./policy-status";

const today = "2026-06-30";
const ending = (effectiveTo: string | null, repealedOn: string | null = null) => ({ effectiveTo, repealedOn });

describe("policy status", () => {
  it("is 失效 the day after its end date, not on it", () => {
    expect(isPolicyExpired(ending("2026-06-30"), today)).toBe(false);
    expect(isPolicyExpired(ending("2026-06-29"), today)).toBe(true);
    expect(isPolicyExpired(ending(null), today)).toBe(false);
  });

  it("is 失效 from the day it is repealed", () => {
    expect(isPolicyExpired(ending("2030-12-31", "2026-06-30"), today)).toBe(true);
    expect(isPolicyExpired(ending("2030-12-31", "2026-07-01"), today)).toBe(false);
  });

  it("warns for 90 days before the end: today+90 is 即将失效, today+91 is 有效", () => {
    expect(clauseState(ending("2026-06-30"), today)).toBe("expiring");
    expect(clauseState(ending("2026-09-28"), today)).toBe("expiring"); // today + 90
    expect(clauseState(ending("2026-09-29"), today)).toBe("valid"); // today + 91
    expect(clauseState(ending("2026-06-01"), today)).toBe("expired");
    expect(clauseState(ending(null), today)).toBe("valid");
  });
});

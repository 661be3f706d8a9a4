/**
 * The helpers both seeds share (seeds/shared/): the seeded generator, the USCC generator, the
 * contact details and the reference maps.
 */
import { describe, expect, it } from "vitest";
import { isValidUscc } from "../app/companies/uscc";
import { contactEmail, contactPhone } from "../seeds/shared/contacts";
import { instantOn, wan } from "../seeds/shared/convert";
import { Random, Weighted } from "../seeds/shared/random";
import { abroadPlace, closingActivity, firstActivityType } from "../seeds/shared/reference-maps";
import { PINGHU_USCC_PREFIX, pinghuUscc } from "../seeds/shared/uscc";

const draws = (rng: Random, n: number) => Array.from({ length: n }, () => rng.next());

describe("Random", () => {
  it("gives the same sequence for the same seed and another one for another seed", () => {
    const sequence = draws(new Random(42), 50);
    expect(draws(new Random(42), 50)).toEqual(sequence);
    expect(draws(new Random(43), 50)).not.toEqual(sequence);
    expect(new Set(sequence).size).toBe(50);
    for (const x of sequence) expect(x >= 0 && x < 1).toBe(true);
  });

  it("keeps the demo's sequence: the demo's dates and figures are drawn from it", () => {
    // mulberry32 from the demo's seed; another algorithm would change the demo data the e2e tests read
    expect(draws(new Random(0x5eed_2023), 3)).toEqual([0.6441230403725058, 0.5758994522038847, 0.0016429321840405464]);
  });

  it("draws each stream of a seed on its own, the same way every time", () => {
    const users = draws(Random.stream(1, 1), 20);
    expect(draws(Random.stream(1, 1), 20)).toEqual(users);
    expect(draws(Random.stream(1, 2), 20)).not.toEqual(users);
    expect(draws(Random.stream(2, 1), 20)).not.toEqual(users);
  });

  it("draws integers within both bounds, reaching each of them", () => {
    const rng = new Random(7);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const n = rng.int(3, 6);
      expect(n >= 3 && n <= 6, String(n)).toBe(true);
      seen.add(n);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it("picks by weight, never an item weighing nothing", () => {
    const rng = new Random(11);
    const weighted = Weighted.of<string>([
      ["a", 3],
      ["never", 0],
      ["b", 1],
    ]);
    const counts = new Map<string, number>();
    for (let i = 0; i < 4000; i++) {
      const item = weighted.pick(rng);
      counts.set(item, (counts.get(item) ?? 0) + 1);
    }
    expect(counts.has("never")).toBe(false);
    expect(counts.get("a")!).toBeGreaterThan(2 * counts.get("b")!);
  });
});

describe("pinghuUscc", () => {
  it("makes valid, distinct codes registered in 平湖", () => {
    const rng = new Random(5);
    const taken = new Set<string>();
    const codes = Array.from({ length: 300 }, () => pinghuUscc(rng, taken));
    for (const code of codes) {
      expect(code).toHaveLength(18);
      expect(code.startsWith(PINGHU_USCC_PREFIX), code).toBe(true);
      expect(isValidUscc(code), code).toBe(true);
    }
    expect(new Set(codes).size).toBe(codes.length);
    expect(taken).toEqual(new Set(codes));
  });

  it("passes over a code already taken", () => {
    const first = pinghuUscc(new Random(9), new Set());
    const taken = new Set([first]);
    const next = pinghuUscc(new Random(9), taken);
    expect(next).not.toBe(first);
    expect(isValidUscc(next)).toBe(true);
    expect(taken).toEqual(new Set([first, next]));
  });
});

describe("contact details", () => {
  it("writes mail addresses under .example, from Latin names only", () => {
    expect(contactEmail("Sabine Krüger", "bergquell-mt", 0)).toBe("s.kruger@bergquell-mt.example");
    expect(contactEmail("Pieter de Vries", "zeevlam", 0)).toBe("p.vries@zeevlam.example");
    expect(contactEmail("Anna Weiß", "x", 0)).toBe("a.weiss@x.example");
    expect(contactEmail("佐藤健一", "rinwa-seiki", 1)).toBe("contact2@rinwa-seiki.example");
  });

  it("writes phone numbers nobody has: the country's prefix and a subscriber number starting with 0", () => {
    const rng = new Random(3);
    expect(contactPhone(rng, "JP")).toMatch(/^\+81-6-0\d{3}-\d{4}$/);
    expect(contactPhone(rng, "US")).toMatch(/^\+1-617-555-01\d{2}$/);
    expect(contactPhone(rng, "VG")).toMatch(/^\+86-573-0\d{3}-\d{4}$/);
  });
});

describe("reference maps", () => {
  it("starts a lead with the activity its channel brings, a call when the channel is unknown", () => {
    expect(firstActivityType("外出招商")).toBe("outbound_trip");
    expect(firstActivityType("企业自荐")).toBe("inbound_visit");
    expect(firstActivityType("某个新来源")).toBe("call");
  });

  it("names the place of a trip abroad by region and city, once for Hong Kong", () => {
    expect(abroadPlace("JP", "大阪")).toBe("日本大阪");
    expect(abroadPlace("HK", "香港")).toBe("中国香港");
    expect(abroadPlace("SG", null)).toBe("新加坡");
  });

  it("closes a stopped project with its reason, and an active one not at all", () => {
    expect(closingActivity("active", null, null)).toBeNull();
    expect(closingActivity("on_hold", "等待总部预算", null)?.summary).toBe("企业表示项目暂缓：等待总部预算。");
    expect(closingActivity("on_hold", null, null)?.summary).toBe("企业表示项目暂缓。");
    expect(closingActivity("lost", "土地价格", "江苏太仓")?.summary).toContain("落户江苏太仓");
    expect(closingActivity("abandoned", "不符合准入要求", null)?.nextStep).toBeNull();
  });

  it("converts business dates in Asia/Shanghai and amounts in 万", () => {
    expect(new Date(instantOn("2026-06-15", 9, 30)).toISOString()).toBe("2026-06-15T01:30:00.000Z");
    expect(new Date(instantOn("2026-01-01", 0)).toISOString()).toBe("2025-12-31T16:00:00.000Z");
    expect(wan(1234.4)).toBe(12_340_000);
  });
});

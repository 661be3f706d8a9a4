import { describe, it, expect } from "vitest";
import { isValidUscc, normalizeUscc, usccCheckCharacter, usccProblem, usccProblemMessages } from "./uscc";

/**
 * Real, published USCCs (each also re-checked against GB 32100-2015 by an independent
 * implementation outside this file before being added here).
 */
const PUBLISHED = [
  ["华为技术有限公司", "914403001922038216"],
  ["腾讯科技（深圳）有限公司", "91440300708461136T"],
  ["阿里巴巴（中国）网络技术有限公司", "91330100716105852F"],
  ["小米科技有限责任公司", "91110108551385082Q"],
  ["北京百度网讯科技有限公司", "91110000802100433B"],
] as const;

const HUAWEI = "914403001922038216";

/** The code set in order, to pick a different valid check character. */
const CODE_SET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

function withLast(code: string, last: string): string {
  return code.slice(0, 17) + last;
}

describe("usccProblem / isValidUscc: published codes", () => {
  for (const [name, code] of PUBLISHED) {
    it(`accepts ${name} ${code}`, () => {
      expect(usccProblem(code)).toBeNull();
      expect(isValidUscc(code)).toBe(true);
    });
  }

  it("usccCheckCharacter of the first 17 characters reproduces the 18th", () => {
    for (const [, code] of PUBLISHED) {
      expect(usccCheckCharacter(code.slice(0, 17))).toBe(code[17]);
    }
  });

  it("handles check characters that are letters (T, F, Q, B) as well as digits", () => {
    expect(usccCheckCharacter("91440300708461136")).toBe("T");
    expect(usccCheckCharacter("91110000802100433")).toBe("B");
    expect(usccCheckCharacter("91440300192203821")).toBe("6");
  });
});

describe("usccProblem: what is wrong", () => {
  it("reports 'check' for every other check character on a valid code", () => {
    for (const [, code] of PUBLISHED) {
      for (const c of CODE_SET) {
        if (c === code[17]) continue;
        expect(usccProblem(withLast(code, c))).toBe("check");
      }
    }
  });

  it("reports 'check' when a body character is changed (transcription error)", () => {
    // 9144030019220382 1 6 → change the 17th character
    expect(usccProblem("914403001922038226")).toBe("check");
    // swap two adjacent digits
    expect(usccProblem("914403001922038126")).toBe("check");
  });

  it("reports 'length' for 17 and 19 characters and for empty input", () => {
    expect(usccProblem(HUAWEI.slice(0, 17))).toBe("length");
    expect(usccProblem(HUAWEI + "0")).toBe("length");
    expect(usccProblem("")).toBe("length");
  });

  it("reports 'characters' for I, O, S, V, Z anywhere (even in the check position)", () => {
    for (const bad of ["I", "O", "S", "V", "Z"]) {
      expect(usccProblem(withLast(HUAWEI, bad))).toBe("characters");
      expect(usccProblem(bad + HUAWEI.slice(1))).toBe("characters");
      expect(usccProblem(HUAWEI.slice(0, 10) + bad + HUAWEI.slice(11))).toBe("characters");
    }
  });

  it("reports 'characters' for lowercase and punctuation when not normalized", () => {
    expect(usccProblem("91440300708461136t")).toBe("characters");
    expect(usccProblem("9144030019220382-6")).toBe("characters");
  });

  it("reports 'division' for letters in positions 3–8 (the administrative division code)", () => {
    // position 3 (index 2)
    expect(usccProblem("91A403001922038216")).toBe("division");
    // position 8 (index 7)
    expect(usccProblem("9144030A1922038216")).toBe("division");
  });

  it("does not require digits outside positions 3–8 (letters allowed in the organisation code)", () => {
    // a letter at position 9 is fine for the division check; only the check character decides
    const first17 = "91440300MA5F00001";
    const code = first17 + usccCheckCharacter(first17);
    expect(usccProblem(code)).toBeNull();
    expect(usccProblem(withLast(code, code[17] === "0" ? "1" : "0"))).toBe("check");
  });

  it("has a Chinese message for every problem", () => {
    for (const problem of ["length", "characters", "division", "check"] as const) {
      expect(usccProblemMessages[problem]).toMatch(/统一社会信用代码/);
    }
  });
});

describe("normalizeUscc", () => {
  it("upper-cases lowercase input", () => {
    expect(normalizeUscc("91440300708461136t")).toBe("91440300708461136T");
    expect(isValidUscc("91440300708461136t")).toBe(true);
    expect(isValidUscc("91330100716105852f")).toBe(true);
  });

  it("folds full-width digits and letters to half-width", () => {
    expect(normalizeUscc("９１４４０３００１９２２０３８２１６")).toBe(HUAWEI);
    expect(isValidUscc("９１４４０３００１９２２０３８２１６")).toBe(true);
    expect(isValidUscc("９１４４０３００７０８４６１１３６Ｔ")).toBe(true);
  });

  it("removes spaces, including full-width spaces", () => {
    expect(normalizeUscc(" 9144 0300 1922 0382 16 ")).toBe(HUAWEI);
    expect(normalizeUscc("914403001922038216\u3000")).toBe(HUAWEI);
  });

  it("still rejects a wrong code after normalizing", () => {
    expect(isValidUscc("９１４４０３００１９２２０３８２１７")).toBe(false);
    expect(isValidUscc("91440300708461136u")).toBe(false);
  });
});

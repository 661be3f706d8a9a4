/**
 * 统一社会信用代码 (USCC) check per GB 32100-2015: 18 characters from the code set
 * 0-9 and A-Y without I, O, S, V, Z; the 18th is a check character over the first 17
 * with weights 3^i mod 31.
 */

/** the 31 characters a USCC may use */
export const USCC_CODE_SET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type UsccProblem = "length" | "characters" | "division" | "check";

export const usccProblemMessages: Record<UsccProblem, string> = {
  length: "统一社会信用代码应为18位",
  characters: "统一社会信用代码含有无效字符（不使用 I、O、S、V、Z）",
  division: "统一社会信用代码第3至8位应为行政区划代码（数字）",
  check: "统一社会信用代码校验位不正确，请核对",
};

export function normalizeUscc(input: string): string {
  return input.normalize("NFKC").replace(/\s+/g, "").toUpperCase();
}

export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CODE_SET.indexOf(first17[i]) * WEIGHTS[i];
  return USCC_CODE_SET[(31 - (sum % 31)) % 31];
}

/** null when valid, otherwise what is wrong. Expects a normalized code. */
export function usccProblem(code: string): UsccProblem | null {
  if (code.length !== 18) return "length";
  for (const char of code) if (!USCC_CODE_SET.includes(char)) return "characters";
  if (!/^\d{6}$/.test(code.slice(2, 8))) return "division";
  if (usccCheckCharacter(code.slice(0, 17)) !== code[17]) return "check";
  return null;
}

export function isValidUscc(code: string): boolean {
  return usccProblem(normalizeUscc(code)) === null;
}

/**
 * Fictional 统一社会信用代码 for the seeds' existing investors: random but valid, since the check
 * character comes from the app's own rule (app/companies/uscc.ts).
 */
import { USCC_CODE_SET, usccCheckCharacter } from "../../app/companies/uscc";
import type { Random } from "./random";

/** 91 = enterprise registered with market regulation; 330482 = 平湖市 */
export const PINGHU_USCC_PREFIX = "91330482";

/** A valid USCC registered in Pinghu that is not in `taken`; adds it to `taken`. */
export function pinghuUscc(rng: Random, taken: Set<string>): string {
  for (;;) {
    let first17 = PINGHU_USCC_PREFIX;
    while (first17.length < 17) first17 += USCC_CODE_SET[rng.int(0, USCC_CODE_SET.length - 1)];
    const code = first17 + usccCheckCharacter(first17);
    if (!taken.has(code)) {
      taken.add(code);
      return code;
    }
  }
}

/** Business dates to instants and 万 to units, as both seeds write them. */

/** Epoch ms of a business date at an hour of the day in Asia/Shanghai (UTC+8 all year). */
export function instantOn(date: string, hour: number, minute = 0): number {
  const [y, m, d] = date.split("-").map(Number);
  return Date.UTC(y, m - 1, d, hour - 8, minute);
}

/** An amount in 万 (ten thousands), rounded to whole 万, in units. */
export const wan = (amountWan: number) => Math.round(amountWan) * 10_000;

/**
 * 年度目标: staff and administrators keep each year's targets per indicator, county-wide or per
 * unit; the progress screen compares them with the figures (figures.server.ts).
 */
import { and, asc, eq, isNotNull, isNull } from "drizzle-orm";
import { assertCan, type Actor } from "../auth/permissions";
import { writeAudit } from "../audit/audit.server";
import { db, t } from "../db.server";
import { today, type Period } from "../lib/dates";
import { ConflictError, InvalidError } from "../lib/errors";
import { updateVersioned } from "../lib/versioned-update.server";
import { cachedFigures } from "./figure-cache.server";
import { getKpiCards, getKpiCardsByUnit, getRates, type FigureFilter, type KpiCard } from "./figures.server";
import { isBehindSchedule, TARGET_INDICATORS } from "./indicators";
import type { TargetsInput } from "./target.schema";

function targetRows(year: number, unitId: number | null) {
  return db()
    .select()
    .from(t.targets)
    .where(and(eq(t.targets.year, year), unitId === null ? isNull(t.targets.unitId) : eq(t.targets.unitId, unitId)))
    .all();
}

/** The stored targets of a year for the form: value and version per indicator. */
export function getTargetSheet(year: number, unitId: number | null) {
  const rows = new Map(targetRows(year, unitId).map((row) => [row.indicator, row]));
  return TARGET_INDICATORS.map((indicator) => ({ indicator, value: rows.get(indicator)?.value ?? null, version: rows.get(indicator)?.version ?? 0 }));
}

/**
 * Saves a year's targets in one transaction: a value sets or changes a target, an empty field
 * removes it. Each indicator carries the version it was loaded at; any change since is refused.
 */
export function saveTargets({ actor, data }: { actor: Actor; data: TargetsInput }): void {
  assertCan(actor, "manage:targets");
  if (data.unitId !== null && !db().select({ id: t.units.id }).from(t.units).where(eq(t.units.id, data.unitId)).get()) {
    throw new InvalidError({ unitId: "单位无效" });
  }
  db().transaction((tx) => {
    const stored = new Map(
      tx
        .select()
        .from(t.targets)
        .where(and(eq(t.targets.year, data.year), data.unitId === null ? isNull(t.targets.unitId) : eq(t.targets.unitId, data.unitId)))
        .all()
        .map((row) => [row.indicator, row]),
    );
    for (const indicator of TARGET_INDICATORS) {
      const row = stored.get(indicator);
      if ((row?.version ?? 0) !== data[`version_${indicator}`]) throw new ConflictError();
      const value = data[indicator];
      if (value === null) {
        if (!row) continue;
        tx.delete(t.targets).where(eq(t.targets.id, row.id)).run();
        writeAudit(tx, { entityType: "target", entityId: row.id, action: "delete", userId: actor.id, changes: { [indicator]: [row.value, null] } });
      } else if (!row) {
        const { id } = tx.insert(t.targets).values({ year: data.year, indicator, unitId: data.unitId, value }).returning({ id: t.targets.id }).get();
        writeAudit(tx, {
          entityType: "target",
          entityId: id,
          action: "create",
          userId: actor.id,
          changes: { [indicator]: [null, value], year: [null, data.year], unitId: [null, data.unitId] },
        });
      } else if (value !== row.value) {
        updateVersioned(tx, {
          table: t.targets,
          entityType: "target",
          id: row.id,
          version: row.version,
          values: { value },
          before: row,
          userId: actor.id,
          changes: { [indicator]: [row.value, value] },
        });
      }
    }
  });
}

/**
 * 目标进度 for a year: each indicator's target, actual from 1 January to today (or to 31 December
 * for a past year), 完成率, 时序进度 and 同比; plus the year's rates and every unit's targets.
 */
export function getTargetProgress(year: number, filter: FigureFilter = {}) {
  const period = progressPeriod(year, today());
  if (period.to < period.from) return { period, cards: [] as KpiCard[], rates: null, units: [] as UnitTargetProgress[] };
  return { period, cards: getKpiCards(period, filter), rates: getRates(period, filter), units: getUnitTargetProgress(period) };
}

export interface UnitTargetProgress {
  unitId: number;
  unitName: string;
  /** only the indicators this unit has a target for */
  cards: KpiCard[];
}

/**
 * 各单位目标进度: for each unit with a target in the year of `period` (1 January to the date shown),
 * each indicator it has a target for with 本年累计, 年度目标, 完成率 and 时序进度, from the same KPI
 * cards as the county's, narrowed to the unit's projects.
 */
export function getUnitTargetProgress(period: Period): UnitTargetProgress[] {
  return cachedFigures(`unit-targets:${period.from}:${period.to}`, () => {
    const units = unitsWithTargets(Number(period.to.slice(0, 4)));
    const cards = getKpiCardsByUnit(
      period,
      units.map((unit) => unit.id),
    );
    return units.map((unit) => ({
      unitId: unit.id,
      unitName: unit.name,
      cards: cards.get(unit.id)!.filter((card) => card.target !== null),
    }));
  });
}

/** The units that have at least one target in the year, in the units' order. */
function unitsWithTargets(year: number): { id: number; name: string }[] {
  return db()
    .selectDistinct({ id: t.units.id, name: t.units.name, sortOrder: t.units.sortOrder })
    .from(t.targets)
    .innerJoin(t.units, eq(t.units.id, t.targets.unitId))
    .where(and(eq(t.targets.year, year), isNotNull(t.targets.unitId)))
    .orderBy(asc(t.units.sortOrder), asc(t.units.id))
    .all();
}

/** 1 January to `day`, or to 31 December for a past year. */
function progressPeriod(year: number, day: string): Period {
  return { from: `${year}-01-01`, to: `${year}-12-31` < day ? `${year}-12-31` : day };
}

/**
 * 工作台: this year's county-wide targets whose 完成率 is below 时序进度 — the same cards the
 * 年度目标 screen marks 落后于时序 — and how many indicators have a target at all.
 */
export function listTargetsBehind(actor: Actor, day: string = today()): { period: Period; withTarget: number; behind: KpiCard[] } {
  assertCan(actor, "view:cockpit");
  const period = progressPeriod(Number(day.slice(0, 4)), day);
  const cards = getKpiCards(period);
  return { period, withTarget: cards.filter((card) => card.target !== null).length, behind: cards.filter(isBehindSchedule) };
}

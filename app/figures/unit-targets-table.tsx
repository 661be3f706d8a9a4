import { Link } from "@remix-run/react";
import type { KpiCard } from "./figures.server";
import { formatIndicatorValue, formatPercent, indicatorName, isBehindSchedule } from "./indicators";

interface UnitTargets {
  unitId: number;
  unitName: string;
  cards: KpiCard[];
}

/**
 * 各单位目标进度 (领导驾驶舱 and 年度目标): one row per unit and indicator it has a target for, with
 * 本年累计, 年度目标, 完成率 (flagged when behind 时序进度) and 时序进度. Each unit's name opens its
 * targets on the 年度目标 screen.
 */
export function UnitTargetsTable({ units, year, to }: { units: readonly UnitTargets[]; year: number; to: string }) {
  if (units.length === 0) return <p className="muted">{year}年尚未设置单位目标</p>;
  return (
    <>
      <table className="data cards" aria-label="各单位年度目标进度">
        <thead>
          <tr>
            <th>单位</th>
            <th>指标</th>
            <th className="num">本年累计</th>
            <th className="num">年度目标</th>
            <th className="num">完成率</th>
            <th className="num">时序进度</th>
          </tr>
        </thead>
        <tbody>
          {units.flatMap((unit) =>
            unit.cards.map((card) => (
              <tr key={`${unit.unitId}:${card.indicator}`}>
                <th scope="row">
                  <Link to={`/targets?year=${year}&unit=${unit.unitId}`}>{unit.unitName}</Link>
                </th>
                <td data-label="指标">{indicatorName(card.indicator)}</td>
                <td className="num" data-label="本年累计">
                  {formatIndicatorValue(card.indicator, card.yearToDate)}
                </td>
                <td className="num" data-label="年度目标">
                  {formatIndicatorValue(card.indicator, card.target)}
                </td>
                <td className="num" data-label="完成率">
                  {formatPercent(card.completion)}
                  {isBehindSchedule(card) ? <span className="badge pending"> 落后于时序</span> : null}
                </td>
                <td className="num" data-label="时序进度">
                  {formatPercent(card.timeProgress)}
                </td>
              </tr>
            )),
          )}
        </tbody>
      </table>
      <p className="muted">
        本年累计为 {year}-01-01 至 {to}，按项目的负责单位统计；只列出设有单位目标的单位和指标。
      </p>
    </>
  );
}

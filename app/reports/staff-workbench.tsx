/**
 * The staff section of 工作台: 月度报告 status, this month's arrivals and the targets behind
 * 时序进度, each linking to its screen.
 */
import { Link } from "@remix-run/react";
import { formatIndicatorValue, formatPercent, indicatorName, type TargetIndicator } from "../figures/indicators";
import { formatDateTime } from "../lib/dates";
import { formatAmount } from "../lib/money";

const monthLabel = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

interface Props {
  reports: { month: string; latest: { id: number; edition: number; generatedAt: number } | null }[];
  arrivals: { month: string; count: number; usd: number };
  targets: {
    period: { from: string; to: string };
    withTarget: number;
    behind: { indicator: TargetIndicator; yearToDate: number; target: number | null; completion: number | null; timeProgress: number }[];
  };
}

export function StaffWorkbench({ reports, arrivals, targets }: Props) {
  const arrivalsLink = `/arrivals?year=${arrivals.month.slice(0, 4)}&month=${Number(arrivals.month.slice(5, 7))}`;
  return (
    <>
      <section className="card" aria-labelledby="staff-reports-title">
        <h2 id="staff-reports-title">月度报告</h2>
        <ul>
          {reports.map(({ month, latest }) => (
            <li key={month}>
              {monthLabel(month)}：
              {latest ? (
                <>
                  <Link to={`/reports/${latest.id}`}>第{latest.edition}版</Link>
                  <span className="muted">（{formatDateTime(latest.generatedAt)} 生成）</span>
                </>
              ) : (
                <>
                  尚未生成 <Link to="/reports">去生成</Link>
                </>
              )}
            </li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="staff-arrivals-title">
        <h2 id="staff-arrivals-title">本月到账</h2>
        <p>
          {monthLabel(arrivals.month)}已登记到账 <Link to={arrivalsLink}>{arrivals.count} 笔</Link>，合计 {formatAmount(arrivals.usd, "美元")}。
        </p>
      </section>
      <section className="card" aria-labelledby="staff-targets-title">
        <h2 id="staff-targets-title">落后于时序进度的目标（{targets.behind.length}）</h2>
        {targets.withTarget === 0 ? (
          <p className="muted">
            {targets.period.from.slice(0, 4)}年尚未设置年度目标。<Link to="/targets">设置目标</Link>
          </p>
        ) : targets.behind.length === 0 ? (
          <p className="muted">
            截至 {targets.period.to}，各项目标均不落后于时序进度。<Link to="/targets">查看年度目标</Link>
          </p>
        ) : (
          <>
            <table className="data" aria-label="落后于时序进度的目标">
              <thead>
                <tr>
                  <th>指标</th>
                  <th className="num">累计完成</th>
                  <th className="num">年度目标</th>
                  <th className="num">完成率</th>
                  <th className="num">时序进度</th>
                </tr>
              </thead>
              <tbody>
                {targets.behind.map((card) => (
                  <tr key={card.indicator}>
                    <th scope="row">{indicatorName(card.indicator)}</th>
                    <td className="num">{formatIndicatorValue(card.indicator, card.yearToDate)}</td>
                    <td className="num">{formatIndicatorValue(card.indicator, card.target)}</td>
                    <td className="num">{formatPercent(card.completion)}</td>
                    <td className="num">{formatPercent(card.timeProgress)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Link to="/targets">查看年度目标</Link>
          </>
        )}
      </section>
    </>
  );
}

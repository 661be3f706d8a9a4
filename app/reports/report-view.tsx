import type { ReactNode } from "react";
import { formatPercent } from "../figures/indicators";
import { formatWan } from "../lib/money";
import type { CommitmentLine, IndicatorLine, ProjectLine, ReportSnapshot } from "./report-snapshot";

/** The sections of DESIGN.md §7 as the screen and the print view show them. */

function Table({ label, headers, rows, numeric = [] }: { label: string; headers: string[]; rows: ReactNode[][]; numeric?: number[] }) {
  if (rows.length === 0) return <p className="muted">无</p>;
  return (
    <table className="data report-table" aria-label={label}>
      <thead>
        <tr>
          {headers.map((header, i) => (
            <th key={header} className={numeric.includes(i) ? "num" : undefined}>
              {header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((cells, r) => (
          <tr key={r}>
            {cells.map((cell, i) => (
              <td key={i} className={numeric.includes(i) ? "num" : undefined}>
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const indicatorValue = (line: IndicatorLine, value: number | null) => (value === null ? "—" : line.money ? formatWan(value) : String(value));

function ProjectTable({ label, projects }: { label: string; projects: ProjectLine[] }) {
  return (
    <Table
      label={label}
      headers={["项目名称", "投资方", "国别/地区", "总投资（万美元）", "合同外资（万美元）", "日期", "负责人"]}
      numeric={[3, 4]}
      rows={projects.map((p) => [p.name, p.companyName, p.countryLabel, formatWan(p.totalInvestmentUsd), formatWan(p.contractedFdiUsd), p.date ?? "—", p.ownerName])}
    />
  );
}

function CommitmentTable({ label, lines }: { label: string; lines: CommitmentLine[] }) {
  return (
    <Table
      label={label}
      headers={["项目", "承诺事项", "承诺金额（万元）", "已兑现（万元）", "约定兑现日期", "状态"]}
      numeric={[2, 3]}
      rows={lines.map((c) => [c.projectName, c.item, formatWan(c.amountCny), formatWan(c.paidCny), c.dueOn, c.statusLabel])}
    />
  );
}

function Chart({ label, svg }: { label: string; svg: string }) {
  return <div className="chart" role="img" aria-label={label} dangerouslySetInnerHTML={{ __html: svg }} />;
}

export function ReportSections({
  snapshot: s,
  charts,
  problems,
  nextMonthPlan,
  narrative,
}: {
  snapshot: ReportSnapshot;
  charts: { funnelSvg: string; trendSvg: string };
  problems: string | null;
  nextMonthPlan: string | null;
  narrative?: ReactNode;
}) {
  return (
    <div className="report">
      <section aria-labelledby="r1">
        <h2 id="r1">一、主要指标完成情况</h2>
        <Table
          label="主要指标完成情况"
          headers={["指标", "本月", `${s.cumulativeLabel}累计`, "年度目标", "完成率", "时序进度", "同比"]}
          numeric={[1, 2, 3, 4, 5, 6]}
          rows={s.indicators.map((line) => [
            line.label,
            indicatorValue(line, line.month),
            indicatorValue(line, line.yearToDate),
            indicatorValue(line, line.target),
            formatPercent(line.completion),
            formatPercent(line.timeProgress),
            formatPercent(line.yearOnYear),
          ])}
        />
        <p>{s.rates.map((rate) => `${rate.label} ${formatPercent(rate.rate)}`).join("，")}。</p>
        <Chart label="近12个月新签约项目数、合同外资和实到外资" svg={charts.trendSvg} />
      </section>
      <section aria-labelledby="r2">
        <h2 id="r2">二、重点项目进展</h2>
        <h3>本月签约</h3>
        <ProjectTable label="本月签约" projects={s.keyProjects.signed} />
        <h3>本月开工</h3>
        <ProjectTable label="本月开工" projects={s.keyProjects.started} />
        <h3>本月投产</h3>
        <ProjectTable label="本月投产" projects={s.keyProjects.producing} />
        <h3>超亿美元项目（本年签约）</h3>
        <ProjectTable label="超亿美元项目" projects={s.keyProjects.big} />
        <h3>世界500强项目（本年签约）</h3>
        <ProjectTable label="世界500强项目" projects={s.keyProjects.fortune500} />
      </section>
      <section aria-labelledby="r3">
        <h2 id="r3">三、项目储备与推进</h2>
        <Chart label={`${s.cumulativeLabel}新增线索招商漏斗`} svg={charts.funnelSvg} />
        <Table
          label="项目储备"
          headers={["阶段", "项目数", "总投资（万美元）"]}
          numeric={[1, 2]}
          rows={s.pipeline.byStage.map((row) => [row.stageLabel, String(row.projects), formatWan(row.totalInvestmentUsd)])}
        />
        <h3>本月阶段变化（共 {s.pipeline.changesTotal} 项）</h3>
        <Table
          label="本月阶段变化"
          headers={["项目", "变化", "发生日期"]}
          rows={s.pipeline.changes.map((c) => [c.projectName, c.fromLabel ? `${c.fromLabel} → ${c.toLabel}` : `新增${c.toLabel}`, c.occurredOn])}
        />
        {s.pipeline.changesTotal > s.pipeline.changes.length ? <p className="muted">仅列前 {s.pipeline.changes.length} 项。</p> : null}
      </section>
      <section aria-labelledby="r4">
        <h2 id="r4">四、产业链招商</h2>
        <Table
          label="产业链招商"
          headers={["产业链", "在谈项目", "本月签约", "本年签约", "已有项目的缺链环节", "尚无项目的缺链环节"]}
          numeric={[1, 2, 3, 4]}
          rows={s.chains.map((c) => [c.name, String(c.projects), String(c.signingsMonth), String(c.signingsYear), String(c.gapsAddressed), c.gapsOpen.join("、") || "—"])}
        />
      </section>
      <section aria-labelledby="r5">
        <h2 id="r5">五、国别招商</h2>
        <Table
          label="国别招商"
          headers={["国别/地区", "在谈项目", "本年签约", "本年合同外资（万美元）", "本年实到外资（万美元）"]}
          numeric={[1, 2, 3, 4]}
          rows={s.countries.map((c) => [c.label, String(c.projects), String(c.signingsYear), formatWan(c.contractedFdiUsdYear), formatWan(c.actualFdiUsdYear)])}
        />
        <Table
          label="载体平台"
          headers={["载体", "在谈项目", "本年签约", "重点国别项目"]}
          numeric={[1, 2, 3]}
          rows={s.parks.map((p) => [p.name, String(p.projects), String(p.signingsYear), p.focusProjects === null ? "—" : String(p.focusProjects)])}
        />
      </section>
      <section aria-labelledby="r6">
        <h2 id="r6">六、政策兑现</h2>
        <p>
          本月新承诺 {s.commitments.madeCount} 项、{formatWan(s.commitments.madeCny)} 万元；兑现完毕 {s.commitments.fulfilledCount} 项、{formatWan(s.commitments.fulfilledCny)} 万元。
        </p>
        <h3>下月到期</h3>
        <CommitmentTable label="下月到期" lines={s.commitments.dueNextMonth} />
        <h3>逾期未兑现</h3>
        <CommitmentTable label="逾期未兑现" lines={s.commitments.overdue} />
      </section>
      {narrative ?? (
        <>
          <section aria-labelledby="r7">
            <h2 id="r7">七、存在问题</h2>
            <p style={{ whiteSpace: "pre-wrap" }}>{problems ?? "（待填写）"}</p>
          </section>
          <section aria-labelledby="r8">
            <h2 id="r8">八、下月工作计划</h2>
            <p style={{ whiteSpace: "pre-wrap" }}>{nextMonthPlan ?? "（待填写）"}</p>
          </section>
        </>
      )}
      <section aria-labelledby="ra" className="appendix">
        <h2 id="ra">附表 在谈项目明细表</h2>
        <Table
          label="在谈项目明细表"
          headers={["序号", "项目名称", "总投资（万美元）", "合同外资（万美元）", "外方国别和地区", "项目进展情况", "负责人"]}
          numeric={[0, 2, 3]}
          rows={s.appendix.map((a, i) => [String(i + 1), a.name, formatWan(a.totalInvestmentUsd), formatWan(a.contractedFdiUsd), a.countryLabel, a.progress, a.ownerName])}
        />
      </section>
    </div>
  );
}

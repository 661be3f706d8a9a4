import type { ReactNode } from "react";
import { Chart } from "../figures/chart";
import type { ReportSnapshot } from "./report-snapshot";
import { NARRATIVE_PLACEHOLDER, NONE_TEXT, openingParagraph, reportSentences, reportTables, type ReportTable } from "./report-text";

/** The sections of DESIGN.md §7 as the screen and the print view show them (the same tables as Word and Excel). */

function Table({ table, caption = false }: { table: ReportTable; caption?: boolean }) {
  if (table.rows.length === 0) return <p className="muted">{NONE_TEXT}</p>;
  // on a phone a table of four columns or more reads as cards, titled by its first column after 序号
  const cards = table.headers.length > 3;
  const titleColumn = table.headers[0] === "序号" ? 1 : 0;
  const cellClass = (i: number) =>
    [table.numeric.includes(i) ? "num" : "", cards && i < titleColumn ? "card-hide" : "", cards && i === titleColumn && i > 0 ? "card-title" : ""]
      .filter(Boolean)
      .join(" ") || undefined;
  return (
    <table className={cards ? "data report-table cards" : "data report-table"} aria-label={table.title}>
      {caption ? <caption>{table.title}</caption> : null}
      <thead>
        <tr>
          {table.headers.map((header, i) => (
            <th key={header} className={table.numeric.includes(i) ? "num" : undefined}>
              {header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((cells, r) => (
          <tr key={r}>
            {cells.map((cell, i) => (
              <td key={i} className={cellClass(i)} data-label={cards && i !== titleColumn ? table.headers[i] : undefined}>
                {cell.text}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
      {table.note ? (
        <tfoot>
          <tr>
            <td colSpan={table.headers.length} className="muted">
              {table.note}
            </td>
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}

export function ReportSections({
  snapshot: s,
  charts,
  problems,
  nextMonthPlan,
  narrative,
  addressLine,
  signature,
}: {
  snapshot: ReportSnapshot;
  /** the phone drawings are left out by the print view */
  charts: { funnelSvg: string; trendSvg: string; funnelPhoneSvg?: string; trendPhoneSvg?: string };
  problems: string | null;
  nextMonthPlan: string | null;
  narrative?: ReactNode;
  /** 主送 (市委、市政府：) above the opening paragraph and 落款 below the last section — the print view's */
  addressLine?: string | null;
  signature?: string[];
}) {
  const tables = reportTables(s);
  const sentences = reportSentences(s);
  return (
    <div className="report">
      {addressLine ? <p className="report-address">{addressLine}</p> : null}
      <p className="report-opening">{openingParagraph(s)}</p>
      <section aria-labelledby="r1">
        <h2 id="r1">一、主要指标完成情况</h2>
        <Table table={tables.indicators} />
        <p>{sentences.rates}</p>
        <Chart label="近12个月新签约项目数、合同外资和实到外资" wide={charts.trendSvg} phone={charts.trendPhoneSvg} />
      </section>
      <section aria-labelledby="r2">
        <h2 id="r2">二、重点项目进展</h2>
        {[tables.signed, tables.started, tables.producing, tables.big, tables.fortune500].map((table) => (
          <div key={table.sheet}>
            <h3>{table.title}</h3>
            <Table table={table} />
          </div>
        ))}
      </section>
      <section aria-labelledby="r3">
        <h2 id="r3">三、项目储备与推进</h2>
        <Chart label={`${s.cumulativeLabel}新增线索招商漏斗`} wide={charts.funnelSvg} phone={charts.funnelPhoneSvg} />
        <Table table={tables.pipeline} />
        <h3>{tables.changes.title}</h3>
        <Table table={tables.changes} />
      </section>
      <section aria-labelledby="r4">
        <h2 id="r4">四、产业链招商</h2>
        <Table table={tables.chains} />
      </section>
      <section aria-labelledby="r5">
        <h2 id="r5">五、国别招商</h2>
        <Table table={tables.countries} />
        <Table table={tables.parks} />
      </section>
      <section aria-labelledby="r6">
        <h2 id="r6">六、政策兑现</h2>
        <p>{sentences.commitments}</p>
        <h3>{tables.dueNextMonth.title}</h3>
        <Table table={tables.dueNextMonth} />
        <h3>{tables.overdue.title}</h3>
        <Table table={tables.overdue} />
      </section>
      {narrative ?? (
        <>
          <section aria-labelledby="r7">
            <h2 id="r7">七、存在问题</h2>
            <p style={{ whiteSpace: "pre-wrap" }}>{problems ?? NARRATIVE_PLACEHOLDER}</p>
          </section>
          <section aria-labelledby="r8">
            <h2 id="r8">八、下月工作计划</h2>
            <p style={{ whiteSpace: "pre-wrap" }}>{nextMonthPlan ?? NARRATIVE_PLACEHOLDER}</p>
          </section>
        </>
      )}
      {signature?.length ? (
        <div className="report-signature" style={{ textAlign: "right", marginTop: "2em" }}>
          {signature.map((line) => (
            <p key={line} style={{ margin: 0 }}>
              {line}
            </p>
          ))}
        </div>
      ) : null}
      <section aria-labelledby="ra" className="appendix">
        <h2 id="ra">{tables.appendix.title}</h2>
        <Table table={tables.appendix} />
      </section>
    </div>
  );
}

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { can } from "../auth/permissions";
import { requirePermission } from "../auth/session.server";
import { formatIndicatorValue, formatPercent, INDICATOR_LABELS, indicatorName, isBehindSchedule, isMoneyIndicator } from "../figures/indicators";
import { RatesList } from "../figures/rates-list";
import { UnitTargetsTable } from "../figures/unit-targets-table";
import { targetsSchema } from "../figures/target.schema";
import { getTargetProgress, getTargetSheet, saveTargets } from "../figures/targets.server";
import { today } from "../lib/dates";
import { parseForm, readFormData } from "../lib/form.server";
import { act } from "../lib/http.server";
import { wanInputValue } from "../lib/money";
import { intParam } from "../lib/params";
import { listProjectFilterChoices } from "../projects/projects.server";
import { FilterSelect } from "../ui/filter-select";
import { FormErrorBanner, TextField, useValidatedForm, type FormFeedback } from "../ui/form";

export const meta: MetaFunction = () => [{ title: "年度目标 · 招商引资管理系统" }];

function selection(request: Request) {
  const params = new URL(request.url).searchParams;
  const thisYear = Number(today().slice(0, 4));
  const year = intParam(params, "year");
  return { year: year && year >= 2000 && year <= 2100 ? year : thisYear, unitId: intParam(params, "unit") ?? null };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "view:cockpit");
  const { year, unitId } = selection(request);
  const filter = unitId === null ? {} : { unitId };
  return json({
    year,
    unitId,
    units: listProjectFilterChoices().units,
    progress: getTargetProgress(year, filter),
    sheet: getTargetSheet(year, unitId),
    canEdit: can(user.role, "manage:targets"),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:targets");
  const formData = await readFormData(request);
  return act(() => {
    saveTargets({ actor: user, data: parseForm(targetsSchema, formData) });
    return json({ ok: true as const });
  }, formData);
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

function TargetsForm({ year, unitId, sheet, feedback }: { year: number; unitId: number | null; sheet: Data["sheet"]; feedback: FormFeedback | null }) {
  const defaults: Record<string, string | number> = { year, unitId: unitId ?? "" };
  for (const row of sheet) {
    defaults[row.indicator] = isMoneyIndicator(row.indicator) ? wanInputValue(row.value) : (row.value ?? "");
    defaults[`version_${row.indicator}`] = row.version;
  }
  const form = useValidatedForm(targetsSchema, defaults, feedback);
  return (
    <Form method="post" onSubmit={form.onSubmit} noValidate>
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="unitId" value={unitId ?? ""} />
      {sheet.map((row) => (
        <input key={row.indicator} type="hidden" name={`version_${row.indicator}`} value={row.version} />
      ))}
      <FormErrorBanner form={form} />
      <div className="form-grid">
        {sheet.map((row) => (
          <TextField
            key={row.indicator}
            form={form}
            name={row.indicator}
            label={INDICATOR_LABELS[row.indicator]}
            inputMode={isMoneyIndicator(row.indicator) ? "decimal" : "numeric"}
          />
        ))}
      </div>
      <p className="muted">金额以万美元填写；留空表示不设该项目标。</p>
      <div className="form-actions">
        <button type="submit" className="primary">
          保存目标
        </button>
      </div>
    </Form>
  );
}

export default function Targets() {
  const { year, unitId, units, progress, sheet, canEdit } = useLoaderData<typeof loader>();
  const feedback = useActionData<typeof action>() as FormFeedback | undefined;
  const unitName = unitId === null ? "全市" : (units.find((unit) => unit.id === unitId)?.name ?? "");
  const saved = feedback?.ok === true;
  return (
    <>
      <div className="page-head">
        <div>
          <p className="muted" style={{ margin: 0 }}>
            <Link to="/cockpit">领导驾驶舱</Link>
          </p>
          <h1>年度目标</h1>
        </div>
      </div>
      <Form method="get" className="filters card">
        <div className="field">
          <label htmlFor="target-year">年份</label>
          <input id="target-year" name="year" type="number" min={2000} max={2100} defaultValue={year} />
        </div>
        <FilterSelect name="unit" label="单位" value={unitId} emptyLabel="全市" options={units.map((unit) => ({ value: unit.id, label: unit.name }))} />
        <button type="submit" className="primary">
          查询
        </button>
      </Form>

      <section className="card" aria-labelledby="progress-title">
        <h2 id="progress-title">
          {year}年{unitName}目标完成情况
          {progress.cards.length > 0 ? `（截至 ${progress.period.to}）` : ""}
        </h2>
        {progress.cards.length === 0 ? (
          <p className="muted">该年度尚未开始</p>
        ) : (
          <table className="data cards" aria-label="目标完成情况">
            <thead>
              <tr>
                <th>指标</th>
                <th className="num">年度目标</th>
                <th className="num">累计完成</th>
                <th className="num">完成率</th>
                <th className="num">时序进度</th>
                <th className="num">去年同期</th>
                <th className="num">同比</th>
              </tr>
            </thead>
            <tbody>
              {progress.cards.map((card) => (
                <tr key={card.indicator}>
                  <th scope="row">{indicatorName(card.indicator)}</th>
                  <td className="num" data-label="年度目标">
                    {formatIndicatorValue(card.indicator, card.target)}
                  </td>
                  <td className="num" data-label="累计完成">
                    {formatIndicatorValue(card.indicator, card.yearToDate)}
                  </td>
                  <td className="num" data-label="完成率">
                    {formatPercent(card.completion)}
                    {isBehindSchedule(card) ? <span className="badge pending"> 落后于时序</span> : null}
                  </td>
                  <td className="num" data-label="时序进度">
                    {formatPercent(card.timeProgress)}
                  </td>
                  <td className="num" data-label="去年同期">
                    {formatIndicatorValue(card.indicator, card.previous)}
                  </td>
                  <td className="num" data-label="同比">
                    {formatPercent(card.yearOnYear)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {progress.rates ? <RatesList rates={progress.rates} /> : null}
        <p className="muted">只计已甄别的签约，每个项目在其签约日期计一次；实到外资按到账记录统计。</p>
      </section>

      {progress.cards.length > 0 ? (
        <section className="card" aria-labelledby="unit-targets-title">
          <h2 id="unit-targets-title">
            {year}年各单位目标完成情况（截至 {progress.period.to}）
          </h2>
          <UnitTargetsTable units={progress.units} year={year} to={progress.period.to} />
        </section>
      ) : null}

      {canEdit ? (
        <section className="card" aria-labelledby="edit-title">
          <h2 id="edit-title">
            设置{year}年{unitName}目标
          </h2>
          {saved ? <p role="status">目标已保存</p> : null}
          <TargetsForm
            key={`${year}-${unitId}-${sheet.map((row) => row.version).join(".")}`}
            year={year}
            unitId={unitId}
            sheet={sheet}
            feedback={feedback?.ok ? null : (feedback ?? null)}
          />
        </section>
      ) : null}
    </>
  );
}

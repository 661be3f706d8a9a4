import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { can } from "../auth/permissions";
import { requireUser } from "../auth/session.server";
import { regionLabel } from "../companies/regions";
import { PARK_KIND_LABELS } from "../parks/labels";
import { listParks } from "../parks/parks.server";

export const meta: MetaFunction = () => [{ title: "载体平台 · 招商引资管理系统" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({ parks: listParks(user), canAdmin: can(user.role, "admin:system") });
}

const area = (value: number | null) => (value == null ? "—" : value.toLocaleString("en-US"));

export default function Parks() {
  const { parks, canAdmin } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-head">
        <h1>载体平台</h1>
        {canAdmin ? (
          <Link to="/parks/new" className="button">
            新建载体
          </Link>
        ) : null}
      </div>
      <table className="data cards" aria-label="载体平台">
        <thead>
          <tr>
            <th>名称</th>
            <th>类型</th>
            <th>上级载体</th>
            <th>重点国别</th>
            <th className="num">可用土地（亩）</th>
            <th className="num">标准厂房（㎡）</th>
            <th className="num">定制厂房（㎡）</th>
            <th className="num">储备项目</th>
          </tr>
        </thead>
        <tbody>
          {parks.map((park) => (
            <tr key={park.id}>
              <td>
                <Link to={`/parks/${park.id}`}>{park.name}</Link>
              </td>
              <td data-label="类型">{PARK_KIND_LABELS[park.kind]}</td>
              <td data-label="上级载体">{park.parentName ?? "—"}</td>
              <td data-label="重点国别">{park.focusCountries.map(regionLabel).join("、") || "—"}</td>
              <td data-label="可用土地（亩）" className="num">
                {area(park.availableLandMu)}
              </td>
              <td data-label="标准厂房（㎡）" className="num">
                {area(park.standardFactorySqm)}
              </td>
              <td data-label="定制厂房（㎡）" className="num">
                {area(park.customFactorySqm)}
              </td>
              <td data-label="储备项目" className="num">
                {park.projects}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">储备项目：落地载体为该载体（含下级载体）的进行中、暂缓项目。</p>
    </>
  );
}

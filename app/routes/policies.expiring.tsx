import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { can } from "../auth/permissions";
import { requireUser } from "../auth/session.server";
import { listPolicyFlags } from "../policies/policies.server";
import { PolicyFlagsTable } from "../policies/policy-flags";
import { ExportLink } from "../ui/export-link";

export const meta: MetaFunction = () => [{ title: "政策依据失效/临期项目 · 政策库" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (!can(user.role, "view:cockpit") && !can(user.role, "admin:system")) throw new Response("Forbidden", { status: 403 });
  return json({ flags: listPolicyFlags(user) });
}

export default function ExpiringBases() {
  const { flags } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-head">
        <div>
          <p className="muted" style={{ margin: 0 }}>
            <Link to="/policies">政策库</Link>
          </p>
          <h1>政策依据失效/临期项目</h1>
        </div>
      </div>
      <p className="list-summary">
        <span className="muted">进行中、暂缓的项目中，政策依据所属政策已失效或将在90天内失效的，按失效日期排列。</span>
        <ExportLink to="/policies/expiring/export" />
      </p>
      {flags.length === 0 ? <p className="muted">没有政策依据失效或临期的项目</p> : <PolicyFlagsTable label="政策依据失效/临期项目" rows={flags} />}
    </>
  );
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { can } from "../auth/permissions";
import { requireUser } from "../auth/session.server";
import { listChainFilterChoices } from "../chains/chains.server";
import { describeDrillDown, projectFiltersFrom } from "../projects/listing";
import { listProjectFilterChoices, listProjects } from "../projects/projects.server";
import { ExportLink } from "../ui/export-link";
import { ListTotal, Pager } from "../ui/pager";
import { ProjectTable, projectRowFor, type ProjectColumn } from "../ui/project-bits";
import { ProjectsHead } from "../ui/project-view-switch";

export const meta: MetaFunction = () => [{ title: "招商项目 · 招商引资管理系统" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const params = new URL(request.url).searchParams;
  const filters = projectFiltersFrom(params);
  const page = listProjects(user, filters);
  const { owners, units, channels, parks } = listProjectFilterChoices();
  const chainNodes = listChainFilterChoices();
  const figure = describeDrillDown(filters);
  const signingsDrillDown = Boolean(filters.figure.signed);
  const columns = signingsDrillDown ? SIGNING_COLUMNS : LIST_COLUMNS;
  return json({
    ...page,
    // the page goes out twice (HTML and its data): only what the table and the filters show
    rows: page.rows.map((row) => projectRowFor(row, columns)),
    columns,
    sort: filters.sort,
    owners: owners.map(({ id, displayName }) => ({ id, displayName })),
    units,
    channels,
    parks,
    chainNodes,
    figure,
    canCreate: can(user.role, "create:project"),
  });
}

const LIST_COLUMNS: ProjectColumn[] = ["company", "country", "stage", "status", "investment", "owner", "unit", "followUp"];
/** A signings drill-down shows what its figure counts: the signing date and 合同外资. */
const SIGNING_COLUMNS: ProjectColumn[] = ["company", "country", "stage", "signedOn", "investment", "contractedFdi", "owner", "unit"];

export default function Projects() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <ProjectsHead current="list" canCreate={data.canCreate} figure={data.figure} choices={data} />
      <p className="list-summary">
        <ListTotal total={data.total} />
        <ExportLink to="/projects/export" />
      </p>
      <ProjectTable rows={data.rows} columns={data.columns} sort={data.sort} label="项目列表" empty="没有符合条件的项目" />
      <Pager page={data.page} hasNext={data.hasNext} total={data.total} pageSize={data.pageSize} cursors={{ after: data.after, before: data.before }} />
    </>
  );
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { useState, type DragEvent } from "react";
import { can } from "../auth/permissions";
import { requireUser } from "../auth/session.server";
import { listChainFilterChoices } from "../chains/chains.server";
import { today } from "../lib/dates";
import { formatWan } from "../lib/money";
import { BOARD_CARDS, getProjectBoard } from "../projects/board.server";
import { describeDrillDown, projectFiltersFrom } from "../projects/listing";
import { StageForm } from "../projects/project-forms";
import { listProjectFilterChoices } from "../projects/projects.server";
import { STAGE_LABELS, type Stage } from "../projects/stages";
import { StageBadge, StatusBadge } from "../ui/project-bits";
import { ProjectsHead } from "../ui/project-view-switch";

export const meta: MetaFunction = () => [{ title: "招商项目看板 · 招商引资管理系统" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { page: _page, pageSize: _size, sort: _sort, ...filters } = projectFiltersFrom(new URL(request.url).searchParams);
  return json({
    columns: getProjectBoard(user, filters),
    cardsPerColumn: BOARD_CARDS,
    ...listProjectFilterChoices(),
    chainNodes: listChainFilterChoices(),
    figure: describeDrillDown(filters),
    today: today(),
    canCreate: can(user.role, "create:project"),
  });
}

/** The list of a column's projects, largest first: where "另有 N 项" leads. */
function columnListSearch(search: string, stage: Stage): string {
  const params = new URLSearchParams(search);
  params.set("stage", stage);
  params.set("sort", "investment");
  params.set("dir", "desc");
  return `/projects?${params}`;
}

/**
 * Dropping a card on a column opens that card's own 变更阶段 form with the column's stage chosen
 * and the date field focused: the change is confirmed (date, note) and checked like any other.
 */
function openStageForm(projectId: number, stage: Stage): void {
  const details = document.getElementById(`move-${projectId}`) as HTMLDetailsElement | null;
  if (!details) return;
  details.open = true;
  const select = details.querySelector("select");
  if (select) {
    select.value = stage;
    select.dispatchEvent(new Event("change", { bubbles: true }));
  }
  details.scrollIntoView({ block: "nearest" });
  details.querySelector<HTMLInputElement>('input[type="date"]')?.focus();
}

export default function ProjectBoard() {
  const data = useLoaderData<typeof loader>();
  const location = useLocation();
  const returnTo = `${location.pathname}${location.search}`;
  const [dragging, setDragging] = useState<{ id: number; stage: Stage } | null>(null);
  const [over, setOver] = useState<Stage | null>(null);
  const drop = (stage: Stage) => (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setOver(null);
    if (dragging && dragging.stage !== stage) openStageForm(dragging.id, stage);
    setDragging(null);
  };
  return (
    <>
      <ProjectsHead current="board" canCreate={data.canCreate} figure={data.figure} choices={data} />
      <p className="muted">
        每列按总投资从大到小显示前 {data.cardsPerColumn} 个项目。拖动卡片到另一列，或展开卡片上的「变更阶段」，填写发生日期和说明后变更阶段。
      </p>
      <div className="board">
        {data.columns.map((column) => (
          <section
            key={column.stage}
            className={`board-column${over === column.stage ? " drop-target" : ""}`}
            aria-labelledby={`column-${column.stage}`}
            onDragOver={(event) => {
              if (!dragging) return;
              event.preventDefault();
              setOver(column.stage);
            }}
            onDragLeave={() => setOver((current) => (current === column.stage ? null : current))}
            onDrop={drop(column.stage)}
          >
            <h2 id={`column-${column.stage}`}>
              {STAGE_LABELS[column.stage]}
              <span className="board-column-sum">
                {column.projects.toLocaleString("en-US")} 项 · {formatWan(column.totalInvestmentUsd)} 万美元
              </span>
            </h2>
            {column.cards.length === 0 ? <p className="muted">无</p> : null}
            <ol className="board-cards">
              {column.cards.map((card) => (
                <li
                  key={card.id}
                  className="board-card"
                  draggable={card.canMove}
                  onDragStart={(event) => {
                    event.dataTransfer.effectAllowed = "move";
                    event.dataTransfer.setData("text/plain", String(card.id));
                    setDragging({ id: card.id, stage: card.stage });
                  }}
                  onDragEnd={() => setDragging(null)}
                >
                  <a href={`/projects/${card.id}`} className="board-card-title">
                    {card.name}
                  </a>
                  <div className="muted">{card.companyName}</div>
                  <div>
                    <strong>{formatWan(card.totalInvestmentUsd)}</strong> 万美元
                  </div>
                  <div className="board-card-badges">
                    <StageBadge
                      stage={card.stage}
                      signedOn={card.signedOn}
                      signingVerifiedAt={card.signingVerifiedAt}
                      signingReturnedAt={card.signingReturnedAt}
                    />
                    {card.status !== "active" ? <StatusBadge status={card.status} /> : null}
                  </div>
                  <dl className="board-card-facts">
                    <dt>负责人</dt>
                    <dd>{card.ownerName}</dd>
                    <dt>下次跟进</dt>
                    <dd>
                      {card.nextFollowUpOn ?? "—"}
                      {card.nextFollowUpItem ? <span className="muted"> {card.nextFollowUpItem}</span> : null}
                    </dd>
                  </dl>
                  {card.canMove ? (
                    <details id={`move-${card.id}`} className="board-move">
                      <summary>变更阶段</summary>
                      <StageForm projectId={card.id} stage={card.stage} version={card.version} today={data.today} feedback={null} returnTo={returnTo} />
                    </details>
                  ) : null}
                </li>
              ))}
            </ol>
            {column.more > 0 ? (
              <p className="board-more">
                <Link to={columnListSearch(location.search, column.stage)}>另有 {column.more.toLocaleString("en-US")} 项</Link>
              </p>
            ) : null}
          </section>
        ))}
      </div>
    </>
  );
}

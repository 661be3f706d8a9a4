/**
 * The vocabulary every figure is written in (DESIGN.md §4): each term below is one SQL fragment,
 * defined once. The cockpit, the targets screen, the monthly report, the arrivals screen, the chain
 * and park pipelines and the project list's drill-downs compose these; no other module writes its
 * own figure SQL.
 *
 * - verified signing in a period: the first transition reaching 签约 (projects.signed_on) falls in
 *   the period and the signing is verified (at any time: a late verification counts at the
 *   signing date);
 * - first reach of a stage: the earliest 发生日期 at which the stage log reaches one of the stages;
 * - the project at a date D: its stage and status by the latest entries of the stage and status logs
 *   dated on or before D, whether its signing was verified by D (signing_verified_on);
 * - the 储备 snapshot at D: projects not deleted whose status at D was 进行中 or 暂缓, by their stage
 *   at D, with unverified signings in their own row 签约（待甄别）;
 * - 在谈 at D: the snapshot's 接洽 and 洽谈 rows;
 * - arrivals in a period: live arrivals dated in it, on live projects;
 * - commitments open at D: made (承诺) on or before D, not cancelled on or before D, paid less than
 *   their amount by payouts dated up to D; overdue at D: open and due before D;
 * - chain served: each (project, chain) pair once, however many links of the chain the project serves;
 * - park served: the project's 落地载体;
 * - 同比: a period against the same period a year earlier (a month against the same month, 1–N月
 *   against 1–N月), app/figures/indicators.ts samePeriodLastYear.
 * Soft-deleted projects count nowhere, their arrivals and commitments included.
 *
 * Fragments refer to the outer query's `projects`, `fdi_arrivals a` and `commitments c` rows.
 */
import { sql, type SQL } from "drizzle-orm";
import { t } from "../db.server";
import type { Period } from "../lib/dates";
import { STAGES, STAGE_LABELS, type Stage } from "../projects/stages";
import type { Breakdown } from "./breakdowns";

const list = (values: readonly string[]) =>
  sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  );

/** Stages from 签约 on: they count only once the signing is verified. */
export const SIGNED_STAGES = STAGES.slice(STAGES.indexOf("signed"));

// ── projects and signings ────────────────────────────────────────────────

/**
 * The project is not deleted. Nearly every project is live, but the statistics of the
 * deleted_at index (one value per deletion time) make it look selective to SQLite: the unary `+`
 * keeps the planner on the term that narrows (a signing date, a log's date, a key).
 */
export const liveProject: SQL = sql`+${t.projects.deletedAt} is null`;

/** Live projects whose verified signing is dated in the period. */
export function verifiedSigningIn(period: Period): SQL {
  return sql`${liveProject} and ${t.projects.signingVerifiedAt} is not null
    and ${t.projects.signedOn} between ${period.from} and ${period.to}`;
}

/** The project's stage log reaches one of `stages` on or before `date`. */
export function reachedBy(stages: readonly Stage[], date: string): SQL {
  return sql`exists (select 1 from ${t.stageChanges} sc where sc.project_id = ${t.projects.id} and sc.occurred_on <= ${date}
    and sc.to_stage in (${list(stages)}))`;
}

/** The earliest 发生日期 at which the project's log reaches one of `stages` (null if never). */
export function firstReachedOn(stages: readonly Stage[]): SQL<string | null> {
  return sql`(select min(sc.occurred_on) from ${t.stageChanges} sc where sc.project_id = ${t.projects.id}
    and sc.to_stage in (${list(stages)}))`;
}

/**
 * Live projects that first reach one of `stages` within the period; stages from 签约 on only for
 * verified signings.
 */
export function firstReachedIn(stages: readonly Stage[], period: Period): SQL {
  const needsVerification = stages.some((stage) => SIGNED_STAGES.includes(stage));
  // reached within the period (the log's stage/date index) and not before it
  return sql`${liveProject} ${needsVerification ? sql`and ${t.projects.signingVerifiedAt} is not null` : sql``}
    and ${t.projects.id} in (
      select sc.project_id from ${t.stageChanges} sc
      where sc.to_stage in (${list(stages)}) and sc.occurred_on between ${period.from} and ${period.to}
        and not exists (
          select 1 from ${t.stageChanges} earlier
          where earlier.project_id = sc.project_id and earlier.to_stage in (${list(stages)}) and earlier.occurred_on < ${period.from}
        )
    )`;
}

/** Projects that entered as 线索 within the period: a funnel cohort. */
export function enteredIn(period: Period): SQL {
  return sql`${t.projects.id} in (
    select entry.project_id from ${t.stageChanges} entry
    where entry.from_stage is null and entry.occurred_on between ${period.from} and ${period.to}
  )`;
}

// ── the project at a date, the 储备 snapshot and 在谈 ───────────────────────

/** The rows of the 储备 snapshot, in the order they are shown. */
export const PIPELINE_ROWS = ["lead", "contacted", "negotiating", "signed_unverified", "signed", "registered", "construction", "production"] as const;
export type PipelineRow = (typeof PIPELINE_ROWS)[number];
export const PIPELINE_ROW_LABELS: Record<PipelineRow, string> = { ...STAGE_LABELS, signed_unverified: "签约（待甄别）" };

/** 在谈项目: the snapshot's 接洽 and 洽谈 rows. */
export const NEGOTIATING_ROWS = ["contacted", "negotiating"] as const satisfies readonly PipelineRow[];

/** Whether a snapshot row (the `row` of pipelineAt) is one of `rows`, as SQL. */
export function pipelineRowIn(row: SQL, rows: readonly PipelineRow[]): SQL {
  return sql`${row} in (${list(rows)})`;
}

/** The statuses a project is pursued in (储备): 进行中 and 暂缓. */
export const PURSUED_STATUSES = ["active", "on_hold"] as const;

/**
 * The projects of the 储备 snapshot at `date`, as a derived table `(id, row)` (plus the columns of
 * the project `p` that `carry` adds, each starting with a comma): live projects entered
 * by then, whose status at the date was 进行中 or 暂缓, with the snapshot row their stage at the date
 * puts them in. Stage and status come from the logs; a project with no log entry after the date
 * stands where it stands now (the logs' latest entries and the project row change together), so a
 * recent date reads only the few projects that moved since.
 */
export function pipelineAt(date: string, carry: SQL = sql``): SQL {
  const row = (stage: SQL) => sql`case
    when ${stage} in (${list(SIGNED_STAGES)}) and (p.signing_verified_on is null or p.signing_verified_on > ${date}) then 'signed_unverified'
    else ${stage} end`;
  return sql`(
    with changed(id) as materialized (
      -- read through the logs' date indexes
      select project_id from ${t.stageChanges} indexed by stage_changes_occurred_idx where occurred_on > ${date}
      union select project_id from ${t.statusChanges} indexed by status_changes_occurred_idx where occurred_on > ${date}
    ),
    then_state(id, stage, status) as materialized (
      select changed.id,
        (select sc.to_stage from ${t.stageChanges} sc where sc.project_id = changed.id and sc.occurred_on <= ${date}
         order by sc.occurred_on desc, sc.id desc limit 1),
        (select st.to_status from ${t.statusChanges} st where st.project_id = changed.id and st.occurred_on <= ${date}
         order by st.occurred_on desc, st.id desc limit 1)
      from changed
    )
    -- projects that have not moved since: as they stand
    select p.id as id, ${row(sql`p.stage`)} as row ${carry}
    from ${t.projects} p
    where p.deleted_at is null and p.status in (${list(PURSUED_STATUSES)}) and p.id not in (select id from changed)
    union all
    -- projects that moved since: as the logs show them then (no stage then: not yet entered); a cross
    -- join reads those few projects by id instead of scanning every project for them
    select p.id as id, ${row(sql`then_state.stage`)} as row ${carry}
    from then_state cross join ${t.projects} p on p.id = then_state.id
    where p.deleted_at is null and then_state.stage is not null and then_state.status in (${list(PURSUED_STATUSES)})
  )`;
}

/**
 * The snapshot today, on `projects` itself (no log entry is dated after today, so pipelineAt(today)
 * reads the project rows as they are): pursued now, and the snapshot row it stands in.
 */
export const pursuedNow: SQL = sql`${t.projects.deletedAt} is null and ${t.projects.status} in (${list(PURSUED_STATUSES)})`;
export const pipelineRowNow: SQL<PipelineRow> = sql`case
  when ${t.projects.stage} in (${list(SIGNED_STAGES)}) and ${t.projects.signingVerifiedOn} is null then 'signed_unverified'
  else ${t.projects.stage} end`;

// ── arrivals ──────────────────────────────────────────────────────────────

/**
 * Live arrivals (`fdi_arrivals a`) dated in the period, on live projects. The project is checked
 * against the few deleted ones (the deleted_at index), so the arrivals' date index drives the read
 * and no join with projects is needed.
 */
export function arrivalsIn(period: Period): SQL {
  return sql`a.deleted_at is null and a.arrived_on between ${period.from} and ${period.to}
    and a.project_id not in (select deleted.id from ${t.projects} deleted where deleted.deleted_at is not null)`;
}

// ── commitments ───────────────────────────────────────────────────────────

/** What was paid on the commitment (`commitments c`) by payouts dated up to `date` (yuan). */
export function paidBy(date: string): SQL<number> {
  return sql`coalesce((select sum(po.amount_cny) from ${t.payouts} po where po.commitment_id = c.id and po.deleted_at is null and po.paid_on <= ${date}), 0)`;
}

/**
 * Commitments (`commitments c`, on live projects joined as `projects`) open at `date`: made on or
 * before it, not cancelled on or before it, and paid less than their amount by payouts up to it.
 */
export function openCommitmentAt(date: string): SQL {
  return sql`c.deleted_at is null and ${liveProject}
    and c.committed_on is not null and c.committed_on <= ${date}
    and (c.cancelled_on is null or c.cancelled_on > ${date})
    and c.amount_cny > ${paidBy(date)}`;
}

/** Open at `date` and due before it. */
export function overdueCommitmentAt(date: string): SQL {
  return sql`${openCommitmentAt(date)} and c.due_on < ${date}`;
}

/**
 * Today's open and overdue commitments on the `commitments` row alone, for the 政策兑现 list, the
 * 工作台 and the cockpit's 逾期 list (the status/due index, no join with projects; those callers scope
 * by project themselves). They select what openCommitmentAt(today) and overdueCommitmentAt(today)
 * select: a commitment is 已承诺/条件已达成 exactly while it is made, not cancelled and not paid in full,
 * and its dates (承诺, 取消, 兑现) are never later than today. tests/figures-at-a-date.test.ts checks it.
 */
export const paidNow: SQL<number> = sql`coalesce((select sum(${t.payouts.amountCny}) from ${t.payouts}
  where ${t.payouts.commitmentId} = ${t.commitments.id} and ${t.payouts.deletedAt} is null), 0)`;
export const openCommitmentNow: SQL = sql`${t.commitments.status} in ('committed', 'conditions_met') and ${t.commitments.amountCny} > ${paidNow}`;
export function overdueCommitmentNow(today: string): SQL {
  return sql`${openCommitmentNow} and ${t.commitments.dueOn} < ${today}`;
}

/** Commitments (on live projects) made within the period. */
export function commitmentMadeIn(period: Period): SQL {
  return sql`c.deleted_at is null and ${liveProject} and c.committed_on between ${period.from} and ${period.to}`;
}

/** Commitments (on live projects) paid in full within the period. */
export function commitmentFulfilledIn(period: Period): SQL {
  return sql`c.deleted_at is null and ${liveProject} and c.status = 'fulfilled' and c.fulfilled_on between ${period.from} and ${period.to}`;
}

// ── chains, parks and the other breakdowns ───────────────────────────────

/**
 * Chain served: a derived table `(project_id, chain_id)` with each pair once, however many links
 * of the chain (or the chain itself) the project serves through live links.
 */
export const chainServed: SQL = sql`(
  -- each node's chain first (a few hundred nodes), then the links by node
  with node_chain(node_id, chain_id) as materialized (
    select n.id, chain.id from ${t.chainNodes} n
    join ${t.chainNodes} chain on chain.level = 'chain' and substr(n.path, 1, length(chain.path)) = chain.path
  )
  select distinct l.project_id as project_id, node_chain.chain_id as chain_id
  from ${t.projectChainLinks} l join node_chain on node_chain.node_id = l.node_id
  where l.deleted_at is null
)`;

/** Park served: the project's 落地载体. */
export const parkServed: SQL = sql`${t.projects.parkId}`;

/**
 * The key a breakdown groups by and the name it shows, on `projects` joined with `companies`
 * (the chain breakdown joins chainServed as `served` and `chain_nodes chain` instead).
 */
export function breakdownColumns(by: Exclude<Breakdown, "chain">): { key: SQL; name: SQL } {
  switch (by) {
    case "country":
      return { key: sql`${t.companies.country}`, name: sql`${t.companies.country}` };
    case "unit":
      return { key: sql`${t.projects.unitId}`, name: sql`(select name from ${t.units} where id = ${t.projects.unitId})` };
    case "owner":
      return { key: sql`${t.projects.ownerId}`, name: sql`(select display_name from ${t.users} where id = ${t.projects.ownerId})` };
    case "channel":
      return { key: sql`${t.projects.channelId}`, name: sql`(select name from ${t.channels} where id = ${t.projects.channelId})` };
    case "park":
      return { key: sql`${parkServed}`, name: sql`(select name from ${t.parks} where id = ${parkServed})` };
    case "projectType":
      return { key: sql`${t.projects.projectType}`, name: sql`${t.projects.projectType}` };
  }
}

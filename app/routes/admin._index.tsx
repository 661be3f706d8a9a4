import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { backupDirFromEnv, lastBackup } from "../admin/backups.server";
import { listDeletedRecords, restoreRecord } from "../admin/recycle-bin.server";
import { DeletedAttachments } from "../attachments/deleted-attachments";
import { requirePermission } from "../auth/session.server";
import { regionLabel } from "../companies/regions";
import { formatDateTime } from "../lib/dates";
import { restoreSchema } from "../admin/recycle-bin.schema";
import { parseForm, readFormData } from "../lib/form.server";
import { act } from "../lib/http.server";

export const meta: MetaFunction = () => [{ title: "系统管理 · 招商引资管理系统" }];

/** No backup for two days is a warning. */
const BACKUP_OVERDUE_MS = 2 * 86_400_000;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "admin:system");
  const backup = lastBackup();
  // judged here, at the request's time, so the server's page and the hydrated one agree
  const backupOverdue = !backup || Date.now() - Date.parse(backup.at) > BACKUP_OVERDUE_MS;
  return json({ ...listDeletedRecords({ actor: user }), lastBackup: backup, backupOverdue, backupDir: backupDirFromEnv() });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "admin:system");
  const formData = await readFormData(request);
  return act(() => {
    restoreRecord({ actor: user, ...parseForm(restoreSchema, formData) });
    return json({ ok: true as const, formError: null });
  }, formData);
}

function RestoreButton({ entityType, id, version, label }: { entityType: string; id: number; version: number; label: string }) {
  return (
    <Form method="post">
      <input type="hidden" name="entityType" value={entityType} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <button type="submit" className="secondary" aria-label={`恢复 ${label}`}>
        恢复
      </button>
    </Form>
  );
}

/** 备份: the latest backup the server can see, and a warning when there is none for two days. */
function BackupStatus({
  backup,
  overdue,
  backupDir,
}: {
  backup: { name: string; at: string; databaseBytes: number; filesCount: number; integrity: string } | null;
  overdue: boolean;
  backupDir: string;
}) {
  return (
    <section className={`card${overdue ? " danger-box" : ""}`} aria-labelledby="backup-title">
      <h2 id="backup-title">备份</h2>
      {backup ? (
        <p>
          最近一次备份：<strong>{formatDateTime(Date.parse(backup.at))}</strong>（{backup.name}，数据库 {(backup.databaseBytes / 1024 / 1024).toFixed(1)}{" "}
          MB，附件 {backup.filesCount} 个，完整性检查：
          {backup.integrity === "ok" ? "通过" : backup.integrity}）
        </p>
      ) : (
        <p>
          <strong>尚无备份。</strong>
        </p>
      )}
      {overdue ? (
        <p>
          {backup ? "已超过两天没有备份。" : ""}请在服务器上运行 <code>npm run backup</code>，并按 README 的“备份与恢复”设置每日自动备份。
        </p>
      ) : null}
      <p className="muted">备份目录：{backupDir}</p>
    </section>
  );
}

export default function Admin() {
  const { lastBackup, backupOverdue, backupDir, projects, companies, attachments } = useLoaderData<typeof loader>();
  const feedback = useActionData<typeof action>();
  return (
    <>
      <BackupStatus backup={lastBackup} overdue={backupOverdue} backupDir={backupDir} />
      <section className="card" aria-labelledby="bin-title">
        <h2 id="bin-title">回收站</h2>
        <p className="muted">删除的记录保留在这里，恢复后回到原处，变更记录完整保留。</p>
        {feedback?.formError ? (
          <p className="form-error" role="alert">
            {feedback.formError}
          </p>
        ) : null}
        <h3>招商项目</h3>
        {projects.length === 0 ? (
          <p className="muted">没有已删除的项目</p>
        ) : (
          <table className="data">
            <thead>
              <tr>
                <th>项目名称</th>
                <th>投资方企业</th>
                <th>删除时间</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {projects.map((project) => (
                <tr key={project.id}>
                  <td>{project.name}</td>
                  <td>{project.companyName}</td>
                  <td>{project.deletedAt ? formatDateTime(project.deletedAt) : ""}</td>
                  <td>
                    <RestoreButton entityType="project" id={project.id} version={project.version} label={project.name} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h3>企业</h3>
        {companies.length === 0 ? (
          <p className="muted">没有已删除的企业</p>
        ) : (
          <table className="data">
            <thead>
              <tr>
                <th>企业名称</th>
                <th>国别/地区</th>
                <th>删除时间</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {companies.map((company) => (
                <tr key={company.id}>
                  <td>{company.name}</td>
                  <td>{regionLabel(company.country)}</td>
                  <td>{company.deletedAt ? formatDateTime(company.deletedAt) : ""}</td>
                  <td>
                    <RestoreButton entityType="company" id={company.id} version={company.version} label={company.name} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <DeletedAttachments attachments={attachments} />
      </section>
    </>
  );
}

import { Form } from "@remix-run/react";
import { formatDateTime } from "../lib/dates";
import { formatFileSize } from "./attachment-kinds";

/** A row of listDeletedAttachments. */
export interface DeletedAttachmentItem {
  id: number;
  fileName: string;
  categoryLabel: string;
  recordLabel: string;
  projectName: string | null;
  sizeBytes: number;
  deletedAt: number | null;
  deletedByName: string | null;
  version: number;
}

/** 回收站's 附件 group; 恢复 posts to the page's own action (entityType "attachment"). */
export function DeletedAttachments({ attachments }: { attachments: readonly DeletedAttachmentItem[] }) {
  return (
    <>
      <h3>附件</h3>
      {attachments.length === 0 ? (
        <p className="muted">没有已删除的附件</p>
      ) : (
        <div style={{ overflowX: "auto" }}>
          <table className="data" aria-label="已删除的附件">
            <thead>
              <tr>
                <th>文件名</th>
                <th>附件类型</th>
                <th>所属记录</th>
                <th className="num">大小</th>
                <th>删除人</th>
                <th>删除时间</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {attachments.map((attachment) => (
                <tr key={attachment.id}>
                  <td style={{ overflowWrap: "anywhere" }}>{attachment.fileName}</td>
                  <td>{attachment.categoryLabel}</td>
                  <td>
                    {attachment.recordLabel}
                    {attachment.projectName ? `（${attachment.projectName}）` : ""}
                  </td>
                  <td className="num">{formatFileSize(attachment.sizeBytes)}</td>
                  <td>{attachment.deletedByName ?? ""}</td>
                  <td>{attachment.deletedAt ? formatDateTime(attachment.deletedAt) : ""}</td>
                  <td>
                    <Form method="post">
                      <input type="hidden" name="entityType" value="attachment" />
                      <input type="hidden" name="id" value={attachment.id} />
                      <input type="hidden" name="version" value={attachment.version} />
                      <button type="submit" className="secondary" aria-label={`恢复 ${attachment.fileName}`}>
                        恢复
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/**
 * How 变更记录 reads one kind of record (DESIGN.md §6): a Chinese label for every field, names
 * for references, labels for codes. Each context keeps its vocabulary next to its enums
 * (`app/<context>/labels.ts`); app/audit/audit-view.server.ts applies them.
 */
import { formatDateTime } from "../lib/dates";
import { formatWan } from "../lib/money";

/** Records a field may point at; their names are read in one query per kind. */
export type RefKind =
  "user" | "unit" | "company" | "channel" | "park" | "clause" | "chainNode" | "project" | "importBatch" | "commitment" | "contact" | "attachment";

export interface FieldSpec {
  label: string;
  /** the value is the id of another record, shown by its name */
  ref?: RefKind;
  /** the value lists several ids or codes, comma-separated ("3,7", "JP,KR") */
  list?: boolean;
  /** a stored value (each item of a list) as the user knows it; null to show it as stored */
  format?: (value: unknown) => string | null;
  /** an entry added or removed (a member, a chain link): shown as one value under the matching label */
  entry?: { added: string; removed: string };
  /** a detail of the step itself (a stage change's 发生日期): its value alone, never "（空） → x" */
  detail?: boolean;
  /** kept in the log, never shown (hashes, media types, internal flags) */
  hidden?: boolean;
}

export type AuditChanges = Record<string, [unknown, unknown]>;

export interface AuditVocabulary {
  /** the record's name as a part of another record's log (联系人, 活动记录) */
  part: string;
  /** the field pointing at that other record: not repeated inside its log */
  parentField?: string;
  /** how a part is named inside that log (a commitment by its 承诺事项), where several may exist */
  partName?: RefKind;
  fields: Record<string, FieldSpec>;
  /** an action named by what it did ("登记兑现" for a payout's update); null for the plain name */
  actionLabel?: (action: string, changes: AuditChanges) => string | null;
}

/** A code shown by its label; an unknown code as stored. */
export const labelOf =
  (labels: Readonly<Record<string, string>>) =>
  (value: unknown): string | null =>
    typeof value === "string" ? (labels[value] ?? null) : null;

/** An amount stored in base units, shown in 万 (the label carries the unit). */
export const wan = (value: unknown): string | null => (typeof value === "number" ? formatWan(value) : null);

/** A moment stored as epoch milliseconds, shown in Asia/Shanghai. */
export const dateTime = (value: unknown): string | null => (typeof value === "number" ? formatDateTime(value) : null);

/**
 * An import plan: every row of the file read against the column mapping, checked, matched
 * against the database and the rows above it, and given an outcome — new, update, skip or
 * refuse (with the column and reason). Planning writes nothing; 确认导入 runs the same plan inside
 * its transaction and calls each accepted row's `write`.
 */
import { eq } from "drizzle-orm";
import type { Actor } from "../auth/permissions";
import type { Changes, EntityType, Tx } from "../audit/audit.server";
import type { ImportRecordAction } from "../domain/codes";
import type { DateRule } from "../lib/dates";
import { updateVersioned, type VersionedTable } from "../lib/versioned-update.server";
import { fieldOf, IMPORT_FIELDS, type ColumnMapping, type DuplicateMode, type ImportField, type ImportKind } from "./kinds";
import type { ReadSheet, SheetRow } from "./read-file.server";
import {
  cellText,
  cleanText,
  parseAmount,
  parseBoolean,
  parseChoice,
  parseCount,
  parseCountry,
  parseDate,
  parseDecimal,
  unitInHeader,
  type CellValue,
  type Parsed,
} from "./values";

export type Outcome = "create" | "update" | "skip" | "refuse";

export interface RowError {
  /** the column as the file names it (or the field's label when the file has no such column) */
  column: string;
  message: string;
}

export interface Writer {
  tx: Tx;
  actor: Actor;
  /** companies whose search text changed, with the old one (app/companies/search-index.server.ts) */
  renamed: { id: number; searchText: string }[];
  /** projects given activities: their 最近活动 is refreshed once, after the last row */
  activityProjects: Set<number>;
  /** remembers a record the import wrote, for 撤销导入 */
  record(entry: { entityType: string; entityId: number; action: ImportRecordAction; before?: Record<string, unknown>; versionAfter: number }): void;
}

export interface PlannedRow {
  rowNumber: number;
  outcome: Outcome;
  /** what the row is about (a company or project name), for the preview's lists */
  label: string;
  errors: RowError[];
  /** why a row is skipped or updated: the record or row it matches */
  note?: string;
  /** the row matched an existing record or an earlier row */
  duplicate?: boolean;
  write?: (writer: Writer) => void;
}

export interface PlanCounts {
  create: number;
  update: number;
  skip: number;
  refuse: number;
}

/** What a kind's planner gets for each row. */
export interface RowContext {
  check: RowCheck;
  rowNumber: number;
  mode: DuplicateMode;
}

export type RowPlanner = (context: RowContext) => Omit<PlannedRow, "rowNumber" | "errors"> & { errors?: RowError[] };

/** The 下载模板 example row starts with this; left in the file, it is skipped, not imported. */
export const TEMPLATE_EXAMPLE = "【示例】";

const SUBTOTAL = /^(合计|总计|小计|共计|合\s*计|总\s*计)$/;

/**
 * Runs the kind's planner over every non-blank row of the sheet, handing each planned row to
 * `onRow` as it comes (the preview keeps the first few, 确认导入 writes it at once): a 50,000-row
 * plan is never held whole.
 */
export function planRows(
  kind: ImportKind,
  mode: DuplicateMode,
  sheet: ReadSheet,
  mapping: ColumnMapping[],
  planRow: RowPlanner,
  onRow: (row: PlannedRow) => void,
): PlanCounts {
  const counts: PlanCounts = { create: 0, update: 0, skip: 0, refuse: 0 };
  const mapped = mapping.filter((column) => column.field);
  for (const row of sheet.rows) {
    if (mapped.every((column) => cellText(row.cells[column.index] ?? null) === "")) continue;
    const first = row.cells.map((cell) => cellText(cell)).find((text) => text !== "");
    let planned: PlannedRow;
    if (first && SUBTOTAL.test(first)) {
      planned = { rowNumber: row.rowNumber, outcome: "skip", label: first, errors: [], note: "合计行，不导入" };
    } else if (first?.startsWith(TEMPLATE_EXAMPLE)) {
      planned = { rowNumber: row.rowNumber, outcome: "skip", label: first, errors: [], note: "模板的示例行，不导入" };
    } else {
      const check = new RowCheck(kind, mapping, row);
      const result = planRow({ check, rowNumber: row.rowNumber, mode });
      const errors = [...check.errors, ...(result.errors ?? [])];
      planned =
        errors.length > 0
          ? { rowNumber: row.rowNumber, outcome: "refuse", label: result.label, errors, note: result.note, duplicate: result.duplicate }
          : { ...result, rowNumber: row.rowNumber, errors: [] };
    }
    counts[planned.outcome]++;
    onRow(planned);
  }
  return counts;
}

/** Refuses the row, naming a field's column. */
export function refusal(check: RowCheck, field: string, message: string): RowError {
  return { column: check.columnName(field), message };
}

/**
 * Reads one row's fields through the mapping, collecting a Chinese error per bad cell. Each reader
 * returns the value, or `undefined` when the cell was refused (the error is recorded).
 */
export class RowCheck {
  readonly errors: RowError[] = [];
  private readonly columns = new Map<string, ColumnMapping>();

  constructor(
    private readonly kind: ImportKind,
    mapping: readonly ColumnMapping[],
    private readonly row: SheetRow,
  ) {
    for (const column of mapping) if (column.field) this.columns.set(column.field, column);
  }

  has(field: string): boolean {
    return this.columns.has(field);
  }

  columnName(field: string): string {
    return this.columns.get(field)?.header || (fieldOf(this.kind, field)?.label ?? field);
  }

  raw(field: string): CellValue {
    const column = this.columns.get(field);
    return column ? (this.row.cells[column.index] ?? null) : null;
  }

  private take<T>(field: string, parsed: Parsed<T>): T | undefined {
    if (parsed.error !== undefined) {
      this.errors.push({ column: this.columnName(field), message: parsed.error });
      return undefined;
    }
    return parsed.value;
  }

  fail(field: string, message: string): undefined {
    this.errors.push({ column: this.columnName(field), message });
    return undefined;
  }

  /** Text, cleaned; null when blank. Required fields refuse a blank. */
  text(field: string, max = 500): string | null | undefined {
    const text = cleanText(cellText(this.raw(field)));
    const spec = this.spec(field);
    if (text === "") return spec.required ? this.fail(field, `请填写${spec.label.replace(/（.*$/, "")}`) : null;
    if ([...text].length > max) return this.fail(field, `不能超过 ${max} 个字`);
    return text;
  }

  bool(field: string): boolean | null | undefined {
    if (cellText(this.raw(field)) === "") return null;
    return this.take(field, parseBoolean(this.raw(field)));
  }

  date(field: string, rule: DateRule): string | null | undefined {
    const value = this.take(field, parseDate(this.raw(field), rule));
    if (value === null && this.spec(field).required) return this.fail(field, `请填写${this.spec(field).label}`);
    return value;
  }

  /** An amount in base units, read in the unit the file's header names (else the template's). */
  amount(field: string): number | null | undefined {
    const spec = this.spec(field);
    const header = this.columns.get(field)?.header ?? "";
    const unit = unitInHeader(header) ?? unitInHeader(spec.label)!;
    if (unit.currency !== spec.currency) {
      return this.fail(field, `该列单位是${unit.label}，${spec.label.replace(/（.*$/, "")}应以${spec.currency === "USD" ? "美元" : "人民币"}计`);
    }
    const value = this.take(field, parseAmount(this.raw(field), unit));
    if (value === null && spec.required) return this.fail(field, `请填写${spec.label.replace(/（.*$/, "")}`);
    return value;
  }

  count(field: string): number | null | undefined {
    return this.take(field, parseCount(this.raw(field)));
  }

  decimal(field: string): number | null | undefined {
    return this.take(field, parseDecimal(this.raw(field)));
  }

  country(field: string): string | null | undefined {
    if (cellText(this.raw(field)) === "" && !this.spec(field).required) return null;
    return this.take(field, parseCountry(this.raw(field)));
  }

  choice<Code extends string>(field: string, choices: ReadonlyArray<{ code: Code; label: string; synonyms?: readonly string[] }>): Code | null | undefined {
    const spec = this.spec(field);
    return this.take(field, parseChoice(this.raw(field), choices, spec.label));
  }

  private spec(field: string): ImportField {
    return IMPORT_FIELDS[this.kind].find((candidate) => candidate.key === field)!;
  }
}

/**
 * Updates a record the import matched (at the version it has now, inside the import's
 * transaction), audits it and remembers its values before, for 撤销导入. Returns the record as it was.
 */
export function updateImported(
  writer: Writer,
  update: { table: VersionedTable; entityType: EntityType; id: number; values: Record<string, unknown>; changes?: Changes },
): Record<string, unknown> {
  const current = writer.tx.select().from(update.table).where(eq(update.table.id, update.id)).get() as Record<string, unknown> & { version: number };
  const versionAfter = updateVersioned(writer.tx, { ...update, version: current.version, before: current, userId: writer.actor.id });
  const before = Object.fromEntries(Object.keys(update.values).map((key) => [key, current[key] ?? null]));
  writer.record({ entityType: update.entityType, entityId: update.id, action: "update", before, versionAfter });
  return current;
}

/** Values of `after` that differ from `before` (only keys present in `after` and not null). */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, unknown> {
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    if (value === null || value === undefined) continue;
    const old = before[key] ?? null;
    // stored text is compared as the file's text is read (line breaks and invisible characters folded)
    if ((typeof old === "string" ? cleanText(old) : old) !== value) changed[key] = value;
  }
  return changed;
}

export function pick<T extends Record<string, unknown>>(record: T, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((key) => [key, record[key] ?? null]));
}

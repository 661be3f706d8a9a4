/**
 * An outer column for a correlated subquery in a select list. Drizzle writes a bare column name
 * there when the query reads a single table, and SQLite would then resolve it inside the
 * subquery (`c.policy_id = "id"` compares a clause with itself).
 */
import { getTableName, sql, type SQL } from "drizzle-orm";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";

export function outer(column: AnySQLiteColumn): SQL {
  return sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;
}

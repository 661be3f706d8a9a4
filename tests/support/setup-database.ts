/**
 * Every test file gets its own SQLite file, built by the real migrations when first opened,
 * and a fixed business date.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fdi-crm-test-"));
process.env.DATABASE_PATH = path.join(dir, "test.db");
process.env.FDI_TODAY ??= "2026-06-30";
process.env.SESSION_SECRET ??= "test-secret";
delete (globalThis as { __fdiDb?: unknown }).__fdiDb;

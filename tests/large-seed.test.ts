/**
 * The scale data set generator (seeds/large/generate.ts), run small: deterministic, counts proportional to
 * the scale, a stage log the projects agree with, nothing dated after `today`, and a search index
 * that matches a LIKE scan. It writes its own files, never the app's DATABASE_PATH.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "../app/auth/password.server";
import { searchTerms } from "../app/companies/name-folding";
import { isValidUscc } from "../app/companies/uscc";
import { SIGNED_INDEX, STAGES } from "../app/projects/stages";
import { GENERATED_TABLES, generateLargeDataSet, NOMINAL_COUNTS, type LargeDataSetOptions } from "../seeds/large/generate";

const SCALE = 0.002;
const TODAY = "2026-06-30";
/** the first instant after TODAY in Asia/Shanghai */
const END_OF_TODAY = Date.UTC(2026, 6, 1) - 8 * 3_600_000;

/**
 * What the generator writes, compared table by table: all of it but the users (argon2 salts their
 * one password hash afresh each run) and the search index (derived from the companies).
 */
const DATA_TABLES = GENERATED_TABLES.filter((table) => table !== "users" && table !== "companies_fts");

let dir: string;
let files: { first: string; second: string; otherSeed: string };
let db: Database.Database;

function tableHash(file: string, table: string): string {
  const database = new Database(file, { readonly: true });
  try {
    const hash = crypto.createHash("sha256");
    for (const row of database.prepare(`select * from ${table} order by rowid`).raw().iterate()) {
      hash.update(JSON.stringify(row));
      hash.update("\n");
    }
    return hash.digest("hex");
  } finally {
    database.close();
  }
}

const count = (query: string, ...params: unknown[]) => (db.prepare(query).get(...params) as { n: number }).n;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "fdi-large-seed-"));
  files = {
    first: path.join(dir, "first.db"),
    second: path.join(dir, "second", "large.db"),
    otherSeed: path.join(dir, "other-seed.db"),
  };
  const options = (out: string, seed = 7): LargeDataSetOptions => ({ out, scale: SCALE, seed, today: TODAY, log: () => {} });
  await generateLargeDataSet(options(files.first));
  await generateLargeDataSet(options(files.second));
  await generateLargeDataSet(options(files.otherSeed, 8));
  db = new Database(files.first, { readonly: true });
}, 120_000);

afterAll(() => {
  db?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe("large data set generator", () => {
  it("writes only its own file, not the app database", () => {
    expect(fs.existsSync(files.first)).toBe(true);
    expect(path.resolve(process.env.DATABASE_PATH ?? "")).not.toBe(path.resolve(files.first));
  });

  it("gives the same rows for the same seed, scale and today", () => {
    for (const table of DATA_TABLES) {
      expect(tableHash(files.second, table), table).toBe(tableHash(files.first, table));
    }
  });

  it("gives other rows for another seed, so the comparison is not vacuous", () => {
    expect(tableHash(files.otherSeed, "companies")).not.toBe(tableHash(files.first, "companies"));
    expect(tableHash(files.otherSeed, "stage_changes")).not.toBe(tableHash(files.first, "stage_changes"));
    expect(tableHash(files.otherSeed, "status_changes")).not.toBe(tableHash(files.first, "status_changes"));
  });

  it("scales the nominal counts", () => {
    for (const [table, nominal] of Object.entries(NOMINAL_COUNTS)) {
      const rows = count(`select count(*) as n from ${table}`);
      expect(Math.abs(rows - nominal * SCALE), `${table}: ${rows}`).toBeLessThanOrEqual(1);
    }
    expect(count("select count(*) as n from companies_fts")).toBe(count("select count(*) as n from companies"));
  });

  it("has the standard accounts, all signing in with the demo password", async () => {
    const users = db
      .prepare("select u.username, u.role, n.name as unit, u.password_hash as hash from users u join units n on n.id = u.unit_id")
      .all() as Array<{
      username: string;
      role: string;
      unit: string;
      hash: string;
    }>;
    const byName = new Map(users.map((u) => [u.username, u]));
    expect(users.length).toBeGreaterThanOrEqual(55);
    expect(byName.get("admin")?.role).toBe("admin");
    expect(byName.get("leader")?.role).toBe("leader");
    expect(byName.get("officer")?.role).toBe("officer");
    expect(byName.get("officer2")).toMatchObject({ role: "officer", unit: "平湖经济技术开发区" });
    expect(byName.get("staff")?.role).toBe("staff");
    expect(new Set(users.map((u) => u.hash)).size).toBe(1);
    expect(await verifyPassword(users[0].hash, "demo1234")).toBe(true);
    const roles = (role: string) => users.filter((u) => u.role === role).length;
    expect(roles("leader")).toBe(5);
    expect(roles("staff")).toBe(5);
    expect(roles("admin")).toBe(2);
    expect(new Set(users.filter((u) => u.role === "officer").map((u) => u.unit)).size).toBe(11);
  });

  it("starts every project's log as 线索 and ends it at the project's stage", () => {
    expect(
      count("select count(*) as n from projects p where (select count(*) from stage_changes s where s.project_id = p.id and s.from_stage is null) != 1"),
    ).toBe(0);
    expect(
      count(`select count(*) as n from projects p where (select to_stage from stage_changes s where s.project_id = p.id order by occurred_on, id limit 1) != 'lead'
               or (select from_stage from stage_changes s where s.project_id = p.id order by occurred_on, id limit 1) is not null`),
    ).toBe(0);
    expect(
      count(
        "select count(*) as n from projects p where p.stage != (select to_stage from stage_changes s where s.project_id = p.id order by occurred_on desc, id desc limit 1)",
      ),
    ).toBe(0);
    // each row continues from the previous one
    expect(
      count(`select count(*) as n from stage_changes s where s.from_stage is not null and s.from_stage !=
               (select to_stage from stage_changes b where b.project_id = s.project_id and b.id < s.id order by b.id desc limit 1)`),
    ).toBe(0);
  });

  it("logs every project's status: 进行中 on the 线索日期, chronological, ending at the project's status", () => {
    // one entry row per project, on the stage log's entry date
    expect(
      count(`select count(*) as n from projects p where (select count(*) from status_changes s where s.project_id = p.id and s.from_status is null) != 1`),
    ).toBe(0);
    expect(
      count(`select count(*) as n from status_changes s join stage_changes e on e.project_id = s.project_id and e.from_stage is null
               where s.from_status is null and (s.to_status != 'active' or s.occurred_on != e.occurred_on)`),
    ).toBe(0);
    // the latest rows of both logs (by 发生日期, then id) are the project's status and stage
    expect(
      count(
        "select count(*) as n from projects p where p.status != (select to_status from status_changes s where s.project_id = p.id order by occurred_on desc, id desc limit 1)",
      ),
    ).toBe(0);
    expect(
      count(
        "select count(*) as n from projects p where p.stage != (select to_stage from stage_changes s where s.project_id = p.id order by occurred_on desc, id desc limit 1)",
      ),
    ).toBe(0);
    // chronological: each row continues from the one written before it, never dated earlier
    expect(
      count(`select count(*) as n from status_changes s join status_changes b on b.id = (
               select max(id) from status_changes x where x.project_id = s.project_id and x.id < s.id)
             where s.from_status is null or s.from_status != b.to_status or s.occurred_on < b.occurred_on or s.to_status = s.from_status`),
    ).toBe(0);
    // a status other than 进行中 was reached on or after the last stage change, with the project's reason and 流失去向
    expect(
      count(`select count(*) as n from projects p join status_changes s on s.id = (
               select id from status_changes x where x.project_id = p.id order by occurred_on desc, id desc limit 1)
             where p.status != 'active' and (s.from_status is null or s.occurred_on < (select max(occurred_on) from stage_changes c where c.project_id = p.id)
               or s.reason is not p.status_reason or s.lost_to is not p.lost_to)`),
    ).toBe(0);
    expect(
      count("select count(*) as n from projects p where p.status != 'active' and (select count(*) from status_changes s where s.project_id = p.id) < 2"),
    ).toBe(0);
    // some took a detour (暂缓 first), some active ones were paused and resumed
    expect(
      count(
        "select count(*) as n from projects p where p.status not in ('active', 'on_hold') and (select count(*) from status_changes s where s.project_id = p.id) = 3",
      ),
    ).toBeGreaterThan(0);
    expect(
      count("select count(*) as n from projects p where p.status = 'active' and (select count(*) from status_changes s where s.project_id = p.id) = 3"),
    ).toBeGreaterThan(0);
  });

  it("dates 甄别 on or after the signing, on the day of signing_verified_at, and every 取消", () => {
    expect(count("select count(*) as n from projects where (signing_verified_at is null) != (signing_verified_on is null)")).toBe(0);
    expect(
      count(`select count(*) as n from projects where signing_verified_on is not null
               and (signing_verified_on < signed_on or signing_verified_on != date(signing_verified_at / 1000, 'unixepoch', '+8 hours'))`),
    ).toBe(0);
    expect(count("select count(*) as n from projects where signing_verified_on is not null")).toBeGreaterThan(0);
    expect(count("select count(*) as n from commitments where (status = 'cancelled') != (cancelled_on is not null)")).toBe(0);
    expect(count("select count(*) as n from commitments where cancelled_on < coalesce(committed_on, '')")).toBe(0);
  });

  it("sets signed_on from the first transition reaching 签约 or later, verified only when signed", () => {
    const signedStages = STAGES.slice(SIGNED_INDEX)
      .map((s) => `'${s}'`)
      .join(", ");
    expect(
      count(`select count(*) as n from projects p where coalesce(p.signed_on, '') != coalesce((
               select occurred_on from stage_changes s where s.project_id = p.id and s.from_stage is not null and s.to_stage in (${signedStages})
               order by occurred_on, id limit 1), '')`),
    ).toBe(0);
    expect(count("select count(*) as n from projects where signing_verified_at is not null and (signed_on is null or signing_verified_by is null)")).toBe(0);
    expect(count("select count(*) as n from projects where signed_on is not null")).toBeGreaterThan(0);
  });

  it("dates nothing after today", () => {
    const businessDates: Array<[string, string]> = [
      ["stage_changes", "occurred_on"],
      ["status_changes", "occurred_on"],
      ["activities", "occurred_on"],
      ["projects", "signed_on"],
      ["projects", "signing_verified_on"],
      ["commitments", "cancelled_on"],
      ["projects", "last_activity_on"],
      ["commitments", "committed_on"],
      ["commitments", "fulfilled_on"],
      ["payouts", "paid_on"],
      ["fdi_arrivals", "arrived_on"],
    ];
    for (const [table, column] of businessDates) {
      expect(count(`select count(*) as n from ${table} where ${column} > ?`, TODAY), `${table}.${column}`).toBe(0);
    }
    const instants: Array<[string, string]> = [
      ["stage_changes", "recorded_at"],
      ["status_changes", "recorded_at"],
      ["activities", "created_at"],
      ["projects", "created_at"],
      ["projects", "updated_at"],
      ["projects", "signing_verified_at"],
      ["companies", "created_at"],
      ["companies", "updated_at"],
      ["commitments", "created_at"],
      ["payouts", "created_at"],
      ["fdi_arrivals", "created_at"],
    ];
    for (const [table, column] of instants) {
      expect(count(`select count(*) as n from ${table} where ${column} >= ?`, END_OF_TODAY), `${table}.${column}`).toBe(0);
    }
    expect(count("select count(*) as n from stage_changes where occurred_on < '2021-06-30'")).toBe(0);
  });

  it("keeps each project's records consistent", () => {
    // activities on the project's company, between its lead date and its last activity date
    expect(count("select count(*) as n from activities a join projects p on p.id = a.project_id where a.company_id != p.company_id")).toBe(0);
    expect(
      count(`select count(*) as n from projects p where p.last_activity_on != (select max(occurred_on) from activities a where a.project_id = p.id)`),
    ).toBe(0);
    expect(
      count(
        `select count(*) as n from activities a join stage_changes s on s.project_id = a.project_id and s.from_stage is null where a.occurred_on < s.occurred_on`,
      ),
    ).toBe(0);
    expect(count("select count(*) as n from projects p join users u on u.id = p.owner_id where u.role != 'officer' or u.unit_id != p.unit_id")).toBe(0);
    expect(count("select count(*) as n from projects where contracted_fdi_usd > total_investment_usd")).toBe(0);
    expect(count("select count(*) as n from projects where status = 'lost' and (status_reason is null or lost_to is null)")).toBe(0);
    expect(count("select count(*) as n from projects where status = 'abandoned' and status_reason is null")).toBe(0);
    expect(count("select count(*) as n from commitments c left join policy_clauses k on k.id = c.clause_id where k.id is null")).toBe(0);
    expect(count("select count(*) as n from (select commitment_id from payouts group by 1 having count(*) > 3)")).toBe(0);
    expect(db.prepare("pragma foreign_key_check").all()).toEqual([]);
  });

  it("makes project #1 the one with the most activities", () => {
    const busiest = db.prepare("select project_id as id, count(*) as n from activities group by project_id order by n desc, project_id limit 1").get() as {
      id: number;
      n: number;
    };
    expect(busiest.id).toBe(1);
  });

  it("gives existing investors valid, unique Pinghu USCCs", () => {
    const codes = (db.prepare("select uscc from companies where uscc is not null").all() as Array<{ uscc: string }>).map((r) => r.uscc);
    expect(codes.length).toBe(count("select count(*) as n from companies where is_existing_investor = 1"));
    expect(codes.length).toBeGreaterThan(0);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) {
      expect(code.startsWith("91330482")).toBe(true);
      expect(isValidUscc(code)).toBe(true);
    }
  });

  it("indexes company names: a trigram search returns exactly the LIKE scan of the search text, and every raw-name match", () => {
    const names = db.prepare("select name, foreign_name as foreignName from companies where id in (1, 17, 42, 99, 150) order by id").all() as Array<{
      name: string;
      foreignName: string | null;
    }>;
    const terms = new Set<string>();
    for (const { name, foreignName } of names) {
      terms.add([...name].slice(0, 3).join(""));
      terms.add([...name].slice(2, 5).join(""));
      if (foreignName && /^[\x20-\x7e]+$/.test(foreignName)) terms.add(foreignName.slice(0, 4));
    }
    const fts = db.prepare("select rowid as id from companies_fts where companies_fts match ? order by rowid");
    const like = db.prepare("select id from companies where search_text like ? escape '\\' order by id");
    const rawLike = db.prepare("select id from companies where name like ? escape '\\' or foreign_name like ? escape '\\' order by id");
    const patternOf = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    for (const term of terms) {
      const [folded] = searchTerms(term);
      const expected = (like.all(patternOf(folded)) as Array<{ id: number }>).map((r) => r.id);
      const found = (fts.all(`"${folded.replace(/"/g, '""')}"`) as Array<{ id: number }>).map((r) => r.id);
      expect(expected.length, term).toBeGreaterThan(0);
      expect(found, term).toEqual(expected);
      const raw = (rawLike.all(patternOf(term), patternOf(term)) as Array<{ id: number }>).map((r) => r.id);
      expect(found, term).toEqual(expect.arrayContaining(raw));
    }
  });
});

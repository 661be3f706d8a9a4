import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import { openDatabase, type Db } from "../db/client";
import { activities, commitments, companies, fdiArrivals, payouts, projectMembers, projects, stageChanges, statusChanges, units, users } from "../db/schema";
import { isValidUscc } from "../app/companies/uscc";
import { addDays } from "../app/lib/dates";
import { SIGNED_INDEX, STAGES, STATUSES, stageIndex, type Stage } from "../app/projects/stages";
import { seedDemo } from "../seeds/demo";
import { seedReference } from "../seeds/reference";

const TODAY = "2026-06-15";

let dir: string;
let db: Db;

function tableCounts(database: Db): Record<string, number> {
  const client = database.$client;
  const tables = client.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").all() as Array<{
    name: string;
  }>;
  return Object.fromEntries(tables.map(({ name }) => [name, (client.prepare(`select count(*) as n from "${name}"`).get() as { n: number }).n]));
}

async function seededDatabase(file: string): Promise<Db> {
  const database = openDatabase(file);
  seedReference(database);
  await seedDemo(database, { today: TODAY });
  return database;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "fdi-seeds-"));
  db = await seededDatabase(path.join(dir, "seed.db"));
});

afterAll(() => {
  db?.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("demo and reference seeds", () => {
  it("creates companies from the county's usual source countries and regions", () => {
    const rows = db.select({ country: companies.country, uscc: companies.uscc, description: companies.description }).from(companies).all();
    expect(rows.length).toBeGreaterThanOrEqual(30);
    const countries = new Set(rows.map((row) => row.country));
    for (const code of ["JP", "DE", "KR", "HK", "TW", "US"]) expect(countries).toContain(code);
    expect(["FR", "IT", "NL", "CH", "GB", "AT", "BE", "SE", "ES"].some((code) => countries.has(code))).toBe(true);
    for (const row of rows) expect(row.description).toMatch(/^【演示数据】/);

    const usccs = rows.flatMap((row) => (row.uscc ? [row.uscc] : []));
    expect(usccs.length).toBeGreaterThan(0);
    for (const uscc of usccs) expect(isValidUscc(uscc), uscc).toBe(true);
    expect(new Set(usccs).size).toBe(usccs.length);
  });

  it("covers every stage and every status with a consistent stage log", () => {
    const all = db.select().from(projects).all();
    expect(all.length).toBeGreaterThanOrEqual(40);
    expect(new Set(all.map((p) => p.stage))).toEqual(new Set(STAGES));
    expect(new Set(all.map((p) => p.status))).toEqual(new Set(STATUSES));

    for (const project of all) {
      const log = db.select().from(stageChanges).where(eq(stageChanges.projectId, project.id)).orderBy(asc(stageChanges.id)).all();
      expect(log.length, project.name).toBeGreaterThan(0);
      expect(log[0].fromStage).toBeNull();
      expect(log[0].toStage).toBe("lead");
      const leadOn = log[0].occurredOn;
      expect(leadOn >= addDays(TODAY, -548), project.name).toBe(true);

      for (let i = 0; i < log.length; i++) {
        const change = log[i];
        expect(change.occurredOn <= TODAY, project.name).toBe(true);
        expect(change.occurredOn >= leadOn, project.name).toBe(true);
        if (i > 0) {
          expect(change.fromStage).toBe(log[i - 1].toStage);
          expect(change.occurredOn > log[i - 1].occurredOn, project.name).toBe(true);
          if (stageIndex(change.toStage as Stage) < stageIndex(change.fromStage as Stage)) {
            expect(change.note?.trim(), `backward move of ${project.name} needs a note`).toBeTruthy();
          }
        }
      }
      expect(project.stage).toBe(log[log.length - 1].toStage);

      const signing = log.find((change) => stageIndex(change.toStage as Stage) >= SIGNED_INDEX);
      expect(project.signedOn, project.name).toBe(signing?.occurredOn ?? null);
      if (project.signingVerifiedAt !== null) expect(project.signedOn).not.toBeNull();
    }

    const backward = db
      .select()
      .from(stageChanges)
      .all()
      .filter((change) => change.fromStage && stageIndex(change.toStage as Stage) < stageIndex(change.fromStage as Stage));
    expect(backward.length).toBeGreaterThanOrEqual(1);
  });

  it("logs every project's status like its stage: the latest entries of both logs are the project's stage and status", () => {
    const all = db.select().from(projects).all();
    let changed = 0;
    let throughAnother = 0;
    let resumed = 0;
    for (const project of all) {
      const stages = db
        .select()
        .from(stageChanges)
        .where(eq(stageChanges.projectId, project.id))
        .orderBy(asc(stageChanges.occurredOn), asc(stageChanges.id))
        .all();
      const log = db
        .select()
        .from(statusChanges)
        .where(eq(statusChanges.projectId, project.id))
        .orderBy(asc(statusChanges.occurredOn), asc(statusChanges.id))
        .all();
      // the entry: 进行中 on the 线索日期, the stage log's entry date
      expect(log[0], project.name).toMatchObject({ fromStatus: null, toStatus: "active", occurredOn: stages[0].occurredOn });
      expect(log.filter((row) => row.fromStatus === null)).toHaveLength(1);
      // chronological: in the order written, each row continues from the previous one, never earlier
      const byId = [...log].sort((a, b) => a.id - b.id);
      expect(
        byId.map((row) => row.id),
        project.name,
      ).toEqual(log.map((row) => row.id));
      for (let i = 1; i < log.length; i++) {
        expect(log[i].fromStatus, project.name).toBe(log[i - 1].toStatus);
        expect(log[i].toStatus, project.name).not.toBe(log[i].fromStatus);
        expect(log[i].occurredOn >= log[i - 1].occurredOn && log[i].occurredOn <= TODAY, project.name).toBe(true);
        expect(log[i].recordedAt, project.name).toBeGreaterThan(log[i - 1].recordedAt);
      }
      const latest = log[log.length - 1];
      expect(project.status, project.name).toBe(latest.toStatus);
      expect(project.stage, project.name).toBe(stages[stages.length - 1].toStage);
      if (project.status !== "active") {
        // reached on or after the last stage change, with the project's reason and 流失去向
        expect(latest.occurredOn >= stages[stages.length - 1].occurredOn, project.name).toBe(true);
        expect(latest.occurredOn, project.name).toBe(project.lastActivityOn);
        expect(latest.reason, project.name).toBe(project.statusReason);
        expect(latest.lostTo, project.name).toBe(project.lostTo);
        changed++;
        if (log.length > 2) throughAnother++;
      } else if (log.length > 1) {
        // paused and resumed between two stage changes
        expect(log).toHaveLength(3);
        expect(log[1].reason?.trim(), project.name).toBeTruthy();
        expect(
          stages.some((s, i) => i > 0 && s.occurredOn > log[2].occurredOn && stages[i - 1].occurredOn < log[1].occurredOn),
          project.name,
        ).toBe(true);
        resumed++;
      }
    }
    expect(changed).toBe(all.filter((p) => p.status !== "active").length);
    expect(throughAnother).toBe(2);
    expect(resumed).toBe(1);
  });

  it("dates each 甄别 on or after its signing, on the day of signing_verified_at", () => {
    const signed = db
      .select()
      .from(projects)
      .all()
      .filter((p) => p.signedOn !== null);
    for (const project of signed) {
      if (project.signingVerifiedAt === null) {
        expect(project.signingVerifiedOn, project.name).toBeNull();
        continue;
      }
      const shanghaiDay = new Date(project.signingVerifiedAt + 8 * 3_600_000).toISOString().slice(0, 10);
      expect(project.signingVerifiedOn, project.name).toBe(shanghaiDay);
      expect(project.signingVerifiedOn! >= project.signedOn! && project.signingVerifiedOn! <= TODAY, project.name).toBe(true);
    }
    expect(signed.filter((p) => p.signingVerifiedOn !== null).length).toBeGreaterThanOrEqual(5);
  });

  it("keeps statuses, money and signings plausible", () => {
    const all = db.select().from(projects).all();
    for (const project of all) {
      if (project.status === "lost") {
        expect(project.statusReason?.trim(), project.name).toBeTruthy();
        expect(project.lostTo?.trim(), project.name).toBeTruthy();
      }
      if (project.status === "abandoned") expect(project.statusReason?.trim(), project.name).toBeTruthy();
      expect(project.contractedFdiUsd).toBeLessThanOrEqual(project.totalInvestmentUsd);
      expect(Number.isInteger(project.totalInvestmentUsd)).toBe(true);
      expect(project.isDemo).toBe(true);
    }
    expect(all.filter((p) => p.totalInvestmentUsd >= 100_000_000).length).toBeGreaterThanOrEqual(2);
    const signed = all.filter((p) => p.signedOn !== null);
    expect(signed.filter((p) => p.signingVerifiedAt === null).length).toBeGreaterThanOrEqual(2);
    expect(signed.filter((p) => p.signingVerifiedAt !== null).length).toBeGreaterThanOrEqual(5);
  });

  it("dates activities within each project's life and records the latest as lastActivityOn", () => {
    const all = db.select().from(projects).all();
    let stale = 0;
    for (const project of all) {
      const leadOn = db
        .select({ on: stageChanges.occurredOn })
        .from(stageChanges)
        .where(eq(stageChanges.projectId, project.id))
        .orderBy(asc(stageChanges.id))
        .get()!.on;
      const dates = db
        .select({ on: activities.occurredOn, companyId: activities.companyId })
        .from(activities)
        .where(eq(activities.projectId, project.id))
        .all();
      expect(dates.length, project.name).toBeGreaterThanOrEqual(2);
      expect(dates.length, project.name).toBeLessThanOrEqual(8);
      for (const activity of dates) {
        expect(activity.on >= leadOn && activity.on <= TODAY, project.name).toBe(true);
        expect(activity.companyId).toBe(project.companyId);
      }
      const latest =
        dates
          .map((a) => a.on)
          .sort()
          .at(-1) ?? leadOn;
      expect(project.lastActivityOn, project.name).toBe(latest);
      if (project.status === "active" && project.lastActivityOn < addDays(TODAY, -60)) stale++;
    }
    expect(stale).toBeGreaterThanOrEqual(3);
    expect(all.some((p) => p.status === "active" && p.nextFollowUpOn !== null && p.nextFollowUpOn < TODAY)).toBe(true);
  });

  it("records arrivals only after verified signings, and an overdue commitment", () => {
    const byId = new Map(
      db
        .select()
        .from(projects)
        .all()
        .map((p) => [p.id, p]),
    );
    const arrivals = db.select().from(fdiArrivals).all();
    expect(arrivals.length).toBeGreaterThan(0);
    for (const arrival of arrivals) {
      const project = byId.get(arrival.projectId)!;
      expect(project.signingVerifiedAt).not.toBeNull();
      expect(arrival.arrivedOn > project.signedOn!).toBe(true);
      expect(arrival.arrivedOn <= TODAY).toBe(true);
    }

    const paid = new Set(
      db
        .select({ id: payouts.commitmentId })
        .from(payouts)
        .all()
        .map((row) => row.id),
    );
    const overdue = db
      .select()
      .from(commitments)
      .all()
      .filter((c) => (c.status === "committed" || c.status === "conditions_met") && c.dueOn < TODAY && !paid.has(c.id));
    expect(overdue.length).toBeGreaterThanOrEqual(1);
  });

  it("makes the central officer a member of a development-zone project", () => {
    const officer = db.select().from(users).where(eq(users.username, "officer")).get()!;
    const officer2 = db.select().from(users).where(eq(users.username, "officer2")).get()!;
    const zone = db.select().from(units).where(eq(units.name, "平湖经济技术开发区")).get()!;
    expect(officer2.unitId).toBe(zone.id);
    const memberOf = db
      .select({ ownerId: projects.ownerId, unitId: projects.unitId })
      .from(projectMembers)
      .innerJoin(projects, eq(projects.id, projectMembers.projectId))
      .where(eq(projectMembers.userId, officer.id))
      .all();
    expect(memberOf.some((p) => p.ownerId === officer2.id && p.unitId === zone.id)).toBe(true);
  });

  it("adds nothing when run again", async () => {
    const before = tableCounts(db);
    seedReference(db);
    await seedDemo(db, { today: TODAY });
    expect(tableCounts(db)).toEqual(before);
  });

  it("is deterministic for a given today", async () => {
    const other = await seededDatabase(path.join(dir, "again.db"));
    try {
      const pick = (database: Db) =>
        database
          .select({
            name: projects.name,
            stage: projects.stage,
            signedOn: projects.signedOn,
            lastActivityOn: projects.lastActivityOn,
            contracted: projects.contractedFdiUsd,
            nextFollowUpOn: projects.nextFollowUpOn,
          })
          .from(projects)
          .orderBy(asc(projects.id))
          .all();
      expect(pick(other)).toEqual(pick(db));
      const statusLog = (database: Db) => database.select().from(statusChanges).orderBy(asc(statusChanges.id)).all();
      expect(statusLog(other)).toEqual(statusLog(db));
    } finally {
      other.$client.close();
    }
  });
});

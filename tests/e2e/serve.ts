/**
 * Starts the production build for end-to-end tests on a fresh database with the demo data.
 */
import fs from "node:fs";
import path from "node:path";
import { databasePathFromEnv, openDatabase } from "../../db/client";
import { seedDemo } from "../../seeds/demo";
import { seedReference } from "../../seeds/reference";

const file = databasePathFromEnv();
fs.rmSync(path.dirname(file), { recursive: true, force: true });
const db = openDatabase(file);
seedReference(db);
await seedDemo(db);
db.$client.close();

await import("../../server");

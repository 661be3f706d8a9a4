/**
 * Starts the production build for end-to-end tests on a fresh database with the demo data.
 *
 * The server runs a copy of the build taken at start (tests/e2e/.output/app-<port>): a `npm run build`
 * in the same work tree during the run would otherwise replace public/build under the open pages,
 * their route modules would answer 404 and Remix would reload the page instead of navigating.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { databasePathFromEnv, openDatabase } from "../../db/client";
import { seedDemo } from "../../seeds/demo";
import { seedReference } from "../../seeds/reference";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const app = path.join(root, `tests/e2e/.output/app-${process.env.PORT ?? 3000}`);

/** Copies the server and client builds; true when every client file the server build names was copied. */
function copyBuild(): boolean {
  fs.rmSync(app, { recursive: true, force: true });
  fs.mkdirSync(app, { recursive: true });
  fs.cpSync(path.join(root, "build"), path.join(app, "build"), { recursive: true });
  fs.cpSync(path.join(root, "public"), path.join(app, "public"), { recursive: true });
  fs.copyFileSync(path.join(root, "server.ts"), path.join(app, "server.ts"));
  // server.ts imports ./db, and the server build finds the migrations beside its own folder
  for (const dir of ["db", "migrations"]) fs.symlinkSync(path.join(root, dir), path.join(app, dir), "dir");
  const serverBuild = fs.readFileSync(path.join(app, "build/index.js"), "utf8");
  const named = new Set([...serverBuild.matchAll(/"(\/build\/[^"]+\.(?:js|css))"/g)].map((match) => match[1]!));
  return named.size > 0 && [...named].every((file) => fs.existsSync(path.join(app, "public", file)));
}

// a build being written while it is copied leaves files missing: copy again once it has finished
let complete = copyBuild();
for (let attempt = 1; !complete && attempt < 10; attempt++) {
  await new Promise((resolve) => setTimeout(resolve, 3000));
  complete = copyBuild();
}
if (!complete) throw new Error("build/ names client files that public/build does not hold: run `npm run build` again");

const file = databasePathFromEnv();
fs.rmSync(path.dirname(file), { recursive: true, force: true });
const db = openDatabase(file);
seedReference(db);
await seedDemo(db);
db.$client.close();

await import(path.join(app, "server.ts"));

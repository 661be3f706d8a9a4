/**
 * `npm run seed:large`: the scale data set of DESIGN.md §9 — 100,000 companies, 50,000 projects,
 * 1,000,000 activities, 200,000 stage-log rows, 20,000 commitments, five years of history — written
 * into its own SQLite file (never the app's database) for the benchmark.
 *
 *   npm run seed:large -- [--out data/large.db] [--scale 1] [--seed 1] [--today YYYY-MM-DD]
 *
 * --out is the file to (re)write, data/large.db by default. Every count is multiplied by --scale.
 * The same seed, scale and today give the same rows. Companies and projects are fictional and
 * flagged is_demo; policy clauses are marked 【示例】. The generator is large/generate.ts, its word
 * lists large/words.ts.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generateLargeDataSet, type LargeDataSetOptions } from "./large/generate";

function parseArgs(argv: string[]): LargeDataSetOptions {
  const value = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    if (i < 0) return undefined;
    const v = argv[i + 1];
    if (v === undefined || v.startsWith("--")) throw new Error(`--${name} needs a value`);
    return v;
  };
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const scale = value("scale");
  const seed = value("seed");
  return {
    out: path.resolve(value("out") ?? path.join(root, "data", "large.db")),
    scale: scale === undefined ? 1 : Number(scale),
    seed: seed === undefined ? 1 : Number(seed),
    today: value("today"),
  };
}

generateLargeDataSet(parseArgs(process.argv.slice(2))).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

import fs from "node:fs";
import { defineConfig } from "@playwright/test";
import { E2E_PORT as PORT } from "./support";

const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((file) => fs.existsSync(file));

export default defineConfig({
  testDir: ".",
  outputDir: `.output/results-${PORT}`,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: systemChromium,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [
    // signs the demo users in once and stores their sessions (support.ts sessionOf)
    { name: "setup", testMatch: /auth\.setup\.ts$/, use: { browserName: "chromium" } },
    { name: "chromium", testMatch: /\.spec\.ts$/, dependencies: ["setup"], use: { browserName: "chromium" } },
  ],
  webServer: {
    command: "node --import tsx tests/e2e/serve.ts",
    cwd: "../..",
    url: `http://localhost:${PORT}/login`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: { NODE_ENV: "production", PORT: String(PORT), DATABASE_PATH: `tests/e2e/.output/db-${PORT}/e2e.db`, HOST: "127.0.0.1" },
  },
});

/**
 * The production HTTP server: static assets, security headers (CSP with a per-request nonce),
 * refusal of cross-origin writes, and the Remix request handler. Migrations run when the app
 * first opens the database; `npm run setup` seeds reference and demo data before start.
 */
import crypto from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
// the adapter's own request and response conversions, so that the answer can wait for the disk in between
import { createRemixRequest, sendRemixResponse } from "@remix-run/express/dist/server.js";
import { createRequestHandler as createRemixRequestHandler, type ServerBuild } from "@remix-run/node";
import express, { type NextFunction, type Request, type Response } from "express";
import { databasePathFromEnv } from "./db/client";
import { commitsOnDisk } from "./db/durable-commits";
import { checkStorage } from "./db/preflight";
import { writeServerPid } from "./db/server-pid";

// The server renders the production build; React's development checks would slow every page.
process.env.NODE_ENV ??= "production";

const root = path.dirname(fileURLToPath(import.meta.url));
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";

// A server that cannot write its database or files would fail everyone at their first save:
// refuse to start, naming the path and what to do (DESIGN.md §9 Operations).
const databasePath = databasePathFromEnv();
const storageProblems = checkStorage(databasePath);
if (storageProblems.length > 0) {
  for (const problem of storageProblems) console.error(problem.message);
  console.error("服务器未启动。");
  process.exit(1);
}
// `npm run restore` refuses while this file names a live process; removed on any orderly exit.
process.on("exit", writeServerPid(databasePath));

const app = express();
app.disable("x-powered-by");
/**
 * Behind a reverse proxy, TRUST_PROXY names the proxies whose X-Forwarded-For is believed (e.g.
 * "loopback" or "10.0.0.5"); without it the socket's address is the client's, so a forged header
 * cannot dodge the sign-in limits (DESIGN.md §9).
 */
if (process.env.TRUST_PROXY) app.set("trust proxy", process.env.TRUST_PROXY);

app.use((_req: Request, res: Response, next: NextFunction) => {
  res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
  res.setHeader(
    "Content-Security-Policy",
    [
      "default-src 'self'",
      `script-src 'self' 'nonce-${res.locals.cspNonce}'`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "connect-src 'self'",
      "form-action 'self'",
      "base-uri 'self'",
      "frame-ancestors 'none'",
      "object-src 'none'",
    ].join("; "),
  );
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Referrer-Policy", "same-origin");
  next();
});

/** The host an Origin header names, or null when it names none ("null", "xyz", "http://"). */
function originHost(origin: string): string | null {
  try {
    return new URL(origin).host || null;
  } catch {
    return null;
  }
}

/** Form posts are capped before anything reads them (DESIGN.md §9): 1 MB, or 20 MB for a file upload. */
const FORM_LIMIT = 1024 * 1024;
const UPLOAD_LIMIT = 20 * 1024 * 1024 + 64 * 1024;

/** Non-GET requests must come from this site (DESIGN.md §9), and carry a body of a size we accept. */
app.use((req: Request, res: Response, next: NextFunction) => {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
  const origin = req.get("origin");
  const fetchSite = req.get("sec-fetch-site");
  const sameOrigin = origin ? originHost(origin) === req.get("host") : fetchSite !== "cross-site";
  if (!sameOrigin) {
    res.status(403).type("text/plain; charset=utf-8").send("拒绝来自其他站点的请求");
    return;
  }
  const limit = (req.get("content-type") ?? "").startsWith("multipart/form-data") ? UPLOAD_LIMIT : FORM_LIMIT;
  const length = Number(req.get("content-length") ?? 0);
  if (req.get("transfer-encoding") && !req.get("content-length")) {
    res.status(411).type("text/plain; charset=utf-8").send("请求缺少长度信息");
    return;
  }
  if (length > limit) {
    res
      .status(413)
      .type("text/plain; charset=utf-8")
      .send(limit === FORM_LIMIT ? "提交的内容过大（上限 1 MB）" : "上传的文件过大（上限 20 MB）");
    return;
  }
  next();
});

app.use("/build", express.static(path.join(root, "public/build"), { immutable: true, maxAge: "1y" }));
app.use(express.static(path.join(root, "public"), { maxAge: "1h" }));

/**
 * Pages and their data are never kept by the browser or a proxy: after 退出登录, Back must not show
 * the previous user's page (static files above keep their own caching). HSTS when served over HTTPS.
 */
app.use((_req: Request, res: Response, next: NextFunction) => {
  res.setHeader("Cache-Control", "no-store");
  if (process.env.COOKIE_SECURE === "1") res.setHeader("Strict-Transport-Security", "max-age=31536000");
  next();
});

const build = (await import(path.join(root, "build/index.js"))) as ServerBuild;
const handleRemixRequest = createRemixRequestHandler(build, build.mode);

/** When the WAL cannot be synced, the save is in the database file's log but may not survive a power cut. */
const NOT_ON_DISK_MESSAGE = "写入磁盘出错，刚才的操作可能未保存，请联系系统管理员";

app.all("*", async (req: Request, res: Response, next: NextFunction) => {
  try {
    const loadContext = { cspNonce: res.locals.cspNonce, clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown" };
    const response = await handleRemixRequest(createRemixRequest(req, res), loadContext);
    // no answer leaves before the saves it reports are on disk (decision 0011); reads meanwhile go on
    try {
      await commitsOnDisk();
    } catch (error) {
      console.error(error);
      res.status(503).type("text/plain; charset=utf-8").send(NOT_ON_DISK_MESSAGE);
      return;
    }
    await sendRemixResponse(res, response);
  } catch (error) {
    next(error);
  }
});

const server = app.listen(port, host, () => {
  console.log(`招商引资管理系统 listening on http://localhost:${port}`);
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}

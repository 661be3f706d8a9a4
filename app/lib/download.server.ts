/**
 * Serving a stored file as a download: the name survives in any language (RFC 6266 / RFC 5987
 * `filename*`), the browser never guesses the type nor shows it inline, and nothing is cached.
 */
import fs from "node:fs";
import { createReadableStreamFromReadable } from "@remix-run/node";

/** Percent-encodes everything outside RFC 5987's attr-char (encodeURIComponent leaves ' ( ) * ! alone). */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*!]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * `attachment; filename="…"; filename*=UTF-8''…`: the plain `filename` is an ASCII stand-in for old
 * clients (the extension kept), `filename*` the real name.
 */
export function contentDisposition(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  const extension = dot > 0 && /^\.[A-Za-z0-9]{1,8}$/.test(fileName.slice(dot)) ? fileName.slice(dot) : "";
  const asciiBase = (extension ? fileName.slice(0, dot) : fileName).replace(/[^\x20-\x7E]|["\\%;]/g, "_");
  const fallback = /[A-Za-z0-9]/.test(asciiBase) ? `${asciiBase}${extension}` : `download${extension}`;
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}

/** The response streaming a file from disk as a download of `mediaType`. */
export function fileDownloadResponse(file: { path: string; fileName: string; mediaType: string }): Response {
  const size = fs.statSync(file.path).size;
  return new Response(createReadableStreamFromReadable(fs.createReadStream(file.path)), {
    headers: {
      "Content-Type": file.mediaType,
      "Content-Length": String(size),
      "Content-Disposition": contentDisposition(file.fileName),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}

/**
 * Reads every XML part of an Office file (.docx, .xlsx) the way a strict consumer would: bytes that
 * are not UTF-8, a character XML 1.0 forbids, or anything a real XML parser (saxes) refuses is a
 * problem, reported with the part's name.
 */
import JSZip from "jszip";
import { SaxesParser } from "saxes";

/** Every character XML 1.0 does not allow, and a surrogate left alone. */
// eslint-disable-next-line no-control-regex -- the characters XML 1.0 forbids, control characters among them
export const FORBIDDEN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export interface XmlParts {
  /** the text of each XML part, by name */
  parts: Record<string, string>;
  /** `name: what is wrong` for each part that fails; empty when all parse */
  problems: string[];
}

export async function readXmlParts(file: Buffer | Uint8Array): Promise<XmlParts> {
  const zip = await JSZip.loadAsync(file);
  const parts: Record<string, string> = {};
  const problems: string[] = [];
  for (const name of Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n))) {
    let text: string;
    try {
      // bytes that are not UTF-8 fail here; a lone surrogate written as UTF-8 would too
      text = new TextDecoder("utf-8", { fatal: true }).decode(await zip.file(name)!.async("uint8array"));
    } catch (error) {
      problems.push(`${name}: not UTF-8 (${(error as Error).message})`);
      continue;
    }
    if (FORBIDDEN_XML.test(text)) problems.push(`${name}: holds a character XML forbids`);
    const parser = new SaxesParser({ xmlns: true });
    let problem: string | null = null;
    parser.on("error", (error) => {
      problem ??= error.message;
    });
    try {
      parser.write(text).close();
    } catch (error) {
      problem ??= (error as Error).message;
    }
    if (problem) problems.push(`${name}: ${problem}`);
    parts[name] = text;
  }
  return { parts, problems };
}

/** The same file with one part's text replaced (to show a check catches what it should). */
export async function withPart(file: Buffer, name: string, edit: (text: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(file);
  zip.file(name, edit(await zip.file(name)!.async("string")));
  return zip.generateAsync({ type: "nodebuffer" });
}

/**
 * 附件 (DESIGN.md §11) on a real migrated SQLite file and a real files folder beside it: the type
 * decided by content, the 20 MB limit, storage by hash (one file for two uploads of the same bytes),
 * who may read and who may attach (§3), soft delete and 回收站, the audit trail, and the routes
 * (upload, download headers, delete) as a browser uses them.
 *
 * A refused upload writes nothing: no row, no audit entry, no file. Every check runs before the
 * first byte is written; when the row itself cannot be written, the file just created is removed.
 */
import fs from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { listDeletedRecords, restoreRecord } from "../app/admin/recycle-bin.server";
import { arrivalSchema } from "../app/arrivals/arrival.schema";
import { recordArrival } from "../app/arrivals/arrivals.server";
import {
  AttachmentRefusal,
  MAX_ATTACHMENT_BYTES,
  readAttachmentOutcome,
  withAttachmentOutcome,
  type AttachmentEntityType,
  type AttachmentProblem,
} from "../app/attachments/attachment-kinds";
import { mayAttach } from "../app/attachments/attachment-rules";
import {
  attachmentFilePath,
  cleanFileName,
  deleteAttachment,
  getArrivalEvidence,
  getPayoutEvidence,
  listAttachments,
  mayAttachTo,
  openAttachment,
  restoreAttachment,
  storeAttachment,
} from "../app/attachments/attachments.server";
import { sniffAttachment } from "../app/attachments/sniff.server";
import type { Actor, Role } from "../app/auth/permissions";
import { startSession } from "../app/auth/session.server";
import { commitmentSchema, payoutSchema } from "../app/commitments/commitment.schema";
import { commitCommitment, proposeCommitment, recordPayout } from "../app/commitments/commitments.server";
import { db, t } from "../app/db.server";
import { contentDisposition, fileDownloadResponse } from "../app/lib/download.server";
import { ConflictError, ForbiddenError, NotFoundError } from "../app/lib/errors";
import { moveProjectToStage, verifySigning } from "../app/projects/projects.server";
import { loader as downloadRoute } from "../app/routes/attachments.$id";
import { action as deleteRoute } from "../app/routes/attachments_.$id.delete";
import { action as uploadRoute } from "../app/routes/attachments";
import { makeCompany, makeProject, makeUnit, makeUser, projectRow } from "./support/builders";

// ── sample files, as small as each format allows ───────────────────────────

const b64 = (text: string) => Buffer.from(text, "base64");
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n",
  "latin1",
);
const PNG = b64("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9]);
const GIF = b64("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");
const WEBP = b64("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");
const TIFF = Buffer.from([0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]);

function bmp(): Buffer {
  const file = Buffer.alloc(58);
  file.write("BM", 0, "latin1");
  file.writeUInt32LE(58, 2);
  file.writeUInt32LE(54, 10);
  file.writeUInt32LE(40, 14); // BITMAPINFOHEADER
  file.writeInt32LE(1, 18);
  file.writeInt32LE(1, 22);
  file.writeUInt16LE(1, 26);
  file.writeUInt16LE(24, 28);
  file.writeUInt32LE(4, 34);
  file.writeUInt32LE(2835, 38);
  file.writeUInt32LE(2835, 42);
  return file;
}

async function zip(files: Record<string, string>): Promise<Buffer> {
  const archive = new JSZip();
  for (const [name, content] of Object.entries(files)) archive.file(name, content);
  return archive.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

const CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const docx = () => zip({ "[Content_Types].xml": CONTENT_TYPES, "word/document.xml": "<w:document/>" });
const xlsx = () => zip({ "[Content_Types].xml": CONTENT_TYPES, "xl/workbook.xml": "<workbook/>", "xl/worksheets/sheet1.xml": "<worksheet/>" });
const ofd = () => zip({ "OFD.xml": '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0"/>', "Doc_0/Document.xml": "<ofd:Document/>" });

/** An OLE compound file whose directory names these streams (UTF-16LE, as the format stores them). */
function ole(...streams: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  const directory = Buffer.alloc(512);
  Buffer.from("Root Entry\0", "utf16le").copy(directory);
  streams.forEach((name, i) => Buffer.from(`${name}\0`, "utf16le").copy(directory, (i + 1) * 128));
  return Buffer.concat([header, directory]);
}

const EXE = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "latin1"), Buffer.alloc(56), Buffer.from("PE\0\0", "latin1")]);
const HTML = Buffer.from("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>");
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
const TEXT = Buffer.from("平湖市招商引资合同（文本）");

// ── the records ───────────────────────────────────────────────────────────

let officer: Actor;
let colleague: Actor;
let outsider: Actor;
let leader: Actor;
let staff: Actor;
let admin: Actor;
/** P: officer's project (投资促进中心), signed and verified, with arrival A, commitment C and payout Y */
let P: number;
let A: number;
let C: number;
let Y: number;

const filesDir = () => path.join(path.dirname(process.env.DATABASE_PATH!), "files");

function storedFiles(): string[] {
  if (!fs.existsSync(filesDir())) return [];
  return (fs.readdirSync(filesDir(), { recursive: true }) as string[]).filter((name) => fs.statSync(path.join(filesDir(), name)).isFile()).sort();
}

const attachmentRows = () => db().select().from(t.attachments).all();
const attachmentAudit = (id?: number) =>
  db()
    .select()
    .from(t.auditLog)
    .where(and(eq(t.auditLog.entityType, "attachment"), id === undefined ? undefined : eq(t.auditLog.entityId, id)))
    .orderBy(t.auditLog.id)
    .all();
const snapshot = () => ({ rows: attachmentRows().length, audit: attachmentAudit().length, files: storedFiles() });
const rowOf = (id: number) => db().select().from(t.attachments).where(eq(t.attachments.id, id)).get()!;

function upload(actor: Actor, entityType: AttachmentEntityType, entityId: number, name: string, bytes: Buffer, category?: string) {
  const fallback = { project: "signing_agreement", commitment: "payout_proof", payout: "payout_proof", fdi_arrival: "fx_receipt" }[entityType];
  return storeAttachment({ actor, entityType, entityId, category: category ?? fallback, file: { name, bytes } });
}

/** The refusal code an upload ends with (fails the test when it is stored or refused otherwise). */
async function refusalOf(run: Promise<unknown>): Promise<AttachmentProblem> {
  try {
    await run;
  } catch (error) {
    expect(error).toBeInstanceOf(AttachmentRefusal);
    return (error as AttachmentRefusal).code;
  }
  throw new Error("expected the upload to be refused");
}

/** Distinct PDF bytes (so a test's file is not already stored by another test). */
const uniquePdf = (label: string) => Buffer.concat([PDF, Buffer.from(`% ${label} ${Math.random()}\n`)]);

beforeAll(() => {
  const center = makeUnit("投资促进中心");
  const zone = makeUnit("独山港经济开发区");
  officer = makeUser("officer", center);
  colleague = makeUser("officer", center);
  outsider = makeUser("officer", zone);
  leader = makeUser("leader", center);
  staff = makeUser("staff", center);
  admin = makeUser("admin", center);
  P = makeProject(officer, { companyId: makeCompany(officer) });
  moveProjectToStage({ actor: officer, projectId: P, toStage: "signed", occurredOn: "2026-01-15", note: null, version: projectRow(P).version });
  verifySigning({ actor: leader, projectId: P, version: projectRow(P).version });
  A = recordArrival({ actor: staff, projectId: P, data: arrivalSchema.parse({ arrivedOn: "2026-03-01", amountUsd: "100", reference: "" }) });
  const policyId = db()
    .insert(t.policies)
    .values({ title: "关于更大力度吸引和利用外资工作的若干措施", level: "county" })
    .returning({ id: t.policies.id })
    .get().id;
  const clauseId = db()
    .insert(t.policyClauses)
    .values({ policyId, number: "第3条", text: "增资奖励", incentiveType: "增资奖励" })
    .returning({ id: t.policyClauses.id })
    .get().id;
  C = proposeCommitment({
    actor: officer,
    projectId: P,
    data: commitmentSchema.parse({ clauseId: String(clauseId), item: "增资奖励", amountCny: "100", condition: "", dueOn: "2026-12-31" }),
  });
  const commitmentVersion = () => db().select().from(t.commitments).where(eq(t.commitments.id, C)).get()!.version;
  commitCommitment({ actor: leader, commitmentId: C, version: commitmentVersion() });
  Y = recordPayout({
    actor: staff,
    commitmentId: C,
    data: payoutSchema.parse({ amountCny: "10", paidOn: "2026-06-15", reference: "", version: String(commitmentVersion()) }),
  });
});

// ── content ───────────────────────────────────────────────────────────────

describe("the type is decided by content", () => {
  it("accepts PDF, OFD, images, Word, Excel and WPS from their real bytes, with the media type they are served as", async () => {
    const cases: [string, Buffer, string, string][] = [
      ["签约协议.pdf", PDF, "pdf", "application/pdf"],
      ["凭证.ofd", await ofd(), "ofd", "application/ofd"],
      ["营业执照.png", PNG, "png", "image/png"],
      ["现场照片.jpg", JPEG, "jpeg", "image/jpeg"],
      ["动图.gif", GIF, "gif", "image/gif"],
      ["截图.webp", WEBP, "webp", "image/webp"],
      ["扫描.bmp", bmp(), "bmp", "image/bmp"],
      ["传真.tif", TIFF, "tiff", "image/tiff"],
      ["会议纪要.docx", await docx(), "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
      ["台账.xlsx", await xlsx(), "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
      ["旧协议.doc", ole("WordDocument", "1Table"), "doc", "application/msword"],
      ["旧台账.xls", ole("Workbook"), "xls", "application/vnd.ms-excel"],
      ["WPS文字.wps", ole("WordDocument"), "wps", "application/kswps"],
      ["WPS表格.et", ole("Workbook"), "et", "application/kset"],
    ];
    for (const [name, bytes, kind, mediaType] of cases) {
      expect(await sniffAttachment(bytes, name), name).toEqual({ kind, mediaType });
    }
  });

  it("goes by the bytes when the name lies: a PDF named .jpg is a PDF, an Excel file named .doc is Excel", async () => {
    expect(await sniffAttachment(PDF, "扫描件.jpg")).toEqual({ kind: "pdf", mediaType: "application/pdf" });
    expect((await sniffAttachment(ole("Workbook"), "报表.doc")).kind).toBe("xls");
    expect((await sniffAttachment(await docx(), "协议.xlsx")).kind).toBe("docx");
  });

  it("refuses a program, a web page, an SVG, plain text, another archive or an unknown compound file named .pdf or .docx", async () => {
    const refused: [string, Buffer][] = [
      ["协议.pdf", EXE],
      ["协议.pdf", HTML],
      ["协议.pdf", SVG],
      ["协议.pdf", TEXT],
      ["协议.docx", await zip({ "readme.txt": "不是文档", "word.xml": "<w/>" })],
      ["协议.docx", Buffer.concat([Buffer.from("PK\x03\x04", "latin1"), Buffer.alloc(100, 1)])],
      ["安装程序.doc", ole("\u0005SummaryInformation")],
      ["协议.pdf", ole()],
    ];
    for (const [name, bytes] of refused) {
      expect(await refusalOf(sniffAttachment(bytes, name)), bytes.subarray(0, 12).toString("latin1")).toBe("type");
    }
    const refusal = await sniffAttachment(HTML, "协议.pdf").then(
      () => null,
      (error: AttachmentRefusal) => error,
    );
    expect(refusal?.message).toMatch(/只能上传 PDF、OFD、图片.*Word.*Excel.*WPS/);
  });

  it("asks for a password-protected Office file to be saved without its password", async () => {
    expect(await refusalOf(sniffAttachment(ole("EncryptedInfo", "EncryptedPackage"), "协议.docx"))).toBe("encrypted");
  });
});

// ── storing ───────────────────────────────────────────────────────────────

describe("storing", () => {
  it("keeps the bytes once under files/<first two hex>/<sha256>: two uploads of the same file are two rows and one file", async () => {
    const bytes = uniquePdf("去重");
    const before = storedFiles();
    const first = await upload(officer, "project", P, "签约协议.pdf", bytes);
    const stored = fs.statSync(attachmentFilePath(rowOf(first).sha256));
    const second = await upload(staff, "fdi_arrival", A, "到账凭证.pdf", bytes);
    // the second upload finds the bytes there and leaves the file as it was
    expect(fs.statSync(attachmentFilePath(rowOf(first).sha256))).toMatchObject({ ino: stored.ino, mtimeMs: stored.mtimeMs });
    const [one, two] = [rowOf(first), rowOf(second)];
    expect(one.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(two.sha256).toBe(one.sha256);
    expect(attachmentFilePath(one.sha256)).toBe(path.join(filesDir(), one.sha256.slice(0, 2), one.sha256));
    expect(fs.readFileSync(attachmentFilePath(one.sha256)).equals(bytes)).toBe(true);
    // one new file, and no temporary file left behind
    expect(storedFiles()).toEqual([...before, path.join(one.sha256.slice(0, 2), one.sha256)].sort());
    expect(one).toMatchObject({
      entityType: "project",
      entityId: P,
      category: "signing_agreement",
      fileName: "签约协议.pdf",
      mediaType: "application/pdf",
      sizeBytes: bytes.length,
      uploadedBy: officer.id,
      version: 1,
      deletedAt: null,
    });
    expect(two).toMatchObject({ entityType: "fdi_arrival", entityId: A, uploadedBy: staff.id });
    const [audit] = attachmentAudit(first);
    expect(audit).toMatchObject({ action: "create", userId: officer.id });
    expect(audit.changes).toMatchObject({
      fileName: [null, "签约协议.pdf"],
      category: [null, "signing_agreement"],
      entityId: [null, P],
      sha256: [null, one.sha256],
    });
  });

  it("takes up to 20 MB and refuses a byte more, writing nothing", async () => {
    const limit = Buffer.alloc(MAX_ATTACHMENT_BYTES, 0x20);
    PDF.copy(limit);
    limit.write(`% ${Math.random()}`, PDF.length, "latin1");
    const id = await upload(leader, "project", P, "大文件.pdf", limit);
    expect(rowOf(id).sizeBytes).toBe(MAX_ATTACHMENT_BYTES);
    const before = snapshot();
    expect(await refusalOf(upload(leader, "project", P, "太大.pdf", Buffer.concat([limit, Buffer.from(" ")])))).toBe("too_large");
    expect(snapshot()).toEqual(before);
  });

  it("writes nothing for a refused upload: wrong content, no file, an empty file, a category of another record type", async () => {
    const before = snapshot();
    expect(await refusalOf(upload(officer, "project", P, "协议.pdf", HTML))).toBe("type");
    expect(await refusalOf(storeAttachment({ actor: officer, entityType: "project", entityId: P, category: "signing_agreement", file: null }))).toBe("no_file");
    expect(await refusalOf(upload(officer, "project", P, "空.pdf", Buffer.alloc(0)))).toBe("empty");
    expect(await refusalOf(upload(officer, "project", P, "协议.pdf", uniquePdf("类型"), "payout_proof"))).toBe("category");
    expect(await refusalOf(upload(officer, "project", P, "协议.pdf", uniquePdf("类型"), ""))).toBe("category");
    expect(snapshot()).toEqual(before);
  });

  it("removes the file it just wrote when the row cannot be written (no orphan)", async () => {
    const ghost: Actor = { id: 9_999_999, role: "admin", unitId: officer.unitId };
    const before = snapshot();
    await expect(upload(ghost, "project", P, "协议.pdf", uniquePdf("孤儿"))).rejects.toThrow(/FOREIGN KEY/);
    expect(snapshot()).toEqual(before);
  });

  it("keeps the name for display without folders, control or direction-override characters, at most 120 characters", async () => {
    expect(cleanFileName("C:\\Users\\李招商\\桌面\\合同.pdf")).toBe("合同.pdf");
    expect(cleanFileName("../../etc/passwd")).toBe("passwd");
    expect(cleanFileName("发票\u202Efdp.exe")).toBe("发票fdp.exe");
    expect(cleanFileName("纪要\u0000\u0007\n.docx")).toBe("纪要.docx");
    expect(cleanFileName("..")).toBe("附件");
    const long = cleanFileName(`${"很长的文件名".repeat(40)}.pdf`);
    expect(Array.from(long)).toHaveLength(120);
    expect(long.endsWith(".pdf")).toBe(true);
    const id = await upload(officer, "project", P, "D:\\扫描\\营业执照\u202E.png", PNG, "business_license");
    expect(rowOf(id)).toMatchObject({ fileName: "营业执照.png", mediaType: "image/png" });
  });
});

// ── who may read, who may attach ──────────────────────────────────────────

describe("scope and permissions (DESIGN.md §3)", () => {
  it("lists the record's files with category, type, size, uploader and time for anyone who may read the project", async () => {
    const id = await upload(officer, "project", P, "会议纪要.docx", await docx(), "meeting_minutes");
    for (const reader of [officer, colleague, leader, staff, admin]) {
      const row = listAttachments(reader, "project", P).find((attachment) => attachment.id === id);
      expect(row, reader.role).toMatchObject({
        fileName: "会议纪要.docx",
        categoryLabel: "会议纪要",
        typeLabel: "Word 文档",
        uploadedByName: (officer as Actor & { username: string }).username,
      });
      expect(openAttachment(reader, id).mediaType).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }
  });

  it("answers NotFound to an officer of another unit: list, download, attach, delete", async () => {
    const id = await upload(officer, "project", P, "签约协议.pdf", uniquePdf("范围"));
    const arrivalFile = await upload(staff, "fdi_arrival", A, "到账凭证.pdf", uniquePdf("范围2"));
    expect(() => listAttachments(outsider, "project", P)).toThrow(NotFoundError);
    expect(() => listAttachments(outsider, "fdi_arrival", A)).toThrow(NotFoundError);
    expect(() => listAttachments(outsider, "commitment", C)).toThrow(NotFoundError);
    expect(() => getArrivalEvidence(outsider, P)).toThrow(NotFoundError);
    expect(() => getPayoutEvidence(outsider, C)).toThrow(NotFoundError);
    expect(() => openAttachment(outsider, id)).toThrow(NotFoundError);
    expect(() => openAttachment(outsider, arrivalFile)).toThrow(NotFoundError);
    expect(() => mayAttachTo(outsider, "project", P)).toThrow(NotFoundError);
    const before = snapshot();
    await expect(upload(outsider, "project", P, "x.pdf", uniquePdf("范围3"))).rejects.toThrow(NotFoundError);
    expect(() => deleteAttachment({ actor: outsider, attachmentId: id, version: 1 })).toThrow(NotFoundError);
    expect(snapshot()).toEqual(before);
  });

  it("lets an officer attach to an own project and its commitments, not to its arrivals or payouts, nor to a colleague's project", async () => {
    const id = await upload(officer, "project", P, "营业执照.pdf", uniquePdf("本人"), "business_license");
    expect(listAttachments(officer, "project", P).map((row) => row.id)).toContain(id);
    await upload(officer, "commitment", C, "兑现凭证.pdf", uniquePdf("承诺"));
    expect(mayAttachTo(officer, "project", P)).toBe(true);
    const before = snapshot();
    await expect(upload(officer, "fdi_arrival", A, "x.pdf", uniquePdf("a"))).rejects.toThrow(ForbiddenError);
    await expect(upload(officer, "payout", Y, "x.pdf", uniquePdf("b"))).rejects.toThrow(ForbiddenError);
    await expect(upload(colleague, "project", P, "x.pdf", uniquePdf("c"))).rejects.toThrow(ForbiddenError);
    await expect(upload(colleague, "commitment", C, "x.pdf", uniquePdf("d"))).rejects.toThrow(ForbiddenError);
    expect(snapshot()).toEqual(before);
    expect(mayAttachTo(colleague, "project", P)).toBe(false);
  });

  it("lets staff attach to arrivals, payouts and commitments but not to a project", async () => {
    const before = snapshot();
    await expect(upload(staff, "project", P, "x.pdf", uniquePdf("staff"))).rejects.toThrow(ForbiddenError);
    expect(snapshot()).toEqual(before);
    expect(mayAttachTo(staff, "project", P)).toBe(false);
    const onArrival = await upload(staff, "fdi_arrival", A, "外汇登记.pdf", uniquePdf("到账"));
    const onPayout = await upload(staff, "payout", Y, "拨付凭证.pdf", uniquePdf("兑现"));
    await upload(staff, "commitment", C, "兑现凭证.pdf", uniquePdf("承诺2"));
    expect(getArrivalEvidence(staff, P)).toMatchObject({ canAttach: true });
    expect(getArrivalEvidence(staff, P).byRecord[A].map((row) => row.id)).toContain(onArrival);
    expect(getPayoutEvidence(leader, C).byRecord[Y].map((row) => row.id)).toContain(onPayout);
    expect(getPayoutEvidence(officer, C).canAttach).toBe(false);
  });

  it("follows DESIGN.md §3 for every role (the rule itself)", () => {
    const own = { ownerId: 1, memberIds: [] };
    const member = { ownerId: 2, memberIds: [1] };
    const others = { ownerId: 2, memberIds: [3] };
    const as = (role: Role): Actor => ({ id: 1, role, unitId: 1 });
    const table: Record<Role, Record<AttachmentEntityType, [boolean, boolean, boolean]>> = {
      // [own, member of, someone else's]
      officer: { project: [true, true, false], commitment: [true, true, false], payout: [false, false, false], fdi_arrival: [false, false, false] },
      leader: { project: [true, true, true], commitment: [true, true, true], payout: [true, true, true], fdi_arrival: [true, true, true] },
      staff: { project: [false, false, false], commitment: [true, true, true], payout: [true, true, true], fdi_arrival: [true, true, true] },
      admin: { project: [true, true, true], commitment: [true, true, true], payout: [true, true, true], fdi_arrival: [true, true, true] },
    };
    for (const [role, byType] of Object.entries(table) as [Role, Record<AttachmentEntityType, boolean[]>][]) {
      for (const [entityType, expected] of Object.entries(byType) as [AttachmentEntityType, boolean[]][]) {
        expect(
          [own, member, others].map((project) => mayAttach(as(role), entityType, project)),
          `${role} ${entityType}`,
        ).toEqual(expected);
      }
    }
  });
});

// ── deleting and restoring ────────────────────────────────────────────────

describe("delete and 回收站", () => {
  it("soft-deletes (hidden from the list and from download, bytes kept), audits, and an administrator restores it", async () => {
    const id = await upload(officer, "project", P, "待删除.pdf", uniquePdf("删除"));
    expect(() => deleteAttachment({ actor: staff, attachmentId: id, version: 1 })).toThrow(ForbiddenError);
    expect(() => deleteAttachment({ actor: officer, attachmentId: id, version: 2 })).toThrow(ConflictError);
    expect(deleteAttachment({ actor: officer, attachmentId: id, version: 1 })).toEqual({ entityType: "project", entityId: P });
    expect(rowOf(id)).toMatchObject({ deletedBy: officer.id, version: 2 });
    expect(listAttachments(leader, "project", P).map((row) => row.id)).not.toContain(id);
    expect(() => openAttachment(leader, id)).toThrow(NotFoundError);
    expect(fs.existsSync(attachmentFilePath(rowOf(id).sha256))).toBe(true);

    expect(() => restoreAttachment({ actor: leader, attachmentId: id, version: 2 })).toThrow(ForbiddenError);
    expect(listDeletedRecords({ actor: admin }).attachments.find((row) => row.id === id)).toMatchObject({
      fileName: "待删除.pdf",
      categoryLabel: "签约协议",
      recordLabel: "招商项目",
      projectName: projectRow(P).name,
      deletedByName: (officer as Actor & { username: string }).username,
    });
    expect(() => restoreAttachment({ actor: admin, attachmentId: id, version: 1 })).toThrow(ConflictError);
    restoreRecord({ actor: admin, entityType: "attachment", id, version: 2 });
    expect(rowOf(id)).toMatchObject({ deletedAt: null, deletedBy: null, version: 3 });
    expect(listAttachments(officer, "project", P).map((row) => row.id)).toContain(id);
    expect(openAttachment(officer, id).fileName).toBe("待删除.pdf");
    expect(attachmentAudit(id).map((row) => [row.action, row.userId])).toEqual([
      ["create", officer.id],
      ["delete", officer.id],
      ["restore", admin.id],
    ]);
  });

  it("restores through restoreAttachment too, and refuses a file that is not deleted", async () => {
    const id = await upload(staff, "payout", Y, "拨付凭证.pdf", uniquePdf("恢复"));
    expect(() => restoreAttachment({ actor: admin, attachmentId: id, version: 1 })).toThrow(NotFoundError);
    deleteAttachment({ actor: staff, attachmentId: id, version: 1 });
    expect(getPayoutEvidence(staff, C).byRecord[Y]?.map((row) => row.id) ?? []).not.toContain(id);
    restoreAttachment({ actor: admin, attachmentId: id, version: 2 });
    expect(getPayoutEvidence(staff, C).byRecord[Y].map((row) => row.id)).toContain(id);
  });
});

// ── downloads ─────────────────────────────────────────────────────────────

describe("downloads", () => {
  it("names the file with RFC 5987 so Chinese survives, with an ASCII stand-in", () => {
    const header = contentDisposition("签约协议（盖章版）'最终'.pdf");
    expect(header).toMatch(/^attachment; filename="[\x20-\x7E]*\.pdf"; filename\*=UTF-8''/);
    const encoded = header.split("filename*=UTF-8''")[1];
    expect(encoded).toMatch(/^[A-Za-z0-9%._~-]+$/);
    expect(decodeURIComponent(encoded)).toBe("签约协议（盖章版）'最终'.pdf");
    expect(contentDisposition('a"b\\c.pdf')).toContain('filename="a_b_c.pdf"');
  });

  it("streams the stored bytes with the sniffed type, nosniff and no caching", async () => {
    const bytes = uniquePdf("下载");
    const id = await upload(officer, "project", P, "扫描件.jpg", bytes);
    const response = fileDownloadResponse(openAttachment(colleague, id));
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    expect(response.headers.get("Content-Disposition")).toContain(`filename*=UTF-8''${encodeURIComponent("扫描件.jpg")}`);
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
  });
});

// ── the routes ────────────────────────────────────────────────────────────

async function cookieOf(actor: Actor): Promise<string> {
  const response = await startSession(actor.id, "/", new Request("http://localhost/login"));
  return response.headers.get("Set-Cookie")!.split(";")[0]!;
}

async function postUpload(actor: Actor, fields: Record<string, string>, file: { name: string; bytes: Buffer } | null, returnTo = `/projects/${P}`) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (file) form.append("file", new File([new Uint8Array(file.bytes)], file.name, { type: "application/octet-stream" }));
  const request = new Request(`http://localhost/attachments?returnTo=${encodeURIComponent(returnTo)}`, {
    method: "POST",
    headers: { Cookie: await cookieOf(actor) },
    body: form,
  });
  return uploadRoute({ request, params: {}, context: {} });
}

/** What a loader or action answered, thrown or returned. */
async function answered(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

describe("routes", () => {
  it("uploads and goes back to the page with the outcome; a file over 20 MB or of the wrong type comes back as a message, not an error", async () => {
    const fields = { entityType: "project", entityId: String(P), category: "signing_agreement" };
    const ok = await postUpload(officer, fields, { name: "签约协议.pdf", bytes: uniquePdf("路由") });
    expect(ok.status).toBe(302);
    expect(ok.headers.get("Location")).toBe(`/projects/${P}?attachment=uploaded&attachmentFor=project-${P}#attachments-project-${P}`);
    expect(listAttachments(officer, "project", P).some((row) => row.fileName === "签约协议.pdf")).toBe(true);

    const before = snapshot();
    const tooLarge = await postUpload(officer, fields, { name: "大.pdf", bytes: Buffer.concat([PDF, Buffer.alloc(MAX_ATTACHMENT_BYTES)]) });
    expect(tooLarge.status).toBe(302);
    expect(tooLarge.headers.get("Location")).toContain("attachment=too_large");
    const page = await postUpload(officer, fields, { name: "协议.pdf", bytes: HTML }, `/projects/${P}?attachment=uploaded`);
    expect(page.headers.get("Location")).toBe(`/projects/${P}?attachment=type&attachmentFor=project-${P}#attachments-project-${P}`);
    const none = await postUpload(officer, fields, { name: "", bytes: Buffer.alloc(0) });
    expect(none.headers.get("Location")).toContain("attachment=no_file");
    expect(snapshot()).toEqual(before);
  });

  it("goes back only to a path of this site", async () => {
    const response = await postUpload(
      officer,
      { entityType: "project", entityId: String(P), category: "other" },
      { name: "其他.pdf", bytes: uniquePdf("外站") },
      "https://evil.example/",
    );
    expect(response.headers.get("Location")).toMatch(/^\/\?attachment=uploaded/);
  });

  it("answers 404 to an upload on a record outside the user's scope, writing nothing", async () => {
    const before = snapshot();
    const response = await answered(() =>
      postUpload(outsider, { entityType: "project", entityId: String(P), category: "other" }, { name: "x.pdf", bytes: uniquePdf("404") }),
    );
    expect(response.status).toBe(404);
    expect(snapshot()).toEqual(before);
  });

  it("downloads with the headers for anyone who may read the record, 404 for others; deletes with a version", async () => {
    const id = await upload(officer, "project", P, "平湖市招商引资项目合同.pdf", uniquePdf("路由下载"));
    const get = async (actor: Actor) =>
      answered(async () =>
        downloadRoute({
          request: new Request(`http://localhost/attachments/${id}`, { headers: { Cookie: await cookieOf(actor) } }),
          params: { id: String(id) },
          context: {},
        }),
      );
    const response = await get(colleague);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("Content-Disposition")).toContain("filename*=UTF-8''");
    expect((await get(outsider)).status).toBe(404);

    const remove = async (actor: Actor, version: string) =>
      answered(async () =>
        deleteRoute({
          request: new Request(`http://localhost/attachments/${id}/delete`, {
            method: "POST",
            headers: { Cookie: await cookieOf(actor), "Content-Type": "application/x-www-form-urlencoded" },
            body: new URLSearchParams({ intent: "delete", version, entityType: "project", entityId: String(P), returnTo: `/projects/${P}` }).toString(),
          }),
          params: { id: String(id) },
          context: {},
        }),
      );
    expect((await remove(outsider, "1")).status).toBe(404);
    expect((await remove(colleague, "1")).status).toBe(403);
    expect((await remove(officer, "7")).headers.get("Location")).toContain("attachment=conflict");
    const deleted = await remove(officer, "1");
    expect(deleted.headers.get("Location")).toBe(`/projects/${P}?attachment=deleted&attachmentFor=project-${P}#attachments-project-${P}`);
    expect((await get(officer)).status).toBe(404);
  });

  it("shows only known outcome codes (no text of the link's making)", () => {
    expect(readAttachmentOutcome(new URLSearchParams("attachment=type&attachmentFor=payout-7"))).toEqual({ outcome: "type", key: "payout-7" });
    expect(readAttachmentOutcome(new URLSearchParams("attachment=<script>"))).toBeNull();
    expect(readAttachmentOutcome(new URLSearchParams("attachment=toString"))).toBeNull();
    expect(withAttachmentOutcome("/commitments/3?page=2&attachment=deleted", "uploaded", "payout-7")).toBe(
      "/commitments/3?page=2&attachment=uploaded&attachmentFor=payout-7#attachments-payout-7",
    );
  });
});

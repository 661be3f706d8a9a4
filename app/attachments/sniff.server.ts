/**
 * What an uploaded evidence file is, decided by its content (DESIGN.md §11): PDF, OFD, images,
 * Word, Excel and WPS documents. A PDF named .jpg is a PDF (and is served as one); a web page,
 * a program, an SVG, plain text or any other archive named .pdf is refused. The name is consulted
 * only to tell apart the OLE compound formats, whose bytes do not say which program wrote them.
 */
import { isOleCompound, isPdf, isZip, oleHasEntry, zipEntryNames } from "../lib/file-signatures.server";
import { AttachmentRefusal, FILE_KINDS, type FileKind } from "./attachment-kinds";

export interface SniffedFile {
  kind: FileKind;
  mediaType: string;
}

const found = (kind: FileKind): SniffedFile => ({ kind, mediaType: FILE_KINDS[kind].mediaType });

function startsWith(bytes: Buffer, signature: readonly number[], at = 0): boolean {
  return bytes.length >= at + signature.length && signature.every((byte, i) => bytes[at + i] === byte);
}

const ascii = (bytes: Buffer, from: number, to: number) => bytes.subarray(from, to).toString("latin1");

/** A Windows bitmap: "BM", then a DIB header of one of the sizes the format defines. */
function isBmp(bytes: Buffer): boolean {
  if (bytes.length < 26 || ascii(bytes, 0, 2) !== "BM") return false;
  return [12, 40, 52, 56, 64, 108, 124].includes(bytes.readUInt32LE(14));
}

function imageKind(bytes: Buffer): FileKind | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (bytes.length >= 6 && (ascii(bytes, 0, 6) === "GIF87a" || ascii(bytes, 0, 6) === "GIF89a")) return "gif";
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP") return "webp";
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return "tiff";
  if (isBmp(bytes)) return "bmp";
  return null;
}

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot < 0 ? "" : fileName.slice(dot + 1).toLowerCase();
}

/**
 * .doc/.wps and .xls/.et by the name; a Word or Excel file under another name by its streams.
 * WPS's own formats are taken on their name alone (their stream names vary between versions).
 */
function oleKind(bytes: Buffer, fileName: string): FileKind {
  // an encrypted .docx/.xlsx is a compound file holding the real one
  if (oleHasEntry(bytes, "EncryptedPackage")) throw new AttachmentRefusal("encrypted");
  const word = oleHasEntry(bytes, "WordDocument");
  const excel = oleHasEntry(bytes, "Workbook") || oleHasEntry(bytes, "Book");
  const extension = extensionOf(fileName);
  if (extension === "doc" && word) return "doc";
  if (extension === "xls" && excel) return "xls";
  if (extension === "wps" && !excel) return "wps";
  if (extension === "et" && !word) return "et";
  if (word) return "doc";
  if (excel) return "xls";
  throw new AttachmentRefusal("type");
}

/** OFD (GB/T 33190): a zip whose entry file OFD.xml sits at the root. */
async function zipKind(bytes: Buffer): Promise<FileKind> {
  const names = await zipEntryNames(bytes);
  if (!names) throw new AttachmentRefusal("type");
  if (names.has("OFD.xml")) return "ofd";
  if (names.has("word/document.xml")) return "docx";
  if (names.has("xl/workbook.xml")) return "xlsx";
  throw new AttachmentRefusal("type");
}

/** The file's type and the media type it is served with; AttachmentRefusal("type") for anything not allowed. */
export async function sniffAttachment(bytes: Buffer, fileName: string): Promise<SniffedFile> {
  if (isPdf(bytes)) return found("pdf");
  const image = imageKind(bytes);
  if (image) return found(image);
  if (isZip(bytes)) return found(await zipKind(bytes));
  if (isOleCompound(bytes)) return found(oleKind(bytes, fileName));
  throw new AttachmentRefusal("type");
}

/**
 * What a file is, from its first bytes: the signatures both the spreadsheet import and the
 * attachment check rely on, in one place (a file's name says nothing a user cannot change).
 */
import JSZip from "jszip";

/** A zip archive (.docx, .xlsx, .ofd and plain .zip alike): a local file header first. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** An OLE compound file: .doc, .xls, WPS .wps/.et, encrypted Office files — and .msi installers. */
export function isOleCompound(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && OLE_SIGNATURE.every((byte, i) => bytes[i] === byte);
}

export function isPdf(bytes: Uint8Array): boolean {
  return bytes.length >= 5 && Buffer.from(bytes.buffer, bytes.byteOffset, 5).toString("latin1") === "%PDF-";
}

/** Does the compound file hold a stream or storage of this name (names are UTF-16LE in its directory)? */
export function oleHasEntry(bytes: Buffer, name: string): boolean {
  return bytes.includes(Buffer.from(`${name}\0`, "utf16le"));
}

/** The names of the files in a zip, from its central directory (nothing is unpacked); null if it cannot be read. */
export async function zipEntryNames(bytes: Buffer): Promise<Set<string> | null> {
  try {
    const zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
    return new Set(Object.keys(zip.files));
  } catch {
    return null;
  }
}

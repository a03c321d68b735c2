/**
 * Reads a zip with yauzl, a zip library independent of our writer (scripts/solution/zip.cjs), and returns each entry's
 * central-directory header fields, its local header fields (read from the raw bytes at the entry's offset) and its data.
 */
import * as yauzl from "yauzl";

export interface ZipEntry {
    name: string;
    versionMadeBy: number;
    versionNeeded: number;
    flags: number;
    method: number;
    crc32: number;
    compressedSize: number;
    size: number;
    extraFieldLength: number;
    externalAttributes: number;
    modified: Date;
    local: { versionNeeded: number; flags: number; method: number; crc32: number; compressedSize: number; size: number; nameLength: number; extraLength: number };
    data: Buffer;
}

export async function readZip(bytes: Buffer): Promise<ZipEntry[]> {
    const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
        yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: true }, (err, z) => (err ? reject(err) : resolve(z))),
    );
    const entries: ZipEntry[] = [];
    await new Promise<void>((resolve, reject) => {
        zip.on("error", reject);
        zip.on("end", () => resolve());
        zip.on("entry", (entry: yauzl.Entry) => {
            zip.openReadStream(entry, (err, stream) => {
                if (err) return reject(err);
                const chunks: Buffer[] = [];
                stream.on("data", (c: Buffer) => chunks.push(c));
                stream.on("error", reject);
                stream.on("end", () => {
                    const at = entry.relativeOffsetOfLocalHeader;
                    if (bytes.readUInt32LE(at) !== 0x04034b50) return reject(new Error(`${entry.fileName}: no local header signature`));
                    entries.push({
                        name: entry.fileName,
                        versionMadeBy: entry.versionMadeBy,
                        versionNeeded: entry.versionNeededToExtract,
                        flags: entry.generalPurposeBitFlag,
                        method: entry.compressionMethod,
                        crc32: entry.crc32,
                        compressedSize: entry.compressedSize,
                        size: entry.uncompressedSize,
                        extraFieldLength: entry.extraFieldLength,
                        externalAttributes: entry.externalFileAttributes,
                        modified: entry.getLastModDate({ forceDosFormat: true, timezone: "UTC" }),
                        local: {
                            versionNeeded: bytes.readUInt16LE(at + 4),
                            flags: bytes.readUInt16LE(at + 6),
                            method: bytes.readUInt16LE(at + 8),
                            crc32: bytes.readUInt32LE(at + 14),
                            compressedSize: bytes.readUInt32LE(at + 18),
                            size: bytes.readUInt32LE(at + 22),
                            nameLength: bytes.readUInt16LE(at + 26),
                            extraLength: bytes.readUInt16LE(at + 28),
                        },
                        data: Buffer.concat(chunks),
                    });
                    zip.readEntry();
                });
            });
        });
        zip.readEntry();
    });
    return entries;
}

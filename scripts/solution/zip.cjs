"use strict";
/**
 * A minimal zip writer that writes entries the way Microsoft's tooling (pac / System.IO.Packaging) does:
 * every entry deflated, "version needed to extract" 2.0, made by 2.0 on MS-DOS/Windows, the UTF-8 name flag set,
 * no data descriptors, no extra fields, no folder entries, names in forward slashes. Only node's zlib; nothing else reads or writes here.
 */
const zlib = require("node:zlib");

const VERSION_20 = 20;
const METHOD_DEFLATE = 8;
/** General purpose bit 11: the name is UTF-8. pac sets it on every entry, ASCII names too. */
const FLAG_UTF8 = 0x0800;

/**
 * MS-DOS date and time of `date` (UTC parts, so the same build gives the same bytes on every machine).
 * @param {Date} date
 */
function dosDateTime(date) {
    const year = Math.max(1980, date.getUTCFullYear());
    return {
        time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
        date: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
    };
}

/**
 * The bytes of a zip holding `entries` in the given order.
 * @param {{ name: string; data: Buffer }[]} entries
 * @param {{ date: Date }} options modification time written on every entry
 * @returns {Buffer}
 */
function writeZip(entries, { date }) {
    const { time, date: day } = dosDateTime(date);
    /** @type {Buffer[]} */
    const locals = [];
    /** @type {Buffer[]} */
    const centrals = [];
    let offset = 0;
    for (const { name, data } of entries) {
        if (name.includes("\\") || name.startsWith("/") || name.endsWith("/")) throw new Error(`zip entry name "${name}" is not a relative file path with forward slashes`);
        const nameBytes = Buffer.from(name, "utf8");
        const flags = FLAG_UTF8;
        const compressed = zlib.deflateRawSync(data, { level: 9 });
        const crc = zlib.crc32(data) >>> 0;

        const local = Buffer.alloc(30);
        local.writeUInt32LE(0x04034b50, 0);
        local.writeUInt16LE(VERSION_20, 4);
        local.writeUInt16LE(flags, 6);
        local.writeUInt16LE(METHOD_DEFLATE, 8);
        local.writeUInt16LE(time, 10);
        local.writeUInt16LE(day, 12);
        local.writeUInt32LE(crc, 14);
        local.writeUInt32LE(compressed.length, 18);
        local.writeUInt32LE(data.length, 22);
        local.writeUInt16LE(nameBytes.length, 26);
        local.writeUInt16LE(0, 28);
        locals.push(local, nameBytes, compressed);

        const central = Buffer.alloc(46);
        central.writeUInt32LE(0x02014b50, 0);
        central.writeUInt16LE(VERSION_20, 4); // made by: 2.0, MS-DOS/Windows (high byte 0)
        central.writeUInt16LE(VERSION_20, 6);
        central.writeUInt16LE(flags, 8);
        central.writeUInt16LE(METHOD_DEFLATE, 10);
        central.writeUInt16LE(time, 12);
        central.writeUInt16LE(day, 14);
        central.writeUInt32LE(crc, 16);
        central.writeUInt32LE(compressed.length, 20);
        central.writeUInt32LE(data.length, 24);
        central.writeUInt16LE(nameBytes.length, 28);
        // extra length, comment length, disk number, internal and external attributes: all 0
        central.writeUInt32LE(offset, 42);
        centrals.push(central, nameBytes);

        offset += local.length + nameBytes.length + compressed.length;
    }
    const centralSize = centrals.reduce((n, b) => n + b.length, 0);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(entries.length, 8);
    end.writeUInt16LE(entries.length, 10);
    end.writeUInt32LE(centralSize, 12);
    end.writeUInt32LE(offset, 16);
    return Buffer.concat([...locals, ...centrals, end]);
}

module.exports = { writeZip, dosDateTime };

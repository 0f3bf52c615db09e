/**
 * Sets the date of every entry of a zip file (an .xlsx) to one moment, in place. exceljs writes a
 * few entries before a caller can give a date, and the zip records when each was written, so two
 * builds of the same release would give different workbooks (and different SHA-256 in
 * datapackage.json). Walks the central directory, so compressed bytes are never mistaken for headers.
 */
import { open } from 'node:fs/promises';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;

/** MS-DOS time and date (local fields, as zip stores them; read back the same everywhere). */
export function dosDateTime(date: Date): { time: number; date: number } {
  const year = Math.max(1980, date.getUTCFullYear());
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

export async function setZipDates(path: string, when: Date): Promise<number> {
  const file = await open(path, 'r+');
  try {
    const { size } = await file.stat();
    // The end record is in the last 22 bytes plus a comment of at most 65,535.
    const tailLength = Math.min(size, 22 + 65_535);
    const tail = Buffer.alloc(tailLength);
    await file.read(tail, 0, tailLength, size - tailLength);
    let end = -1;
    for (let i = tailLength - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) {
        end = i;
        break;
      }
    }
    if (end < 0) throw new Error(`${path}: not a zip file (no end of central directory)`);
    const entries = tail.readUInt16LE(end + 10);
    const directorySize = tail.readUInt32LE(end + 12);
    const directoryOffset = tail.readUInt32LE(end + 16);
    const directory = Buffer.alloc(directorySize);
    await file.read(directory, 0, directorySize, directoryOffset);
    const { time, date } = dosDateTime(when);
    const local = Buffer.alloc(30);
    let at = 0;
    for (let n = 0; n < entries; n++) {
      if (directory.readUInt32LE(at) !== CENTRAL_FILE_HEADER) throw new Error(`${path}: bad central directory`);
      directory.writeUInt16LE(time, at + 12);
      directory.writeUInt16LE(date, at + 14);
      const localOffset = directory.readUInt32LE(at + 42);
      await file.read(local, 0, 30, localOffset);
      if (local.readUInt32LE(0) !== LOCAL_FILE_HEADER) throw new Error(`${path}: bad local header`);
      local.writeUInt16LE(time, 10);
      local.writeUInt16LE(date, 12);
      await file.write(local, 0, 30, localOffset);
      at += 46 + directory.readUInt16LE(at + 28) + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
    }
    await file.write(directory, 0, directorySize, directoryOffset);
    return entries;
  } finally {
    await file.close();
  }
}

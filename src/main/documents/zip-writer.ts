/**
 * A minimal streaming ZIP writer for the XLSX export: entries are deflated (zlib) and written one after the other
 * straight to a stream; an entry's CRC-32 and sizes follow it in a data descriptor, so an entry never has to sit in
 * memory whole. Only what an Office Open XML package needs: deflate, UTF-8 names, no ZIP64 (an entry and the archive
 * stay below 4 GB; Excel's row limit keeps a sheet far below that), no encryption.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { crc32, createDeflateRaw, type DeflateRaw } from 'node:zlib';

const LOCAL_HEADER = 0x04034b50;
const DATA_DESCRIPTOR = 0x08074b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;
/** Bit 3: sizes and CRC in the data descriptor; bit 11: the name is UTF-8. */
const FLAGS = 0x0008 | 0x0800;
const DEFLATE = 8;
const VERSION = 20;

interface Written {
  name: Buffer;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

/** DOS date and time of `d` (local fields as given; ZIP has no time zone). */
function dosDateTime(d: Date): { date: number; time: number } {
  const year = Math.max(1980, d.getUTCFullYear());
  return {
    date: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
  };
}

export class ZipWriter {
  private offset = 0;
  private readonly entries: Written[] = [];
  private readonly stamp: { date: number; time: number };

  constructor(
    private readonly out: Writable,
    modified: Date,
    /** zlib level 3: about as small as the default (6) for sheet XML, and faster. */
    private readonly level = 3,
  ) {
    this.stamp = dosDateTime(modified);
  }

  private async write(buf: Buffer): Promise<void> {
    this.offset += buf.length;
    if (!this.out.write(buf)) await once(this.out, 'drain');
  }

  /** A whole entry from one string or buffer. */
  async add(name: string, content: string | Buffer): Promise<void> {
    const entry = await this.open(name);
    await entry.write(typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    await entry.close();
  }

  /** An entry written piece by piece: `write` as often as needed, then `close` once. */
  async open(name: string): Promise<{ write(chunk: Buffer): Promise<void>; close(): Promise<void> }> {
    const nameBuf = Buffer.from(name, 'utf8');
    const start = this.offset;
    const header = Buffer.alloc(30);
    header.writeUInt32LE(LOCAL_HEADER, 0);
    header.writeUInt16LE(VERSION, 4);
    header.writeUInt16LE(FLAGS, 6);
    header.writeUInt16LE(DEFLATE, 8);
    header.writeUInt16LE(this.stamp.time, 10);
    header.writeUInt16LE(this.stamp.date, 12);
    // CRC-32 and sizes (14–25) stay 0 here: they follow the data in the descriptor.
    header.writeUInt16LE(nameBuf.length, 26);
    await this.write(Buffer.concat([header, nameBuf]));

    const deflate: DeflateRaw = createDeflateRaw({ level: this.level });
    let crc = 0;
    let size = 0;
    let compressed = 0;
    const pending: Buffer[] = [];
    deflate.on('data', (c: Buffer) => pending.push(c));
    const flush = async () => {
      while (pending.length > 0) {
        const c = pending.shift()!;
        compressed += c.length;
        await this.write(c);
      }
    };
    return {
      write: async (chunk: Buffer) => {
        crc = crc32(chunk, crc);
        size += chunk.length;
        if (!deflate.write(chunk)) await once(deflate, 'drain');
        await flush();
      },
      close: async () => {
        const ended = once(deflate, 'end');
        deflate.end();
        await ended;
        await flush();
        const descriptor = Buffer.alloc(16);
        descriptor.writeUInt32LE(DATA_DESCRIPTOR, 0);
        descriptor.writeUInt32LE(crc >>> 0, 4);
        descriptor.writeUInt32LE(compressed, 8);
        descriptor.writeUInt32LE(size, 12);
        await this.write(descriptor);
        this.entries.push({ name: nameBuf, crc: crc >>> 0, compressed, size, offset: start });
      },
    };
  }

  /** The central directory and its end record. The stream is left open for the caller to end. */
  async finish(): Promise<void> {
    const start = this.offset;
    for (const e of this.entries) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(CENTRAL_HEADER, 0);
      h.writeUInt16LE(VERSION, 4);
      h.writeUInt16LE(VERSION, 6);
      h.writeUInt16LE(FLAGS, 8);
      h.writeUInt16LE(DEFLATE, 10);
      h.writeUInt16LE(this.stamp.time, 12);
      h.writeUInt16LE(this.stamp.date, 14);
      h.writeUInt32LE(e.crc, 16);
      h.writeUInt32LE(e.compressed, 20);
      h.writeUInt32LE(e.size, 24);
      h.writeUInt16LE(e.name.length, 28);
      h.writeUInt32LE(e.offset, 42);
      await this.write(Buffer.concat([h, e.name]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END_OF_CENTRAL, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    await this.write(end);
  }
}

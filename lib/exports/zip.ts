// A small streaming ZIP writer (PKWARE APPNOTE 6.3, method 0 "stored", no compression): enough for
// the statisticians' bundle, whose one large member (the responses CSV) streams from COPY while the
// archive is sent. Members given as text or bytes get their sizes and CRC-32 in the local header;
// a streamed member is written with general-purpose bit 3 and a data descriptor after its bytes,
// its CRC-32 computed as it passes. Names are UTF-8 (bit 11). No ZIP64: an archive past 4 GiB
// fails rather than being written wrong.
import { crc32 } from "node:zlib";

export interface ZipMember {
  name: string;
  data: string | Uint8Array | ReadableStream<Uint8Array>;
}

const LIMIT = 0xffffffff;
const encoder = new TextEncoder();

function dosDateTime(at: Date): { time: number; date: number } {
  const year = Math.min(Math.max(at.getUTCFullYear(), 1980), 2107);
  return {
    time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | Math.floor(at.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
  };
}

interface Entry {
  name: Uint8Array;
  flags: number;
  crc: number;
  size: number;
  offset: number;
}

function localHeader(e: Entry, when: { time: number; date: number }): Uint8Array {
  const out = new Uint8Array(30 + e.name.length);
  const v = new DataView(out.buffer);
  v.setUint32(0, 0x04034b50, true);
  v.setUint16(4, 20, true); // version needed: 2.0
  v.setUint16(6, e.flags, true);
  v.setUint16(8, 0, true); // stored
  v.setUint16(10, when.time, true);
  v.setUint16(12, when.date, true);
  v.setUint32(14, e.crc, true);
  v.setUint32(18, e.size, true);
  v.setUint32(22, e.size, true);
  v.setUint16(26, e.name.length, true);
  v.setUint16(28, 0, true);
  out.set(e.name, 30);
  return out;
}

function dataDescriptor(e: Entry): Uint8Array {
  const out = new Uint8Array(16);
  const v = new DataView(out.buffer);
  v.setUint32(0, 0x08074b50, true);
  v.setUint32(4, e.crc, true);
  v.setUint32(8, e.size, true);
  v.setUint32(12, e.size, true);
  return out;
}

function centralHeader(e: Entry, when: { time: number; date: number }): Uint8Array {
  const out = new Uint8Array(46 + e.name.length);
  const v = new DataView(out.buffer);
  v.setUint32(0, 0x02014b50, true);
  v.setUint16(4, (3 << 8) | 20, true); // made by: Unix, 2.0 (so the external attributes are a mode)
  v.setUint16(6, 20, true);
  v.setUint16(8, e.flags, true);
  v.setUint16(10, 0, true);
  v.setUint16(12, when.time, true);
  v.setUint16(14, when.date, true);
  v.setUint32(16, e.crc, true);
  v.setUint32(20, e.size, true);
  v.setUint32(24, e.size, true);
  v.setUint16(28, e.name.length, true);
  // extra field, comment, disk number, internal attributes: 0
  v.setUint32(38, (0o100644 << 16) >>> 0, true); // a regular file, rw-r--r--
  v.setUint32(42, e.offset, true);
  out.set(e.name, 46);
  return out;
}

function endOfCentralDirectory(count: number, size: number, offset: number): Uint8Array {
  const out = new Uint8Array(22);
  const v = new DataView(out.buffer);
  v.setUint32(0, 0x06054b50, true);
  v.setUint16(8, count, true);
  v.setUint16(10, count, true);
  v.setUint32(12, size, true);
  v.setUint32(16, offset, true);
  return out;
}

const tooLarge = () => new Error("the archive would exceed 4 GiB, which this ZIP writer (no ZIP64) cannot write");

async function* chunks(
  members: readonly ZipMember[],
  modified: Date,
  reading: (reader: ReadableStreamDefaultReader<Uint8Array> | null) => void,
): AsyncGenerator<Uint8Array> {
  const when = dosDateTime(modified);
  const entries: Entry[] = [];
  let offset = 0;
  for (const member of members) {
    const name = encoder.encode(member.name);
    const streamed = member.data instanceof ReadableStream;
    const bytes = streamed ? null : typeof member.data === "string" ? encoder.encode(member.data) : (member.data as Uint8Array);
    const entry: Entry = {
      name,
      flags: 0x0800 | (streamed ? 0x0008 : 0),
      crc: bytes ? crc32(bytes) >>> 0 : 0,
      size: bytes?.length ?? 0,
      offset,
    };
    const header = localHeader(entry, when);
    yield header;
    if (bytes) yield bytes;
    else {
      const reader = (member.data as ReadableStream<Uint8Array>).getReader();
      reading(reader);
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        entry.crc = crc32(value, entry.crc) >>> 0;
        entry.size += value.length;
        if (offset + header.length + entry.size > LIMIT) throw tooLarge();
        yield value;
      }
      reading(null);
      yield dataDescriptor(entry);
    }
    offset += header.length + entry.size + (streamed ? 16 : 0);
    if (offset > LIMIT) throw tooLarge();
    entries.push(entry);
  }
  const central = entries.map((e) => centralHeader(e, when));
  const size = central.reduce((sum, c) => sum + c.length, 0);
  for (const c of central) yield c;
  yield endOfCentralDirectory(entries.length, size, offset);
}

/**
 * The members as one ZIP archive, produced as it is read (a streamed member is read only when its
 * turn comes). Cancelling the archive cancels every streamed member (the CSV's COPY stops); a
 * member's error ends the archive with that error.
 */
export function zipStream(members: readonly ZipMember[], modified = new Date()): ReadableStream<Uint8Array> {
  let current: ReadableStreamDefaultReader<Uint8Array> | null = null;
  const source = chunks(members, modified, (reader) => {
    current = reader;
  });
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await source.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
      async cancel(reason) {
        const reader = current as ReadableStreamDefaultReader<Uint8Array> | null;
        await Promise.all([
          reader?.cancel(reason),
          ...members.flatMap((m) => (m.data instanceof ReadableStream && !m.data.locked ? [m.data.cancel(reason)] : [])),
        ]);
      },
    },
    { highWaterMark: 0 },
  );
}

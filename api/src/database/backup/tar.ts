import { createReadStream } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';

// A minimal POSIX ustar writer and reader (regular files and directories only): enough for a stopped
// PostgreSQL cluster, readable by any `tar`, and no new dependency.

export class TarError extends Error {}

export type TarItem =
  | { name: string; type: 'dir'; mode: number; mtime: number }
  | { name: string; type: 'file'; mode: number; mtime: number; size: number; source: string | Buffer };

export interface TarHeader {
  name: string;
  type: 'file' | 'dir';
  mode: number;
  mtime: number;
  size: number;
}

const BLOCK = 512;

/** Lists a folder as tar items named `<prefix>/<relative path>`, directories before their contents. */
export async function collectTree(dir: string, prefix: string, skip: (name: string) => boolean = () => false) {
  const items: TarItem[] = [];
  const walk = async (abs: string, name: string): Promise<void> => {
    const st = await lstat(abs);
    if (st.isDirectory()) {
      items.push({ name: `${name}/`, type: 'dir', mode: st.mode & 0o7777, mtime: st.mtimeMs });
      for (const child of (await readdir(abs)).sort()) {
        if (!skip(`${name}/${child}`)) await walk(join(abs, child), `${name}/${child}`);
      }
    } else if (st.isFile()) {
      items.push({ name, type: 'file', mode: st.mode & 0o7777, mtime: st.mtimeMs, size: st.size, source: abs });
    } else {
      throw new TarError(`${abs} is neither a file nor a folder (a link or device), which this backup cannot hold`);
    }
  };
  await walk(dir, prefix);
  return items;
}

function writeOctal(block: Buffer, offset: number, length: number, value: number, what: string): void {
  const digits = Math.floor(value)
    .toString(8)
    .padStart(length - 1, '0');
  if (digits.length > length - 1) throw new TarError(`${what} is too large for a tar header`);
  block.write(`${digits}\0`, offset, length, 'latin1');
}

/** ustar keeps names of up to 100 bytes, or a 155-byte prefix + '/' + 100 bytes. */
function splitName(name: string): [prefix: string, base: string] {
  if (Buffer.byteLength(name) <= 100) return ['', name];
  const body = name.endsWith('/') ? name.slice(0, -1) : name;
  for (let i = body.indexOf('/'); i > 0; i = body.indexOf('/', i + 1)) {
    const prefix = body.slice(0, i);
    const base = name.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(base) <= 100) return [prefix, base];
  }
  throw new TarError(`the path ${name} is too long for a tar archive`);
}

export function tarHeader(h: TarHeader): Buffer {
  const block = Buffer.alloc(BLOCK);
  const [prefix, base] = splitName(h.name);
  block.write(base, 0, 100, 'utf8');
  writeOctal(block, 100, 8, h.mode & 0o7777, 'mode');
  writeOctal(block, 108, 8, 0, 'uid');
  writeOctal(block, 116, 8, 0, 'gid');
  writeOctal(block, 124, 12, h.type === 'file' ? h.size : 0, `the size of ${h.name}`);
  writeOctal(block, 136, 12, h.mtime / 1000, 'mtime');
  block.write(h.type === 'file' ? '0' : '5', 156, 1, 'latin1');
  block.write('ustar\u000000', 257, 8, 'latin1');
  block.write(prefix, 345, 155, 'utf8');
  block.write(checksum(block).toString(8).padStart(6, '0'), 148, 6, 'latin1');
  block.write('\u0000 ', 154, 2, 'latin1');
  return block;
}

/** Sum of the header bytes with the checksum field itself counted as eight spaces. */
function checksum(block: Buffer): number {
  let sum = 8 * 0x20;
  for (let i = 0; i < BLOCK; i++) if (i < 148 || i >= 156) sum += block[i]!;
  return sum;
}

const padding = (size: number) => Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);

/** The archive as a byte stream; `onBytes` reports file content written so far. */
export async function* tarStream(items: TarItem[], onBytes?: (n: number) => void): AsyncGenerator<Buffer> {
  for (const item of items) {
    yield tarHeader({ ...item, size: item.type === 'file' ? item.size : 0 });
    if (item.type !== 'file') continue;
    if (Buffer.isBuffer(item.source)) {
      yield item.source;
    } else {
      let read = 0;
      for await (const chunk of createReadStream(item.source, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
        read += chunk.length;
        if (read > item.size) break;
        yield chunk;
        onBytes?.(chunk.length);
      }
      // The cluster is stopped, so a size change means something else is writing to it.
      if (read !== item.size) throw new TarError(`${item.source} changed while it was being archived`);
    }
    yield padding(item.size);
  }
  yield Buffer.alloc(2 * BLOCK);
}

const text = (block: Buffer, offset: number, length: number) => {
  const raw = block.subarray(offset, offset + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end < 0 ? length : end).toString('utf8');
};

function readOctal(block: Buffer, offset: number, length: number): number {
  const s = text(block, offset, length).trim();
  if (!/^[0-7]*$/.test(s)) throw new TarError('the archive has a damaged header (not a backup made by Emerge?)');
  return s === '' ? 0 : Number.parseInt(s, 8);
}

/** Parses one header block; undefined for the zero block that ends the archive. */
export function parseHeader(block: Buffer): TarHeader | undefined {
  if (block.every((b) => b === 0)) return undefined;
  if (readOctal(block, 148, 8) !== checksum(block))
    throw new TarError('the archive has a damaged header (checksum mismatch)');
  const flag = String.fromCharCode(block[156]!);
  if (flag !== '0' && flag !== '\u0000' && flag !== '5')
    throw new TarError(`the archive holds an entry of type "${flag}", which an Emerge backup never has`);
  const base = text(block, 0, 100);
  const prefix = text(block, 345, 155);
  return {
    name: prefix ? `${prefix}/${base}` : base,
    type: flag === '5' ? 'dir' : 'file',
    mode: readOctal(block, 100, 8),
    mtime: readOctal(block, 136, 12) * 1000,
    size: flag === '5' ? 0 : readOctal(block, 124, 12),
  };
}

/** Pulls exact byte counts out of a chunked stream. */
class ByteReader {
  private pending: Buffer = Buffer.alloc(0);
  private readonly source: AsyncIterator<Buffer>;

  constructor(source: AsyncIterable<Buffer>) {
    this.source = source[Symbol.asyncIterator]();
  }

  private async more(): Promise<void> {
    const next = await this.source.next();
    if (next.done) throw new TarError('the archive ends early (the file is incomplete)');
    this.pending = this.pending.length ? Buffer.concat([this.pending, next.value]) : next.value;
  }

  async exactly(n: number): Promise<Buffer> {
    while (this.pending.length < n) await this.more();
    const out = this.pending.subarray(0, n);
    this.pending = this.pending.subarray(n);
    return out;
  }

  /** The next `n` bytes as an iterable; `rest()` skips whatever the consumer did not read. */
  take(n: number): { body: AsyncIterable<Buffer>; rest: () => Promise<void> } {
    let left = n;
    const next = async (): Promise<Buffer> => {
      if (this.pending.length === 0) await this.more();
      const piece = this.pending.subarray(0, Math.min(left, this.pending.length));
      this.pending = this.pending.subarray(piece.length);
      left -= piece.length;
      return piece;
    };
    return {
      body: {
        async *[Symbol.asyncIterator]() {
          while (left > 0) yield await next();
        },
      },
      rest: async () => {
        while (left > 0) await next();
      },
    };
  }
}

/**
 * Reads an archive entry by entry. `onEntry` gets each header and its content; content it does not
 * read is skipped. Ends at the archive's zero block; a stream that stops before it is an error.
 */
export async function readTar(
  source: AsyncIterable<Buffer>,
  onEntry: (header: TarHeader, body: AsyncIterable<Buffer>) => Promise<void>,
): Promise<void> {
  const reader = new ByteReader(source);
  for (;;) {
    const header = parseHeader(await reader.exactly(BLOCK));
    if (!header) return;
    const { body, rest } = reader.take(header.size);
    await onEntry(header, body);
    await rest();
    await reader.exactly(padding(header.size).length);
  }
}

import { createReadStream } from "node:fs";
import type { AppContext } from "../../context.ts";
import { IngestBatcher, type ImportCounts } from "./ingest-batch.ts";
import { ensureImportMailbox } from "../mailboxes/service.ts";
import { MAX_STORABLE_BYTES } from "./store-message.ts";

const FROM_ = Buffer.from("From ");

/** ">From ", ">>From "...: mboxrd quoting of body lines that begin with "From ". */
function isQuotedFrom(line: Buffer): boolean {
  let i = 0;
  while (i < line.length && line[i] === 0x3e) i++;
  return i > 0 && line.subarray(i, i + 5).equals(FROM_);
}

/** Drop the blank line the mbox writer put before the next "From " separator. */
function withoutSeparator(parts: Buffer[]): Buffer {
  const raw = Buffer.concat(parts);
  if (raw.subarray(-4).toString("latin1") === "\r\n\r\n") return raw.subarray(0, -2);
  if (raw.subarray(-2).toString("latin1") === "\n\n") return raw.subarray(0, -1);
  return raw;
}

export interface MboxMessage {
  raw: Buffer;
  /** The message grew past maxBytes: raw holds only its beginning. */
  oversize: boolean;
  bytes: number;
}

/**
 * Split an mbox file into messages while streaming it: memory holds one
 * message, never the file. Separators are lines beginning with "From "
 * (mboxo/mboxrd); one level of ">From " quoting is removed. CRLF and LF files
 * are both handled; the message bytes keep their own line endings.
 */
export async function* splitMbox(file: string, maxBytes = MAX_STORABLE_BYTES): AsyncGenerator<MboxMessage> {
  let parts: Buffer[] = [];
  let bytes = 0;
  let started = false;
  let carry: Buffer | null = null;
  const finish = (): MboxMessage => {
    const m = { raw: withoutSeparator(parts), oversize: bytes > maxBytes, bytes };
    parts = [];
    bytes = 0;
    return m;
  };
  const onLine = (line: Buffer): MboxMessage | null => {
    if (line.subarray(0, 5).equals(FROM_)) {
      const done = started && parts.length ? finish() : null;
      started = true;
      return done;
    }
    // Text before the first separator is not mbox framing: keep it as a message
    // rather than drop it (a lone .eml passed as mbox still imports).
    started = true;
    bytes += line.length;
    // Past the storable size only the count goes on: memory stays bounded.
    if (bytes <= maxBytes) parts.push(isQuotedFrom(line) ? line.subarray(1) : line);
    return null;
  };
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    const buf: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    carry = null;
    let start = 0;
    for (;;) {
      const nl = buf.indexOf(0x0a, start);
      if (nl < 0) break;
      const msg = onLine(buf.subarray(start, nl + 1));
      if (msg) yield msg;
      start = nl + 1;
    }
    if (start < buf.length) carry = Buffer.from(buf.subarray(start));
  }
  if (carry) {
    const msg = onLine(carry);
    if (msg) yield msg;
  }
  if (parts.length) yield finish();
}

/** Feed an mbox file into a batcher (shared with the folder import). */
export async function feedMbox(batcher: IngestBatcher, file: string, mailboxId: number): Promise<void> {
  let n = 0;
  try {
    for await (const m of splitMbox(file)) {
      n++;
      if (m.oversize) {
        batcher.fail(`${file}#${n}`, new Error(`message of ${m.bytes} bytes is above the ${MAX_STORABLE_BYTES}-byte storable limit`));
        continue;
      }
      if (!m.raw.some((b) => b !== 0x0a && b !== 0x0d && b !== 0x20)) continue;
      await batcher.add({ raw: m.raw, mailboxId, label: `${file}#${n}` });
    }
  } catch (err) {
    batcher.fail(n ? `${file}#${n + 1}` : file, err);
  }
}

/** Import an mbox file into a mailbox by name (created as kind "import" if missing). */
export async function importMbox({
  ctx,
  input,
}: {
  ctx: AppContext;
  input: { file: string; mailboxName: string };
}): Promise<ImportCounts> {
  const mailbox = await ensureImportMailbox({ ctx, input: { name: input.mailboxName } });
  const batcher = new IngestBatcher(ctx);
  await feedMbox(batcher, input.file, mailbox.id);
  await batcher.flush();
  return batcher.counts;
}

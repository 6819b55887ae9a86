import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { AppContext } from "../../context.ts";
import { IngestBatcher, type ImportCounts } from "./ingest-batch.ts";
import { feedMbox } from "./import-mbox.ts";
import { MAX_STORABLE_BYTES } from "./store-message.ts";
import { ensureImportMailbox } from "../mailboxes/service.ts";

export interface FolderImportInput {
  folder: string;
  mailboxName: string;
  /**
   * "eml" (default): *.eml files are messages, *.mbox files are split as mbox.
   * "all": every regular file is one message (maildir folders, test corpora),
   * except README.md.
   */
  match?: "eml" | "all";
}

/** Every file under a folder, depth first in name order; unreadable folders are reported. */
async function* walk(dir: string, onError: (where: string, err: unknown) => void): AsyncGenerator<string> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    onError(dir, err);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* walk(p, onError);
    else if (e.isFile() || e.isSymbolicLink()) yield p;
  }
}

// Files are read a few ahead so disk latency overlaps parsing and storing;
// big files are only read when their turn comes, so memory stays bounded.
const READ_AHEAD = 8;
const READ_AHEAD_MAX_BYTES = 4 * 1024 * 1024;

type Read = { raw: Buffer } | { error: unknown } | { later: true };

async function readSmall(file: string): Promise<Read> {
  try {
    const info = await stat(file);
    if (info.size > READ_AHEAD_MAX_BYTES) return { later: true };
    return { raw: await readFile(file) };
  } catch (error) {
    return { error };
  }
}

async function readNow(file: string): Promise<Read> {
  try {
    const info = await stat(file);
    if (info.size > MAX_STORABLE_BYTES) {
      return { error: new Error(`file of ${info.size} bytes is above the ${MAX_STORABLE_BYTES}-byte storable limit`) };
    }
    return { raw: await readFile(file) };
  } catch (error) {
    return { error };
  }
}

/**
 * Import a folder (recursively) into a mailbox by name, created as kind
 * "import" if missing. A file that cannot be read is reported in `failed` and
 * the import goes on.
 */
export async function importEmlFolder({ ctx, input }: { ctx: AppContext; input: FolderImportInput }): Promise<ImportCounts> {
  const mailbox = await ensureImportMailbox({ ctx, input: { name: input.mailboxName } });
  const batcher = new IngestBatcher(ctx);
  const all = input.match === "all";
  const window: Array<{ file: string; read: Promise<Read> }> = [];
  const consume = async ({ file, read }: { file: string; read: Promise<Read> }) => {
    const first = await read;
    const r = "later" in first ? await readNow(file) : first;
    if ("error" in r) return batcher.fail(file, r.error);
    if ("raw" in r) await batcher.add({ raw: r.raw, mailboxId: mailbox.id, label: file });
  };
  for await (const file of walk(input.folder, (where, err) => batcher.fail(where, err))) {
    const name = path.basename(file);
    if (all) {
      if (name === "README.md") continue;
    } else if (/\.mbox$/i.test(name)) {
      while (window.length) await consume(window.shift()!);
      await feedMbox(batcher, file, mailbox.id);
      continue;
    } else if (!/\.eml$/i.test(name)) continue;
    window.push({ file, read: readSmall(file) });
    if (window.length >= READ_AHEAD) await consume(window.shift()!);
  }
  while (window.length) await consume(window.shift()!);
  await batcher.flush();
  return batcher.counts;
}

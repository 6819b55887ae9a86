import { open, readFile, stat } from "node:fs/promises";
import type { AppContext } from "../../context.ts";
import { AppError } from "../../errors.ts";
import { IngestBatcher, type ImportCounts } from "./ingest-batch.ts";
import { importEmlFolder } from "./import-eml.ts";
import { importMbox } from "./import-mbox.ts";
import { ensureImportMailbox } from "../mailboxes/service.ts";

export const DEFAULT_IMPORT_MAILBOX = "import";

/** Does the file start like an mbox ("From " postmark line)? */
async function looksLikeMbox(file: string): Promise<boolean> {
  const fh = await open(file, "r");
  try {
    const { buffer, bytesRead } = await fh.read(Buffer.alloc(5), 0, 5, 0);
    return bytesRead === 5 && buffer.toString("latin1") === "From ";
  } finally {
    await fh.close();
  }
}

/**
 * `relance import-mail <folder|file.mbox|file.eml> [--mailbox NAME]`: a folder
 * (recursive .eml, .mbox inside split), an mbox file, or a single .eml.
 * Throws AppError only when the command itself cannot run (path missing).
 */
export async function importMail({
  ctx,
  input,
}: {
  ctx: AppContext;
  input: { path: string; mailboxName?: string };
}): Promise<ImportCounts> {
  const mailboxName = input.mailboxName || DEFAULT_IMPORT_MAILBOX;
  const info = await stat(input.path).catch(() => null);
  if (!info) throw new AppError("NOT_FOUND", `No such file or folder: ${input.path}`);
  if (info.isDirectory()) return importEmlFolder({ ctx, input: { folder: input.path, mailboxName } });
  if (/\.mbox$/i.test(input.path) || (await looksLikeMbox(input.path))) {
    return importMbox({ ctx, input: { file: input.path, mailboxName } });
  }
  const mailbox = await ensureImportMailbox({ ctx, input: { name: mailboxName } });
  const batcher = new IngestBatcher(ctx);
  await batcher.add({ raw: await readFile(input.path), mailboxId: mailbox.id, label: input.path });
  await batcher.flush();
  return batcher.counts;
}

/** One-line summary for the command line. */
export function formatCounts(c: ImportCounts): string {
  const lines = [
    `stored ${c.stored}, duplicates ${c.duplicates}, linked ${c.linked}, parse errors ${c.parseErrors}, too large ${c.tooLarge}, failed ${c.failed.length}`,
    ...c.failed.slice(0, 50).map((f) => `  failed: ${f.file}: ${f.error}`),
  ];
  if (c.failed.length > 50) lines.push(`  ... and ${c.failed.length - 50} more`);
  return lines.join("\n");
}

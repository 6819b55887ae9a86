import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { intentSchema } from "../../../../classifiers/intents.ts";
import { AppError } from "../../errors.ts";

/** One line of labels.jsonl (spec/eval-set-format.md of the shared material). */
export const labelSchema = z.object({
  file: z.string().min(1),
  intent: intentSchema,
  debtor: z.string().nullable(),
  language: z.string().min(2),
  invoices: z.array(z.string()),
  fields: z.record(z.string(), z.unknown()),
});
export type Label = z.infer<typeof labelSchema>;

export interface LabelledSet {
  name: string;
  dir: string;
  ledgerPath: string;
  emails: Array<{ file: string; path: string; label: Label }>;
}

/** Read a labelled set folder, checking labels and files match one to one. */
export async function readLabelledSet(dir: string): Promise<LabelledSet> {
  const abs = path.resolve(dir);
  const text = await readFile(path.join(abs, "labels.jsonl"), "utf8").catch(() => {
    throw new AppError("BAD_REQUEST", `${abs}: no labels.jsonl — is this a labelled set folder?`);
  });
  const labels = new Map<string, Label>();
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new AppError("VALIDATION", `labels.jsonl line ${i + 1}: not valid JSON`);
    }
    const parsed = labelSchema.safeParse(json);
    if (!parsed.success) throw new AppError("VALIDATION", `labels.jsonl line ${i + 1}: ${parsed.error.issues[0]?.path.join(".")}: ${parsed.error.issues[0]?.message}`);
    labels.set(parsed.data.file, parsed.data);
  });
  const files = (await readdir(path.join(abs, "emails"))).filter((f) => f.endsWith(".eml")).sort();
  const missing = files.filter((f) => !labels.has(f));
  if (missing.length) throw new AppError("VALIDATION", `no label for ${missing.length} email(s), e.g. ${missing[0]}`);
  const emails = files.map((f) => ({ file: f, path: path.join(abs, "emails", f), label: labels.get(f)! }));
  return { name: path.basename(abs), dir: abs, ledgerPath: path.join(abs, "ledger.json"), emails };
}

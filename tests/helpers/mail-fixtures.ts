import { readFileSync, readdirSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseMessage } from "../../server/src/modules/ingest/parse-message.ts";
import { mailInputFromParsed } from "../../classifiers/mail-input-from-parsed.ts";
import type { MailInput } from "../../classifiers/mail-input.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The shared third-party mail corpus, read in place (never copied into the repo). */
export const FIXTURES_DIR = process.env.RELANCE_FIXTURES_DIR
  ? path.resolve(process.env.RELANCE_FIXTURES_DIR)
  : path.resolve(repoRoot, "../shared/fixtures/mail");

export const fixturePath = (...parts: string[]) => path.join(FIXTURES_DIR, ...parts);
export const fixturesAvailable = () => existsSync(FIXTURES_DIR);

/** Files of a fixture folder, sorted, optionally filtered by name. */
export function listFixtures(dir: string, filter: (name: string) => boolean = () => true): string[] {
  return readdirSync(fixturePath(dir)).filter(filter).sort();
}

export const readFixture = (...parts: string[]) => readFileSync(fixturePath(...parts));

/** Raw message file → MailInput, exactly as ingestion would produce it. */
export async function mailFromFixture(...parts: string[]): Promise<MailInput> {
  return mailInputFromParsed(await parseMessage(readFixture(...parts), 50 * 1024 * 1024));
}

/** Build a MailInput from a few fields, for hand-written unit tests. */
export function mailOf(partial: Partial<MailInput> & { headers?: Record<string, string[]> }): MailInput {
  return {
    subject: null, fromAddress: null, fromName: null, to: [], cc: [], date: null, messageId: null,
    inReplyTo: null, references: [], headers: {}, text: null, html: null, attachments: [], ...partial,
  };
}

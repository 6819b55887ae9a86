import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { freshContext } from "../helpers/context.ts";
import type { AppContext } from "../../server/src/context.ts";
import { importEmlFolder } from "../../server/src/modules/ingest/import-eml.ts";
import { contentHash } from "../../server/src/modules/ingest/content-hash.ts";

// The real third-party corpus, read in place (never copied into the repo).
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const corpus = path.resolve(repoRoot, process.env.RELANCE_FIXTURES_DIR ?? "../shared/fixtures/mail");

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : e.name === "README.md" ? [] : [p];
  });
}

describe("the real mail corpus", () => {
  let ctx: AppContext;
  beforeAll(async () => {
    if (!existsSync(corpus)) throw new Error(`mail corpus not found at ${corpus}: set RELANCE_FIXTURES_DIR`);
    ctx = await freshContext();
  });
  afterAll(() => ctx?.database.close());

  it("ingests every file, each parsed or stored with its error", async () => {
    const all = files(corpus);
    expect(all.length).toBeGreaterThan(1000);
    const counts = await importEmlFolder({ ctx, input: { folder: corpus, mailboxName: "corpus", match: "all" } });
    const byStatus = await ctx.database.query<{ parse_status: string; n: number }>(
      sql`select parse_status, count(*)::int as n from messages group by parse_status order by parse_status`,
    );
    console.log(
      `corpus ${corpus}: ${all.length} files → stored ${counts.stored}, duplicates ${counts.duplicates}, failed ${counts.failed.length}; ` +
        `by parse status: ${byStatus.map((s) => `${s.parse_status} ${s.n}`).join(", ")}`,
    );
    expect(counts.failed).toEqual([]);
    expect(counts.stored + counts.duplicates + counts.linked).toBe(all.length);
    expect(byStatus.reduce((s, r) => s + Number(r.n), 0)).toBe(counts.stored);

    // Every file is findable by its content hash, with its raw bytes and, if not parsed, the reason.
    const stored = new Set(
      (await ctx.database.query<{ content_hash: string }>(sql`select content_hash from messages`)).map((r) => r.content_hash),
    );
    const missing = all.filter((f) => !stored.has(contentHash(readFileSync(f))));
    expect(missing).toEqual([]);
    const [gaps] = await ctx.database.query<{ no_raw: number; no_reason: number }>(sql`
      select count(*) filter (where r.message_id is null)::int as no_raw,
             count(*) filter (where m.parse_status <> 'parsed' and m.parse_error is null)::int as no_reason
      from messages m left join message_raw r on r.message_id = m.id`);
    expect(gaps).toEqual({ no_raw: 0, no_reason: 0 });
  }, 600_000);
});

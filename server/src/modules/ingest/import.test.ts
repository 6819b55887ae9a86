import { describe, it, expect, beforeAll, afterAll, beforeEach, afterEach } from "vitest";
import { mkdtempSync, mkdirSync, writeFileSync, symlinkSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { freshContext } from "../../../../tests/helpers/context.ts";
import type { AppContext } from "../../context.ts";
import { AppError } from "../../errors.ts";
import { generateMessage } from "../../bench/generate-messages.ts";
import { importEmlFolder } from "./import-eml.ts";
import { importMbox, splitMbox } from "./import-mbox.ts";
import { importMail, formatCounts } from "./import-mail.ts";

const eml = (n: number, body = `Payment ${n} sent.`, eol = "\r\n") =>
  [`From: ap${n}@acme.example`, "To: ar@relance.test", `Subject: m${n}`, "Date: Mon, 04 Mar 2024 09:00:00 +0000", `Message-ID: <m${n}@acme.example>`, "", body, ""].join(eol);

async function collect(file: string) {
  const out: string[] = [];
  for await (const m of splitMbox(file)) out.push(m.raw.toString("latin1"));
  return out;
}

describe("mbox splitting", () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(path.join(os.tmpdir(), "relance-mbox-"))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("splits on From_ lines, unquotes >From and keeps LF or CRLF line endings", async () => {
    for (const eol of ["\n", "\r\n"]) {
      const body = ["Hello,", ">From the accounts team: paid.", ">>From here on, quoted twice.", "From is not a separator mid-line? It is at line start:", "x"].join(eol);
      const quoted = body.replace(/^From /m, ">From ");
      const file = path.join(dir, `eol-${eol.length}.mbox`);
      writeFileSync(
        file,
        `From ap1@acme.example Mon Mar  4 09:00:00 2024${eol}${eml(1, quoted, eol)}${eol}` +
          `From ap2@acme.example Mon Mar  4 09:01:00 2024${eol}${eml(2, "second", eol)}${eol}`,
      );
      const msgs = await collect(file);
      expect(msgs).toHaveLength(2);
      expect(msgs[0]).toBe(eml(1, body.replace(">>From", ">From").replace(">From the", "From the"), eol));
      expect(msgs[1]).toBe(eml(2, "second", eol));
    }
  });

  it("does not hold an oversized message in memory", async () => {
    const file = path.join(dir, "oversize.mbox");
    writeFileSync(file, `From a Mon Mar  4 09:00:00 2024\n${eml(1, "x".repeat(5000), "\n")}\nFrom b Mon Mar  4 09:00:00 2024\n${eml(2, "ok", "\n")}`);
    const out = [];
    for await (const m of splitMbox(file, 1000)) out.push(m);
    expect(out.map((m) => m.oversize)).toEqual([true, false]);
    expect(out[0].raw.length).toBeLessThanOrEqual(1000);
    expect(out[0].bytes).toBeGreaterThan(5000);
  });

  it("streams a large mbox across read-chunk boundaries, message for message", async () => {
    const originals = Array.from({ length: 600 }, (_, i) => generateMessage(i, 3));
    const file = path.join(dir, "big.mbox");
    writeFileSync(file, Buffer.concat(originals.flatMap((m, i) => [Buffer.from(`From bench${i}@example Mon Mar  4 09:00:00 2024\r\n`), m, Buffer.from("\r\n")])));
    let i = 0;
    for await (const m of splitMbox(file)) {
      expect(m.raw.equals(originals[i]), `message ${i}`).toBe(true);
      i++;
    }
    expect(i).toBe(600);
  });
});

describe("folder and mbox import", () => {
  let ctx: AppContext;
  let dir: string;
  beforeEach(async () => {
    ctx = await freshContext();
    dir = mkdtempSync(path.join(os.tmpdir(), "relance-import-"));
  });
  afterEach(async () => {
    await ctx.database.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const count = async (q: ReturnType<typeof sql>) => Number((await ctx.database.query<{ n: number }>(q))[0].n);

  it("imports .eml files recursively and mbox files inside, reports unreadable files, creates the mailbox", async () => {
    mkdirSync(path.join(dir, "2024/03"), { recursive: true });
    writeFileSync(path.join(dir, "a.eml"), eml(1));
    writeFileSync(path.join(dir, "2024/03/b.EML"), eml(2));
    writeFileSync(path.join(dir, "2024/03/copy-of-a.eml"), eml(1));
    writeFileSync(path.join(dir, "2024/broken.eml"), "garbage without headers");
    writeFileSync(path.join(dir, "notes.txt"), eml(9));
    writeFileSync(path.join(dir, "archive.mbox"), `From x Mon Mar  4 09:00:00 2024\n${eml(3, "m3", "\n")}\nFrom y Mon Mar  4 09:00:00 2024\n${eml(4, "m4", "\n")}`);
    symlinkSync(path.join(dir, "missing-target.eml"), path.join(dir, "dangling.eml"));
    const counts = await importEmlFolder({ ctx, input: { folder: dir, mailboxName: "Demo" } });
    expect(counts).toMatchObject({ stored: 5, duplicates: 1, linked: 0, parseErrors: 1, tooLarge: 0 });
    expect(counts.failed).toHaveLength(1);
    expect(counts.failed[0].file).toMatch(/dangling\.eml$/);
    expect(counts.failed[0].error).toMatch(/ENOENT/);
    const [mb] = await ctx.database.query<{ kind: string }>(sql`select kind from mailboxes where name = 'Demo'`);
    expect(mb.kind).toBe("import");
    expect(formatCounts(counts)).toMatch(/^stored 5, duplicates 1, linked 0, parse errors 1, too large 0, failed 1\n  failed: .*dangling/);

    // Re-importing changes nothing; importing into another mailbox only links.
    expect(await importEmlFolder({ ctx, input: { folder: dir, mailboxName: "Demo" } })).toMatchObject({ stored: 0, duplicates: 6 });
    expect(await importEmlFolder({ ctx, input: { folder: dir, mailboxName: "Other" } })).toMatchObject({ stored: 0, linked: 5, duplicates: 1 });
    expect(await count(sql`select count(*)::int as n from messages`)).toBe(5);
    expect(await count(sql`select count(*)::int as n from message_mailboxes`)).toBe(10);
  });

  it("imports an mbox file, and a missing folder is an error of the command itself", async () => {
    const file = path.join(dir, "inbox.mbox");
    writeFileSync(file, [1, 2, 3].map((n) => `From ap${n}@acme.example Mon Mar  4 09:00:00 2024\n${eml(n, `body ${n}`, "\n")}\n`).join(""));
    expect(await importMbox({ ctx, input: { file, mailboxName: "mbox" } })).toMatchObject({ stored: 3, duplicates: 0, failed: [] });
    // The command entry point picks the importer from the path.
    const single = path.join(dir, "one.eml");
    writeFileSync(single, eml(8));
    expect(await importMail({ ctx, input: { path: single } })).toMatchObject({ stored: 1 });
    expect(await importMail({ ctx, input: { path: file, mailboxName: "mbox" } })).toMatchObject({ stored: 0, duplicates: 3 });
    await expect(importMail({ ctx, input: { path: path.join(dir, "nope") } })).rejects.toBeInstanceOf(AppError);
  });
});

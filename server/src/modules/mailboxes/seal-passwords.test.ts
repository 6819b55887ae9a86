import { describe, it, expect } from "vitest";
import { eq } from "drizzle-orm";
import { freshContext } from "../../../../tests/helpers/context.ts";
import { mailboxes } from "../../db/schema/mailboxes.ts";
import { createMailbox, getMailbox, resolveSecret } from "./service.ts";
import { sealStoredPasswords } from "./seal-passwords.ts";
import type { AppContext } from "../../context.ts";

const KEY = "test-secret-key-0123456789abcdef";
const input = (name: string, password: string) => ({
  name,
  address: `${name}@acme.example`,
  host: "imap.acme.example",
  port: 993,
  secure: true,
  user: "ar@acme.example",
  password,
  folder: "INBOX",
  sentFolder: "Sent",
  smtp: { host: "smtp.acme.example", port: 587, secure: false, user: "ar@acme.example", password: "smtp-s3cret" },
  enabled: false,
});
const row = async (ctx: AppContext, id: number) => (await ctx.db.select().from(mailboxes).where(eq(mailboxes.id, id)))[0];

describe("mailbox passwords at rest", () => {
  it("with RELANCE_SECRET_KEY, a new mailbox's passwords are stored sealed and still open for the sync", async () => {
    const ctx = await freshContext({ RELANCE_SECRET_KEY: KEY });
    const m = await createMailbox({ ctx, input: input("ar-fr", "imap-s3cret") });
    const r = await row(ctx, m.id);
    expect(r.imapPassword).toMatch(/^enc:v1:/);
    expect(JSON.stringify(r)).not.toContain("s3cret");
    expect(resolveSecret(r.imapPassword, { RELANCE_SECRET_KEY: KEY })).toBe("imap-s3cret");
    expect(resolveSecret((r.smtp as { password: string }).password, { RELANCE_SECRET_KEY: KEY })).toBe("smtp-s3cret");
    // The API still says only where the password comes from.
    expect((await getMailbox({ ctx, input: { id: m.id } })).imap?.passwordSource).toBe("stored");
    await ctx.database.close();
  });

  it("seals passwords stored in clear once the key is set; env: references stay as they are", async () => {
    const plain = await freshContext();
    const a = await createMailbox({ ctx: plain, input: input("ar-nl", "imap-s3cret") });
    const b = await createMailbox({ ctx: plain, input: { ...input("ar-de", "env:AR_DE_PASSWORD"), smtp: undefined } });
    expect((await row(plain, a.id)).imapPassword).toBe("imap-s3cret");
    expect(await sealStoredPasswords({ ctx: plain })).toEqual({ sealed: 0, inClear: 1 });

    // Same database, restarted with a key.
    const ctx = { ...plain, env: { ...plain.env, RELANCE_SECRET_KEY: KEY } } as AppContext;
    expect(await sealStoredPasswords({ ctx })).toEqual({ sealed: 1, inClear: 0 });
    expect(await sealStoredPasswords({ ctx })).toEqual({ sealed: 0, inClear: 0 });
    const ra = await row(ctx, a.id);
    expect(ra.imapPassword).toMatch(/^enc:v1:/);
    expect(resolveSecret(ra.imapPassword, { RELANCE_SECRET_KEY: KEY })).toBe("imap-s3cret");
    expect((await row(ctx, b.id)).imapPassword).toBe("env:AR_DE_PASSWORD");
    await plain.database.close();
  });

  it("a sealed password without the key, or with another key, is a clear error", async () => {
    const ctx = await freshContext({ RELANCE_SECRET_KEY: KEY });
    const m = await createMailbox({ ctx, input: input("ar-en", "imap-s3cret") });
    const sealed = (await row(ctx, m.id)).imapPassword;
    expect(() => resolveSecret(sealed, {})).toThrow(/RELANCE_SECRET_KEY is not set/);
    expect(() => resolveSecret(sealed, { RELANCE_SECRET_KEY: "another-key-0123456789abcdef" })).toThrow(/cannot be decrypted/);
    await ctx.database.close();
  });
});

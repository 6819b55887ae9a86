import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { freshContext } from "../../../../tests/helpers/context.ts";
import { apiAs, type ApiClient } from "../../../../tests/helpers/api.ts";
import type { AppContext } from "../../context.ts";
import { ensureImportMailbox, MAILBOX_EVENTS } from "./service.ts";
import type { MailboxView } from "./schemas.ts";

const body = (over: Record<string, unknown> = {}) =>
  JSON.stringify({
    name: "AR France",
    address: "AR@acme.example",
    host: "imap.acme.example",
    port: 993,
    secure: true,
    user: "ar@acme.example",
    password: "env:AR_FR_IMAP_PASSWORD",
    folder: "INBOX",
    sentFolder: "Sent Items",
    smtp: { host: "smtp.acme.example", port: 587, secure: false, user: "ar@acme.example", password: "s3cret-smtp" },
    ...over,
  });

describe("/api/mailboxes", () => {
  let ctx: AppContext;
  let manager: ApiClient;
  let clerk: ApiClient;

  beforeAll(async () => {
    ctx = await freshContext();
    manager = await apiAs(ctx, "manager");
    clerk = await apiAs(ctx, "clerk");
  });
  afterAll(() => ctx.database.close());

  it("adds an IMAP mailbox without ever echoing a password", async () => {
    const created: number[] = [];
    ctx.events.on(MAILBOX_EVENTS.created, ({ id }) => created.push(id));
    const res = await manager.request("/api/mailboxes", { method: "POST", body: body() });
    expect(res.status).toBe(201);
    const m = (await res.json()) as MailboxView;
    expect(m).toMatchObject({
      name: "AR France",
      address: "ar@acme.example",
      kind: "imap",
      folder: "INBOX",
      sentFolder: "Sent Items",
      imap: { host: "imap.acme.example", port: 993, secure: true, user: "ar@acme.example", passwordSource: "env", passwordEnvVar: "AR_FR_IMAP_PASSWORD" },
      smtp: { host: "smtp.acme.example", port: 587, secure: false, passwordSource: "stored" },
      messageCount: 0,
      sync: { status: "idle", lastUid: 0, lastError: null },
    });
    expect(JSON.stringify(m)).not.toContain("s3cret-smtp");
    expect(created).toEqual([m.id]);

    const one = await clerk.request(`/api/mailboxes/${m.id}`);
    expect(one.status).toBe(200);
    expect(((await one.json()) as MailboxView).id).toBe(m.id);
  });

  it("lists mailboxes with their sync status", async () => {
    await ensureImportMailbox({ ctx, input: { name: "Demo import" } });
    const res = await clerk.request("/api/mailboxes");
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: MailboxView[] };
    expect(items.map((i) => [i.name, i.kind, i.sync?.status ?? null])).toEqual([
      ["AR France", "imap", "idle"],
      ["Demo import", "import", null],
    ]);
    expect(items[1].imap).toBeNull();
  });

  it("triggers a sync and refuses it for import mailboxes", async () => {
    const { items } = (await (await clerk.request("/api/mailboxes")).json()) as { items: MailboxView[] };
    const imap = items.find((i) => i.kind === "imap")!;
    const asked: number[] = [];
    const listener = ({ id }: { id: number }) => asked.push(id);
    ctx.events.on(MAILBOX_EVENTS.syncRequested, listener);
    const res = await manager.request(`/api/mailboxes/${imap.id}/sync`, { method: "POST" });
    ctx.events.off(MAILBOX_EVENTS.syncRequested, listener);
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ id: imap.id, requested: true, syncRunningHere: true });
    expect(asked).toEqual([imap.id]);

    const imp = items.find((i) => i.kind === "import")!;
    const bad = await manager.request(`/api/mailboxes/${imp.id}/sync`, { method: "POST" });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: "BAD_REQUEST" } });
  });

  it("rejects bad input, duplicates, unknown ids and the wrong role", async () => {
    const dup = await manager.request("/api/mailboxes", { method: "POST", body: body() });
    expect(dup.status).toBe(409);
    expect(await dup.json()).toMatchObject({ error: { code: "CONFLICT" } });

    for (const bad of [
      { port: 70000 },
      { host: "imap.acme.example; rm -rf /" },
      { address: "not-an-address" },
      { password: "" },
      { name: "" },
      { smtp: { host: "" } },
    ]) {
      const res = await manager.request("/api/mailboxes", { method: "POST", body: body({ name: "Other", ...bad }) });
      expect(res.status, JSON.stringify(bad)).toBe(422);
      expect(await res.json()).toMatchObject({ error: { code: "VALIDATION" } });
    }
    const notJson = await manager.request("/api/mailboxes", { method: "POST", body: "{nope", headers: { "content-type": "application/json" } });
    expect(notJson.status).toBe(422);

    expect((await clerk.request("/api/mailboxes/424242")).status).toBe(404);
    expect((await manager.request("/api/mailboxes/424242/sync", { method: "POST" })).status).toBe(404);
    expect((await clerk.request("/api/mailboxes/x")).status).toBe(422);

    const forbidden = await clerk.request("/api/mailboxes", { method: "POST", body: body({ name: "By a clerk" }) });
    expect(forbidden.status).toBe(403);
  });
});

import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { createApp } from "../../app.ts";
import { freshContext } from "../../../../tests/helpers/context.ts";
import { apiAs } from "../../../../tests/helpers/api.ts";
import type { AppContext } from "../../context.ts";

describe("GET /api/events (server-sent events)", () => {
  let ctx: AppContext;
  beforeAll(async () => {
    ctx = await freshContext();
  });
  afterAll(() => ctx.database.close());

  it("relays new mail, classifications and draft events, ids only", async () => {
    const clerk = await apiAs(ctx, "clerk");
    const controller = new AbortController();
    const res = await clerk.request("/api/events", { signal: controller.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/event-stream/);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    const readUntil = async (needle: string) => {
      while (!text.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) break;
        text += decoder.decode(value);
      }
    };
    await readUntil("event: ready");
    ctx.events.emit("jobs.enqueued", { queue: "x" });
    ctx.events.emit("message.stored", { id: 42 });
    ctx.events.emit("message.classified", { messageId: 42, intent: "dispute", text: "secret body" });
    ctx.events.emit("draft.approved", { draftId: 7 });
    await readUntil('"type":"draft.approved"');
    await reader.cancel();
    controller.abort();
    expect(text).toContain('data: {"type":"message.stored","id":42}');
    expect(text).toContain('data: {"type":"message.classified","messageId":42}');
    expect(text).toContain('data: {"type":"draft.approved","draftId":7}');
    expect(text).not.toContain("jobs.enqueued");
    expect(text).not.toContain("secret body");
  });

  it("needs a session", async () => {
    const res = await createApp(ctx).request("/api/events");
    expect(res.status).toBe(401);
  });
});

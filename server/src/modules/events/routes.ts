import { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import type { AppEnv } from "../../http/types.ts";
import { relayBus } from "./relay.ts";

const HEARTBEAT_MS = 25_000;

/** Only ids and counts go to the browser, never message content. */
function publicPayload(payload: unknown): Record<string, unknown> {
  if (!payload || typeof payload !== "object") return {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(payload as Record<string, unknown>)) {
    if (/id$|ids$/i.test(k) && (typeof v === "number" || typeof v === "string" || Array.isArray(v))) out[k] = v;
  }
  return out;
}

/**
 * GET /api/events: server-sent events for live inbox updates
 * (message.stored, message.classified, message.updated, correction.created, draft.*),
 * each as `data: {"type": name, ...ids}`; a named "ready" event opens the stream.
 */
export const eventRoutes = new Hono<AppEnv>().get("/", (c) => {
  const bus = relayBus(c.var.ctx);
  return streamSSE(c, async (stream) => {
    let seq = 0;
    const queue: { name: string; data: string }[] = [];
    let wake: (() => void) | undefined;
    const onEvent = (name: string, payload: unknown) => {
      queue.push({ name, data: JSON.stringify({ type: name, ...publicPayload(payload) }) });
      wake?.();
    };
    bus.on("event", onEvent);
    const heartbeat = setInterval(() => wake?.(), HEARTBEAT_MS);
    stream.onAbort(() => wake?.());
    try {
      await stream.writeSSE({ event: "ready", data: "{}", id: String(seq++) });
      while (!stream.aborted) {
        if (queue.length === 0) {
          await new Promise<void>((resolve) => (wake = resolve));
          wake = undefined;
          if (queue.length === 0 && !stream.aborted) await stream.write(": keep-alive\n\n");
        }
        while (queue.length && !stream.aborted) {
          const e = queue.shift()!;
          // Unnamed ("message") events with the name in `type`: one EventSource.onmessage hears them all.
          await stream.writeSSE({ data: e.data, id: String(seq++) });
        }
      }
    } finally {
      clearInterval(heartbeat);
      bus.off("event", onEvent);
    }
  });
});

import { EventEmitter } from "node:events";
import type { AppContext } from "../../context.ts";

/** The in-process events the browser hears about (ids only; the UI refetches what it may see). */
export const RELAYED = /^(message\.(stored|classified|updated)|draft\.[\w.-]+|correction\.created)$/;

const buses = new WeakMap<AppContext, EventEmitter>();

/**
 * A bus carrying every relayed ctx.events event as ("event", name, payload).
 * EventEmitter has no wildcard listeners and the drafts module emits several
 * draft.* names, so ctx.events.emit is wrapped once per context to tee the
 * matching names here; emitters elsewhere stay unchanged.
 */
export function relayBus(ctx: AppContext): EventEmitter {
  let bus = buses.get(ctx);
  if (bus) return bus;
  const created = new EventEmitter();
  created.setMaxListeners(10_000);
  const original = ctx.events.emit.bind(ctx.events);
  ctx.events.emit = ((name: string | symbol, ...args: unknown[]) => {
    if (typeof name === "string" && RELAYED.test(name)) created.emit("event", name, args[0]);
    return original(name, ...args);
  }) as typeof ctx.events.emit;
  buses.set(ctx, created);
  bus = created;
  return bus;
}

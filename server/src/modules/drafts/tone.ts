import { eq } from "drizzle-orm";
import { Hono } from "hono";
import { z } from "zod";
import type { AppContext } from "../../context.ts";
import { notFound } from "../../errors.ts";
import { debtors } from "../../db/schema/debtors.ts";
import type { AppEnv } from "../../http/types.ts";
import { jsonBody, pathParams } from "../../http/validate.ts";
import { audit, actorOf, SYSTEM, type Actor } from "../../lib/audit.ts";

/**
 * The tone of a debtor's drafts: "friendly" (a first-time late payer) or
 * "firm" (a chronic one), per debtor or for a whole group at once. Drafts
 * written afterwards use it; existing drafts keep theirs.
 */
export const TONES = ["friendly", "firm"] as const;
export const toneBody = z.object({ tone: z.enum(TONES) }).strict();

export async function setDebtorTone({ ctx, input, actor = SYSTEM }: { ctx: AppContext; input: { debtorId?: number; group?: string; tone: (typeof TONES)[number] }; actor?: Actor }) {
  return ctx.db.transaction(async (tx) => {
    const where = input.debtorId !== undefined ? eq(debtors.id, input.debtorId) : eq(debtors.groupName, input.group ?? "");
    const rows = await tx.select({ id: debtors.id, tone: debtors.tone }).from(debtors).where(where);
    if (!rows.length) throw notFound(input.debtorId !== undefined ? "Debtor" : "Debtor group");
    await tx.update(debtors).set({ tone: input.tone, updatedAt: new Date() }).where(where);
    for (const r of rows.filter((r) => r.tone !== input.tone)) {
      await audit(tx, { entityType: "debtor", entityId: r.id, action: "tone_changed", actor, details: { from: r.tone, to: input.tone, group: input.group ?? null } });
    }
    return { updated: rows.length, tone: input.tone };
  });
}

/** Mounted under /api/debtors (writes: manager, per the route-role table). */
export const debtorToneRoutes = new Hono<AppEnv>()
  .put("/:id/tone", async (c) => {
    const { id } = pathParams(c, z.object({ id: z.coerce.number().int().positive() }));
    const { tone } = await jsonBody(c, toneBody);
    return c.json(await setDebtorTone({ ctx: c.var.ctx, input: { debtorId: id, tone }, actor: actorOf(c.var.user) }));
  })
  .put("/groups/:group/tone", async (c) => {
    const { group } = pathParams(c, z.object({ group: z.string().min(1).max(200) }));
    const { tone } = await jsonBody(c, toneBody);
    return c.json(await setDebtorTone({ ctx: c.var.ctx, input: { group, tone }, actor: actorOf(c.var.user) }));
  });

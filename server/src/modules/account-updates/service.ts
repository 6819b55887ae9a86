import { and, desc, eq, inArray, type SQL } from "drizzle-orm";
import type { AppContext } from "../../context.ts";
import type { Tx } from "../../db/client.ts";
import { AppError, notFound } from "../../errors.ts";
import { accountUpdateProposals } from "../../db/schema/account-update-proposals.ts";
import { debtors } from "../../db/schema/debtors.ts";
import { contacts } from "../../db/schema/contacts.ts";
import { audit, historyOf, SYSTEM, type Actor } from "../../lib/audit.ts";
import type { AccountChanges, AccountUpdateListQuery } from "./schemas.ts";

type ProposalRow = typeof accountUpdateProposals.$inferSelect;
type DebtorRow = typeof debtors.$inferSelect;

/** The debtor's current values for the fields a proposal may change (shown side by side). */
async function currentValues(tx: Tx, debtor: DebtorRow) {
  const emails = await tx.select({ email: contacts.email }).from(contacts).where(eq(contacts.debtorId, debtor.id));
  const extra = (debtor.extra ?? {}) as Record<string, unknown>;
  return {
    contactEmails: emails.map((e) => e.email),
    address: typeof extra.billingAddress === "string" ? extra.billingAddress : null,
    poNumber: typeof extra.poNumber === "string" ? extra.poNumber : null,
    vatNumber: debtor.vatNumber,
  };
}

/** Only what the email states; an empty proposal is still shown so a clerk can fill it in from the email. */
export function changesFromFields(fields: Record<string, unknown>): AccountChanges {
  const out: AccountChanges = {};
  for (const k of ["newEmail", "newAddress", "poNumber", "vatNumber"] as const) {
    const v = fields[k];
    if (typeof v === "string" && v.trim()) out[k] = k === "newEmail" ? v.trim().toLowerCase() : v.trim();
  }
  return out;
}

export async function proposeAccountUpdate(
  tx: Tx,
  input: { debtorId: number; messageId: number; changes: AccountChanges },
): Promise<{ proposal: ProposalRow; created: boolean }> {
  const [existing] = await tx.select().from(accountUpdateProposals).where(eq(accountUpdateProposals.messageId, input.messageId));
  if (existing) return { proposal: existing, created: false };
  const [debtor] = await tx.select().from(debtors).where(eq(debtors.id, input.debtorId));
  if (!debtor) throw notFound("Debtor");
  const [proposal] = await tx
    .insert(accountUpdateProposals)
    .values({ debtorId: debtor.id, messageId: input.messageId, changes: input.changes, current: await currentValues(tx, debtor) })
    .returning();
  await audit(tx, { entityType: "account_update", entityId: proposal.id, action: "proposed", actor: SYSTEM, details: { changes: input.changes } });
  return { proposal, created: true };
}

function view(p: ProposalRow, debtor?: { number: string; name: string }) {
  return {
    id: p.id,
    debtorId: p.debtorId,
    debtor: debtor ?? null,
    messageId: p.messageId,
    changes: p.changes as AccountChanges,
    current: p.current as Record<string, unknown>,
    status: p.status,
    decidedBy: p.decidedBy,
    decidedAt: p.decidedAt?.toISOString() ?? null,
    decisionNote: p.decisionNote,
    createdAt: p.createdAt.toISOString(),
  };
}

export async function listAccountUpdates({ ctx, input }: { ctx: AppContext; input: AccountUpdateListQuery }) {
  const where: SQL[] = [];
  if (input.status) where.push(inArray(accountUpdateProposals.status, input.status.split(",")));
  if (input.debtorId) where.push(eq(accountUpdateProposals.debtorId, input.debtorId));
  const rows = await ctx.db
    .select({ p: accountUpdateProposals, number: debtors.number, name: debtors.name })
    .from(accountUpdateProposals)
    .innerJoin(debtors, eq(debtors.id, accountUpdateProposals.debtorId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(accountUpdateProposals.createdAt), desc(accountUpdateProposals.id))
    .limit(input.limit)
    .offset(input.offset);
  return { items: rows.map((r) => view(r.p, { number: r.number, name: r.name })) };
}

export async function getAccountUpdate({ ctx, input }: { ctx: AppContext; input: { id: number } }) {
  const [row] = await ctx.db
    .select({ p: accountUpdateProposals, number: debtors.number, name: debtors.name })
    .from(accountUpdateProposals)
    .innerJoin(debtors, eq(debtors.id, accountUpdateProposals.debtorId))
    .where(eq(accountUpdateProposals.id, input.id));
  if (!row) throw notFound("Account update");
  return { ...view(row.p, { number: row.number, name: row.name }), history: await historyOf(ctx.db, "account_update", input.id) };
}

async function lockProposal(tx: Tx, id: number) {
  const [p] = await tx.select().from(accountUpdateProposals).where(eq(accountUpdateProposals.id, id)).for("update");
  if (!p) throw notFound("Account update");
  if (p.status !== "proposed") throw new AppError("CONFLICT", `This account update is already ${p.status}`);
  return p;
}

/**
 * The clerk confirms (possibly corrected) changes; only now do they reach the
 * debtor: a new AP address becomes a contact, the postal address and PO
 * number go to the debtor's details, the VAT number replaces the old one.
 */
export async function confirmAccountUpdate({ ctx, input, actor = SYSTEM }: { ctx: AppContext; input: { id: number; changes?: AccountChanges; note?: string }; actor?: Actor }) {
  await ctx.db.transaction(async (tx) => {
    const p = await lockProposal(tx, input.id);
    const changes = input.changes ?? (p.changes as AccountChanges);
    if (!Object.keys(changes).length) throw new AppError("VALIDATION", "Nothing to apply: give the changes to confirm");
    const [debtor] = await tx.select().from(debtors).where(eq(debtors.id, p.debtorId)).for("update");
    const before = await currentValues(tx, debtor);
    if (changes.newEmail) {
      await tx.insert(contacts).values({ debtorId: debtor.id, email: changes.newEmail.toLowerCase(), role: "accounts_payable" }).onConflictDoNothing();
    }
    const extra = { ...((debtor.extra ?? {}) as Record<string, unknown>) };
    if (changes.newAddress) extra.billingAddress = changes.newAddress;
    if (changes.poNumber) extra.poNumber = changes.poNumber;
    await tx
      .update(debtors)
      .set({ extra, ...(changes.vatNumber ? { vatNumber: changes.vatNumber } : {}), updatedAt: new Date() })
      .where(eq(debtors.id, debtor.id));
    await tx
      .update(accountUpdateProposals)
      .set({ status: "confirmed", changes, decidedBy: actor.userId, decidedAt: new Date(), decisionNote: input.note ?? null })
      .where(eq(accountUpdateProposals.id, p.id));
    await audit(tx, { entityType: "account_update", entityId: p.id, action: "confirmed", actor, details: { changes, before } });
    await audit(tx, { entityType: "debtor", entityId: debtor.id, action: "account_updated", actor, details: { proposalId: p.id, changes, before } });
  });
  return getAccountUpdate({ ctx, input: { id: input.id } });
}

export async function rejectAccountUpdate({ ctx, input, actor = SYSTEM }: { ctx: AppContext; input: { id: number; reason: string }; actor?: Actor }) {
  await ctx.db.transaction(async (tx) => {
    const p = await lockProposal(tx, input.id);
    await tx
      .update(accountUpdateProposals)
      .set({ status: "rejected", decidedBy: actor.userId, decidedAt: new Date(), decisionNote: input.reason })
      .where(eq(accountUpdateProposals.id, p.id));
    await audit(tx, { entityType: "account_update", entityId: p.id, action: "rejected", actor, details: { reason: input.reason } });
  });
  return getAccountUpdate({ ctx, input: { id: input.id } });
}

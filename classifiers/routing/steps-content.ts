import type { RouteContext } from "./context.ts";
import { compactKey } from "./fold.ts";
import { customerCanExtend, findCustomerNumbers, findVatNumbers, numberWindows, vatCanExtend, type NumberWindow } from "./identifiers.ts";
import { invoiceDebtors } from "./ledger-index.ts";
import { phrasePositions, textTokens } from "./names.ts";
import { similarityPoints, WEIGHTS } from "./scoring.ts";
import type { TextZone } from "./types.ts";

/**
 * Steps 5-10 of the cascade: what the mail says. Invoice references, customer
 * numbers, amounts, company names, similarity to earlier mail, VAT numbers.
 * Findings in the sender's own words weigh fully, in attachments a little less,
 * in the quoted history (usually our own reminder) little.
 */

/** Extra factor on content steps: auto-replies are boilerplate; unknown `other` mail needs more proof. */
function contentFactor(ctx: RouteContext, soft: boolean, unknownOther: boolean): number {
  if (ctx.input.intent === "auto_reply") return WEIGHTS.autoReplyContentFactor;
  if (soft && unknownOther) return WEIGHTS.unknownOtherSoftFactor;
  return 1;
}

// Long threads and attachments: the first part is what matters, and it bounds the cost per email.
const MAX_ZONE_CHARS = 20_000;

interface Zone {
  zone: TextZone;
  text: string;
  /** Identifier windows, pruned to what can still become a customer or VAT number. */
  windows: () => NumberWindow[];
}

/** The texts to read, by zone. A reply's subject echoes ours, so it counts as quoted. */
function zones(ctx: RouteContext): Zone[] {
  return ctx.memo("zones", () => {
    const { mail, senderText, quotedText } = ctx.input;
    const subject = mail.subject ?? "";
    const attachments = mail.attachments
      .filter((a) => a.text && !/^message\/delivery-status|rfc822-headers/i.test(a.contentType))
      .map((a) => a.text!)
      .join("\n");
    const cust = customerCanExtend(ctx.ix.customerNumbers);
    const vat = vatCanExtend(ctx.ix.vat);
    const canExtend = (c: string) => cust(c) || vat(c);
    return (
      [
        { zone: "own", text: ctx.isReplySubject ? senderText : `${subject}\n${senderText}` },
        { zone: "attachment", text: attachments },
        { zone: "quoted", text: ctx.isReplySubject ? `${subject}\n${quotedText}` : quotedText },
      ] as Array<{ zone: TextZone; text: string }>
    )
      .filter((z) => z.text.trim() !== "")
      .map((z) => {
        const text = z.text.slice(0, MAX_ZONE_CHARS);
        let windows: NumberWindow[] | null = null;
        return { zone: z.zone, text, windows: () => (windows ??= numberWindows(text, { canExtend })) };
      });
  });
}

/** Where an invoice reference outside the sender's words sits: it sets its weight. */
function refPlace(ctx: RouteContext, number: string): { base: number; where: string; content: boolean } {
  const inAttachment = ctx.memo("attachmentKeys", () =>
    compactKey(ctx.input.mail.attachments.filter((a) => a.text && !/delivery-status/i.test(a.contentType) && !/rfc822/i.test(a.contentType)).map((a) => a.text).join(" ")),
  );
  const key = compactKey(number);
  // A remittance advice or our invoice attached by the sender: what the mail is about.
  if (key && inAttachment.includes(key) && ctx.input.intent !== "bounce") return { base: WEIGHTS.invoice.attachment, where: "in an attachment", content: true };
  if (ctx.forwardedFrom) return { base: WEIGHTS.invoice.forwarded, where: "in the forwarded customer mail", content: false };
  if (ctx.input.intent === "bounce") return { base: WEIGHTS.invoice.bounceReturned, where: "in the returned letter", content: false };
  if (ctx.memo("quotedIsOurs", () => ctx.quotedIsOurs())) return { base: WEIGHTS.invoice.quotedOurs, where: "only in our quoted letter", content: false };
  return { base: WEIGHTS.invoice.quoted, where: "only in the quoted text", content: false };
}

export function invoiceStep(ctx: RouteContext): void {
  const { input } = ctx;
  const factor = contentFactor(ctx, false, false);
  for (const ref of input.invoiceRefs) {
    const debtors = [...new Set(invoiceDebtors(ctx.ix, ref.number).map((i) => i.debtorId))];
    if (debtors.length === 0) {
      ctx.add("invoice", `invoice ${ref.number} is not in the ledger`, null, 0);
      continue;
    }
    const conf = Math.max(0, Math.min(1, ref.confidence));
    const place = ref.inSenderText ? { base: WEIGHTS.invoice.own, where: "in the sender's own text", content: true } : refPlace(ctx, ref.number);
    // Only confident references in what the sender wrote or attached can outweigh who sent it (group payer).
    const role = place.content && conf >= 0.6 && input.intent !== "auto_reply" ? ("content" as const) : undefined;
    for (const d of debtors) {
      ctx.add("invoice", `invoice ${ref.number} of ${ctx.num(d)} ${place.where} (confidence ${conf.toFixed(2)})`, d, place.base * conf * factor, role);
    }
  }
}

export function customerNumberStep(ctx: RouteContext, unknownOther: boolean): void {
  const factor = contentFactor(ctx, false, unknownOther);
  for (const { zone, text, windows } of zones(ctx)) {
    for (const hit of findCustomerNumbers(text, ctx.ix.customerNumbers, windows())) {
      const base = hit.cue ? (hit.loose ? WEIGHTS.customerNumber.cueLoose : WEIGHTS.customerNumber.cue) : WEIGHTS.customerNumber.bare;
      const how = hit.cue ? "after a customer-number word" : "as a distinctive token";
      const role = zone === "own" && hit.cue && ctx.input.intent !== "auto_reply" ? ("content" as const) : undefined;
      ctx.add("customer_number", `"${hit.raw}" (${zone} text, ${how}) is the number of ${ctx.num(hit.value)}`, hit.value, base * WEIGHTS.zone[zone] * factor, role);
    }
  }
}

export function amountStep(ctx: RouteContext, unknownOther: boolean): void {
  const factor = contentFactor(ctx, true, unknownOther);
  const seen = new Set<string>();
  for (const a of ctx.input.amounts) {
    if (!(a.value >= 1)) continue;
    const cents = Math.round(a.value * 100);
    const key = a.currency ? `${a.currency.toUpperCase()}|${cents}` : `*|${cents}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const debtors = [...(ctx.ix.amounts.get(key) ?? [])];
    const shown = `${(cents / 100).toFixed(2)}${a.currency ? " " + a.currency.toUpperCase() : ""}`;
    if (debtors.length === 1) {
      ctx.add("amount", `${shown} equals an open item or the open balance of ${ctx.num(debtors[0])} only`, debtors[0], WEIGHTS.amount * factor);
    } else if (debtors.length > 1) {
      ctx.add("amount", `${shown} matches open items of ${debtors.length} debtors: not used`, null, 0);
    }
  }
}

export function nameStep(ctx: RouteContext, unknownOther: boolean): void {
  const factor = contentFactor(ctx, true, unknownOther);
  const { mail, intent } = ctx.input;
  const texts: Array<{ zone: TextZone; label: string; tokens: string[] }> = [];
  // The display name is the sender's own, unless the sender is a mail server or one of us.
  if (mail.fromName && intent !== "bounce" && !ctx.senderIsOurs) {
    texts.push({ zone: "own", label: "display name", tokens: textTokens(mail.fromName) });
  }
  for (const z of zones(ctx)) {
    texts.push({ zone: z.zone, label: `${z.zone} text`, tokens: textTokens(z.text) });
  }
  const ourPhrases = ctx.ourNamePhrases();
  const best = new Map<string, { weight: number; detail: string; debtorId: number }>();
  for (const t of texts) {
    const excluded = new Set<number>();
    for (const p of ourPhrases) for (const i of phrasePositions(t.tokens, p)) excluded.add(i);
    for (const hit of ctx.ix.names.find(t.tokens, excluded)) {
      const { debtorId, kind, single } = hit.value;
      const base = kind === "contact" ? WEIGHTS.name.contact : single ? WEIGHTS.name.companySingle : WEIGHTS.name.company;
      const weight = (base + (t.label === "display name" ? WEIGHTS.name.displayBonus : 0)) * WEIGHTS.zone[t.zone] * factor;
      const what = kind === "contact" ? "contact person" : "company name";
      const key = `${debtorId}|${kind}`;
      if ((best.get(key)?.weight ?? -1) >= weight) continue;
      best.set(key, { weight, debtorId, detail: `${what} "${hit.tokens.join(" ")}" of ${ctx.num(debtorId)} in the ${t.label}` });
    }
  }
  for (const b of best.values()) ctx.add("company_name", b.detail, b.debtorId, b.weight);
}

/**
 * Nearest earlier mail: a debtor gets points for its closest neighbour,
 * scaled by its share of the neighbours that count (similarity ≥ 0.8, the
 * closest five): templated mail of many debtors looks alike, and only
 * neighbours that agree say something.
 */
export function similarityStep(ctx: RouteContext, unknownOther: boolean): void {
  const { neighbours, intent } = ctx.input;
  // Delivery reports all look alike: similarity says nothing about whose they are.
  if (!neighbours?.length || intent === "bounce") return;
  const factor = contentFactor(ctx, true, unknownOther);
  const top = neighbours
    .filter((n) => n.similarity >= 0.8 && ctx.ix.debtors.has(n.debtorId))
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, 5);
  const mass = top.reduce((sum, n) => sum + n.similarity, 0);
  const byDebtor = new Map<number, { best: number; mass: number; count: number }>();
  for (const n of top) {
    const e = byDebtor.get(n.debtorId) ?? { best: 0, mass: 0, count: 0 };
    byDebtor.set(n.debtorId, { best: Math.max(e.best, n.similarity), mass: e.mass + n.similarity, count: e.count + 1 });
  }
  for (const [d, e] of byDebtor) {
    const share = e.mass / mass;
    const pts = similarityPoints(e.best) * share;
    if (pts > 0) {
      ctx.add("similarity", `earlier mail of ${ctx.num(d)} is similar (best ${e.best.toFixed(3)}, ${e.count} of ${top.length} nearest)`, d, pts * factor);
    }
  }
}

export function vatStep(ctx: RouteContext, unknownOther: boolean): void {
  const factor = contentFactor(ctx, false, unknownOther);
  const best = new Map<number, { weight: number; detail: string }>();
  for (const { zone, text, windows } of zones(ctx)) {
    for (const hit of findVatNumbers(text, ctx.ix.vat, windows())) {
      const weight = WEIGHTS.vat[hit.kind] * WEIGHTS.zone[zone] * factor;
      if ((best.get(hit.value)?.weight ?? -1) >= weight) continue;
      const what = hit.kind === "siren" ? "SIREN/SIRET" : "VAT number";
      best.set(hit.value, { weight, detail: `${what} "${hit.raw}" (${zone} text) is that of ${ctx.num(hit.value)}` });
    }
  }
  for (const [d, b] of best) ctx.add("vat", b.detail, d, b.weight);
}

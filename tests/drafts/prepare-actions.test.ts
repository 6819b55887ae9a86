import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { freshContext } from "../helpers/context.ts";
import type { AppContext } from "../../server/src/context.ts";
import { accountUpdateProposals, disputes, drafts, paymentPlans, promises, tasks } from "../../server/src/db/schema.ts";
import { prepareActions } from "../../server/src/modules/drafts/prepare-actions.ts";
import { REPLY_INTENTS } from "../../server/src/modules/drafts/propose.ts";
import { checkFacts } from "../../server/src/modules/drafts/fact-check.ts";
import { allowedFromFacts } from "../../server/src/modules/drafts/allowed-facts.ts";
import type { LedgerFacts } from "../../server/src/modules/drafts/facts.ts";
import { formatMoney, localeFor } from "../../server/src/modules/drafts/locale-format.ts";
import { renderAttachments } from "../../server/src/modules/outbound/compose.ts";
import { extractPdfText } from "../../server/src/modules/ingest/pdf-text.ts";
import { emailFor } from "./emails.ts";
import { CONTACT_BY_LANG, INVOICE_BY_LANG, insertEmail, setupLedger, TODAY } from "./fixtures.ts";

const LANGS = ["nl", "fr", "de", "en"] as const;
let ctx: AppContext;
let mailboxId: number;
const results = new Map<string, { messageId: number; header: string }>();

beforeAll(async () => {
  ctx = await freshContext();
  ({ mailboxId } = await setupLedger(ctx));
  // Every intent in every language, each on a fresh email (so each debtor gets several cases).
  for (const intent of REPLY_INTENTS) {
    for (const lang of LANGS) {
      const { id, messageId } = await insertEmail(ctx, emailFor(intent, lang, mailboxId));
      const r = await prepareActions({ ctx, input: { messageId: id }, options: { llm: null, today: TODAY } });
      expect(r.status).toBe("done");
      results.set(`${intent}.${lang}`, { messageId: id, header: messageId });
    }
  }
});
afterAll(async () => ctx.database.close());

describe("template drafts for every intent × language", () => {
  for (const intent of REPLY_INTENTS) {
    for (const lang of LANGS) {
      it(`${intent} in ${lang}: written in the sender's language from the ledger, facts all check out`, async () => {
        const { messageId, header } = results.get(`${intent}.${lang}`)!;
        const [d] = await ctx.db.select().from(drafts).where(eq(drafts.messageId, messageId));
        expect(d).toMatchObject({ status: "proposed", source: "template", language: lang, intent, templateId: `draft-${intent.replace(/_/g, "-")}-${lang}`, templateVersion: "1" });
        expect(d.body).not.toMatch(/\{\{|\}\}|undefined|NaN|null/);
        expect(d.body.length).toBeGreaterThan(150);
        expect(d.subject).toBe(`Re: ${intent} ${lang}`);
        // Recipients and threading come from the email, never from its text.
        expect(d.toAddresses).toEqual([intent === "insolvency_notice" ? "curator@law-firm.example" : CONTACT_BY_LANG[lang]]);
        expect(d.fromAddress).toBe("ar@acme-supplies.example");
        expect(d.inReplyTo).toBe(header);
        expect(d.references).toEqual([header]);
        // The template text passes the same ledger check an LLM draft must pass.
        const facts = d.facts as LedgerFacts;
        expect(checkFacts(`${d.subject}\n${d.body}`, allowedFromFacts(facts))).toEqual([]);
        // Amounts in the debtor's locale.
        const loc = localeFor(lang, facts.debtor.country);
        const main = facts.totals[0];
        const money = (c: number) => formatMoney(c, main.currency, loc).replace(/[\u202f\u00a0]/g, " ");
        if (["document_request", "payment_notice", "question", "insolvency_notice"].includes(intent)) expect(d.body).toContain(money(main.openCents));
        if (intent === "payment_plan_request") {
          // The plan leaves out invoices already in dispute (the dispute email of this debtor came first).
          const plan = facts.case as Extract<LedgerFacts["case"], { kind: "plan" }>;
          const plannable = facts.openInvoices.filter((i) => !i.inDispute).reduce((s, i) => s + i.openCents, 0);
          expect(plan.totalCents).toBe(plannable);
          expect(plan.instalments.reduce((s, i) => s + i.amountCents, 0)).toBe(plan.totalCents);
          expect(d.body).toContain(money(plan.totalCents));
        }
        if (!["payment_plan_request", "account_update", "insolvency_notice"].includes(intent)) expect(d.body).toContain(INVOICE_BY_LANG[lang]);
      });
    }
  }

  it("amounts and dates read like the debtor writes them", async () => {
    const body = async (key: string) => (await ctx.db.select().from(drafts).where(eq(drafts.messageId, results.get(key)!.messageId)))[0].body;
    expect(await body("question.de")).toContain("5.950,00 €");
    expect(await body("question.fr")).toMatch(/1 234,56 €/);
    expect(await body("question.nl")).toContain("€ 1.210,00");
    expect(await body("question.en")).toContain("€899.99");
    expect(await body("payment_promise.de")).toContain("31. März 2025");
    expect(await body("payment_promise.fr")).toContain("31 mars 2025");
    expect(await body("payment_promise.nl")).toContain("31 maart 2025");
    expect(await body("payment_promise.en")).toContain("31 March 2025");
  });

  it("tone follows the debtor: the French debtor is firm, the Dutch one friendly", async () => {
    const get = async (key: string) => (await ctx.db.select().from(drafts).where(eq(drafts.messageId, results.get(key)!.messageId)))[0];
    const fr = await get("payment_promise.fr");
    const nl = await get("payment_promise.nl");
    expect(fr.tone).toBe("firm");
    expect(fr.body).toMatch(/poursuivre la procédure de recouvrement/);
    expect(nl.tone).toBe("friendly");
    expect(nl.body).toMatch(/sturen we geen herinneringen/);
  });

  it("attaches the requested invoice copy as a PDF generated from the ledger", async () => {
    const [d] = await ctx.db.select().from(drafts).where(eq(drafts.messageId, results.get("document_request.de")!.messageId));
    expect(d.attachments).toEqual([{ kind: "invoice", invoiceId: expect.any(Number), number: "R-2025-3301" }]);
    const [pdf] = await renderAttachments(d);
    expect(pdf.filename).toBe("Rechnung-R-2025-3301.pdf");
    expect(pdf.content.subarray(0, 5).toString()).toBe("%PDF-");
    const text = await extractPdfText(pdf.content);
    expect(text).toContain("R-2025-3301");
    expect(text).toContain("5.950,00 €");
    expect(text).toContain("Müller Maschinenbau GmbH");
  });

  it("opens one case per case-bearing email", async () => {
    expect(await ctx.db.select().from(disputes)).toHaveLength(4);
    expect(await ctx.db.select().from(promises)).toHaveLength(4);
    expect(await ctx.db.select().from(paymentPlans)).toHaveLength(4);
    expect(await ctx.db.select().from(accountUpdateProposals)).toHaveLength(4);
    expect(await ctx.db.select().from(tasks)).toHaveLength(4);
  });
});

import { describe, expect, it } from "vitest";
import { parseTemplate, renderTemplate, loadTemplate } from "./templates.ts";
import { buildTemplateVars } from "./template-vars.ts";
import { checkFacts } from "./fact-check.ts";
import { allowedFromFacts } from "./allowed-facts.ts";
import { TEMPLATE_INTENTS } from "./propose.ts";
import type { CaseFacts } from "./facts.ts";
import { sampleFacts } from "../../../../tests/drafts/sample-facts.ts";

const caseFor: Record<string, CaseFacts | null> = {
  dispute: { kind: "dispute", id: 1, invoiceNumbers: ["F2025-0113"], disputedCents: 20000, reason: "damaged", slaDueDate: "2025-04-03" },
  payment_promise: { kind: "promise", id: 1, promisedDate: "2025-03-31", amountCents: 123456, paidCents: 0, status: "pending" },
  promise_followup: { kind: "promise", id: 1, promisedDate: "2025-03-31", amountCents: 123456, paidCents: 50000, status: "partly_kept" },
  payment_plan_request: { kind: "plan", id: 1, totalCents: 246456, instalments: [{ seq: 1, dueDate: "2025-04-01", amountCents: 82152 }, { seq: 2, dueDate: "2025-05-01", amountCents: 82152 }, { seq: 3, dueDate: "2025-06-01", amountCents: 82152 }] },
  account_update: { kind: "account_update", id: 1, changes: { newEmail: "ap@martin.example", poNumber: "PO-5521" } },
  insolvency_notice: { kind: "insolvency", taskId: 1, claimCents: 246456, caseReference: "2025/123", administrator: "Me Dupont" },
};

describe("reply templates", () => {
  for (const intent of TEMPLATE_INTENTS) {
    for (const lang of ["nl", "fr", "de", "en"] as const) {
      it(`${intent}.${lang} renders in both tones, with and without a name, stating only ledger facts`, () => {
        const t = loadTemplate(intent, lang);
        expect(t).toMatchObject({ id: `draft-${intent.replace(/_/g, "-")}-${lang}`, version: 1, intent, language: lang });
        const bodies = new Set<string>();
        for (const tone of ["friendly", "firm"]) {
          for (const fromName of ["Sophie Martin", null]) {
            const facts = sampleFacts({ case: caseFor[intent] ?? null, fields: intent === "payment_notice" ? { amount: 1234.56, paidDate: "2025-03-18" } : {} });
            facts.message.fromName = fromName;
            const vars = buildTemplateVars({ facts, language: lang, tone, attachmentNames: intent === "document_request" ? ["copy.pdf"] : [] });
            const out = renderTemplate(t, vars);
            expect(out.body).not.toMatch(/\{\{|\}\}|undefined|\n{3,}/);
            expect(out.body).toContain("Acme Supplies BV");
            if (fromName) expect(out.body).toContain("Sophie Martin");
            expect(checkFacts(`${out.subject}\n${out.body}`, allowedFromFacts(facts))).toEqual([]);
            bodies.add(out.body);
          }
        }
        expect(bodies.size).toBeGreaterThan(1);
      });
    }
  }
});

describe("template engine", () => {
  const t = parseTemplate(
    "---\nid: t\nversion: 2\nintent: question\nlanguage: en\n---\n# [subject]\nRe: {{s}}\n# [body]\n{{#if a}}\nA is {{a}}.\n{{else}}\nNo A.\n{{/if}}\n\n{{#if not b}}Not b{{#if a}} but a{{/if}}.{{/if}}\nEnd",
    "t",
  );
  it("handles if/else, negation, nesting and standalone block lines", () => {
    expect(renderTemplate(t, { s: "x", a: "1", b: "" })).toEqual({ subject: "Re: x", body: "A is 1.\n\nNot b but a.\nEnd\n" });
    expect(renderTemplate(t, { s: "x", a: "", b: "1" }).body).toBe("No A.\n\nEnd\n");
  });
  it("refuses a missing variable and malformed blocks", () => {
    expect(() => renderTemplate(t, { s: "x", a: "1" })).toThrow(/no value for \{\{#if b\}\}/);
    expect(() => parseTemplate("---\nid: t\n---\n# [body]\nx", "bad")).toThrow(/front-matter/);
    const unclosed = parseTemplate("---\nid: u\nversion: 1\nintent: q\nlanguage: en\n---\n# [subject]\ns\n# [body]\n{{#if a}}x", "u");
    expect(() => renderTemplate(unclosed, { a: "1" })).toThrow(/unclosed/);
  });
});

